package org.detente.engine;

/** Kinds of deaths counted per actor. */
public enum CasualtyKind {
  /** Soldiers killed in conventional combat. */
  MILITARY,
  /** Civilians killed by conventional war. */
  CIVILIAN,
  /** Deaths from nuclear detonations (prompt and fallout). */
  NUCLEAR
}
