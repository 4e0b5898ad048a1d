package org.detente.engine;

/**
 * What the engine needs to know of nuclear weapons effects: the casualties of one detonation. The
 * engine owns this interface; the command line wires the shipped model
 * ({@code org.detente.effects.NuclearCasualtyModel}) into it, tests their own. Implementations
 * must be deterministic and thread-safe; the engine calls them while compiling, never per step.
 */
@FunctionalInterface
public interface CasualtySource {

  /**
   * Casualties of one detonation.
   *
   * @param latDeg   latitude of ground zero in degrees
   * @param lonDeg   longitude of ground zero in degrees
   * @param yieldKt  yield in kilotons
   * @param airBurst true for an air burst at the height that maximises the 5 psi range, false for
   *                 a surface burst
   * @return prompt deaths and injuries (blast, thermal, initial radiation) and fallout deaths
   */
  Casualties estimate(double latDeg, double lonDeg, double yieldKt, boolean airBurst);

  /**
   * Casualties of one detonation, in people.
   *
   * @param deaths        prompt deaths
   * @param injuries      prompt injuries among survivors
   * @param falloutDeaths deaths from fallout (0 for an air burst); NaN if not computed
   */
  record Casualties(double deaths, double injuries, double falloutDeaths) {}
}
