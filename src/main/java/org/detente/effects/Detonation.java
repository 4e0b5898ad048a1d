package org.detente.effects;

import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * One detonation at a place.
 *
 * @param latDeg          latitude of ground zero, degrees
 * @param lonDeg          longitude of ground zero, degrees
 * @param burst           yield and height of burst
 * @param fissionFraction fraction of the yield from fission (drives fallout), 0–1
 */
public record Detonation(double latDeg, double lonDeg, Burst burst, double fissionFraction) {

  /** Validates coordinates and fission fraction. */
  public Detonation {
    if (!(latDeg >= -90 && latDeg <= 90)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "latitude (degrees)", -90, 90, latDeg);
    }
    if (!(lonDeg >= -180 && lonDeg <= 180)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "longitude (degrees)", -180, 180, lonDeg);
    }
    if (burst == null) {
      throw new InvalidInputException(Message.MISSING, "detonation", "a burst");
    }
    Ranges.checkFissionFraction(fissionFraction);
  }

  /** A detonation with the default fission fraction of 0.5 (typical two-stage weapon). */
  public static Detonation of(double latDeg, double lonDeg, Burst burst) {
    return new Detonation(latDeg, lonDeg, burst, 0.5);
  }
}
