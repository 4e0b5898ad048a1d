package org.detente.effects;

/**
 * Estimates the casualties of one nuclear detonation from the shipped population data.
 * Implementations must be deterministic and thread-safe.
 */
public interface DetonationCasualties {

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
   * Casualties of one detonation.
   *
   * @param deaths        prompt deaths
   * @param injuries      prompt injuries among survivors
   * @param falloutDeaths deaths from fallout (0 for an air burst); NaN if not computed
   */
  record Casualties(double deaths, double injuries, double falloutDeaths) {}
}
