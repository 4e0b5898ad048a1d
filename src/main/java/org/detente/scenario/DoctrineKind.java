package org.detente.scenario;

/** Declared or assumed nuclear first-use doctrine. */
public enum DoctrineKind {
  /** No nuclear weapons, or never uses them. */
  NONE,
  /** Uses nuclear weapons only in retaliation for nuclear use. */
  NO_FIRST_USE,
  /** First use considered only when the state's existence (home territory) is threatened. */
  EXISTENTIAL,
  /** First use considered to end a conventional war on favourable terms. */
  ESCALATE_TO_DEESCALATE
}
