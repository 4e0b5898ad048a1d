package org.detente.scenario;

/** Terrain class of a theater; sets the defender's multiplier in combat. */
public enum Terrain {
  OPEN,
  MIXED,
  FOREST,
  URBAN,
  MOUNTAIN,
  /** Separated by sea: crossing needs naval and air superiority. */
  MARITIME
}
