package org.detente.scenario;

/** What a nuclear or conventional strike would hit. */
public enum TargetKind {
  CITY,
  MILITARY_BASE,
  FORCES,
  NUCLEAR_FORCES
}
