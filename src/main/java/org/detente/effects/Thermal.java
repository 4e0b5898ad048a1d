package org.detente.effects;

import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * Thermal radiation from the fireball.
 *
 * <p>Radiant exposure Q (cal/cm²) against slant range uses the curve fit of the U.S. Nuclear
 * Bomb Effects Computer, E. R. Fletcher et al., CEX-62.2 (USAEC, 1963), eq. 2.108 (slant range
 * for a given exposure, log-cubic in Q/W) and its inverse eq. 2.106; a surface burst counts as
 * 0.7·W because the ground absorbs part of the hemispherical fireball's radiation. The fit
 * describes Glasstone &amp; Dolan's (1977) ch. VII physics, Q = f·W·τ/(4πD²) with thermal
 * partition f ≈ 0.35 and 1 kt = 10¹² cal, for a clear atmosphere: the transmittance τ it implies
 * falls from about 0.9 near small bursts to about 0.3–0.5 at tens of km ({@link
 * #impliedTransmittance}); tests check it stays within (0, 1].
 *
 * <p>Burn thresholds (radiant exposure producing the burn on bare skin) grow with yield because
 * a longer pulse delivers the same energy more slowly: 20 kt: 2.5 / 5 / 8, 1 Mt: 3.2 / 6 / 10,
 * 20 Mt: 5 / 8.5 / 12 cal/cm² for first / second / third degree (Glasstone &amp; Dolan's table of
 * radiant exposures for burns, as restated in the Arizona State University EEE 460 notes). We
 * interpolate linearly in log W between those yields, extrapolate the 20 kt – 1 Mt slope down to
 * 1 kt, and hold the values constant below 1 kt and above 20 Mt.
 */
public final class Thermal {

  /** Thermal partition of an air burst (fraction of the yield emitted as thermal radiation). */
  public static final double THERMAL_FRACTION_AIR = 0.35;
  /** Effective yield factor of a surface burst for thermal radiation. */
  public static final double SURFACE_FACTOR = 0.7;

  private static final double[] FIT_RANGE = {-0.0193419, -0.4804553, -0.0055685, 0.0002013};
  private static final double[] FIT_EXPOSURE = {-0.0401874, -2.0823477, -0.0511744, -0.0074958};
  private static final double KM_PER_MI = 1.609344;

  private static final double[] THRESH_LOGW = {Math.log10(20), Math.log10(1000), Math.log10(20000)};
  private static final double[][] THRESH = {
    {2.5, 3.2, 5.0}, // first degree
    {5.0, 6.0, 8.5}, // second degree
    {8.0, 10.0, 12.0} // third degree
  };

  private Thermal() {}

  private static double effectiveYield(double yieldKt, boolean surface) {
    Ranges.checkYield(yieldKt);
    return surface ? SURFACE_FACTOR * yieldKt : yieldKt;
  }

  /** Slant range in km at which the radiant exposure is {@code calPerCm2}. */
  public static double slantRangeKm(double yieldKt, double calPerCm2, boolean surface) {
    if (!(calPerCm2 > 0)) {
      throw new InvalidInputException(Message.POSITIVE, "radiant exposure (cal/cm²)", calPerCm2);
    }
    double w = effectiveYield(yieldKt, surface);
    double l = Math.log10(calPerCm2 / w);
    double lg = cubic(FIT_RANGE, l);
    return Math.pow(10, lg) * KM_PER_MI;
  }

  /** c[0] + c[1]·x + c[2]·x² + c[3]·x³ (Horner). */
  private static double cubic(double[] c, double x) {
    return c[0] + x * (c[1] + x * (c[2] + x * c[3]));
  }

  /** Radiant exposure in cal/cm² at a slant range (clear air, ~10 mi visibility). */
  public static double exposureCalPerCm2(double yieldKt, double slantRangeKm, boolean surface) {
    if (!(slantRangeKm > 0)) {
      throw new InvalidInputException(Message.POSITIVE, "slant range (km)", slantRangeKm);
    }
    double w = effectiveYield(yieldKt, surface);
    double l = Math.log10(slantRangeKm / KM_PER_MI);
    double lg = cubic(FIT_EXPOSURE, l);
    return Math.pow(10, lg) * w;
  }

  /**
   * Transmittance implied by the fit: τ = Q·4πD²/(f·W·10¹² cal) (G&amp;D 1977 ch. VII, point
   * source at slant range D).
   */
  public static double impliedTransmittance(double yieldKt, double slantRangeKm, boolean surface) {
    double q = exposureCalPerCm2(yieldKt, slantRangeKm, surface);
    double dCm = slantRangeKm * 1e5;
    double w = effectiveYield(yieldKt, surface);
    return q * 4 * Math.PI * dCm * dCm / (THERMAL_FRACTION_AIR * w * 1e12);
  }

  /**
   * Radiant exposure in cal/cm² that produces a burn of the given degree (1, 2, 3) on bare skin
   * for a burst of this yield.
   */
  public static double burnThresholdCalPerCm2(double yieldKt, int degree) {
    Ranges.checkYield(yieldKt);
    if (degree < 1 || degree > 3) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "burn degree", 1, 3, degree);
    }
    double[] t = THRESH[degree - 1];
    double lw = Math.log10(Math.max(1.0, Math.min(20000.0, yieldKt)));
    if (lw <= THRESH_LOGW[1]) {
      double s = (t[1] - t[0]) / (THRESH_LOGW[1] - THRESH_LOGW[0]);
      return t[0] + s * (lw - THRESH_LOGW[0]);
    }
    double s = (t[2] - t[1]) / (THRESH_LOGW[2] - THRESH_LOGW[1]);
    return t[1] + s * (lw - THRESH_LOGW[1]);
  }

  /** Ground range in km of a burn degree; 0 if the exposure is not reached on the ground. */
  public static double burnGroundRangeKm(double yieldKt, int degree, double heightOfBurstM) {
    double d = slantRangeKm(yieldKt, burnThresholdCalPerCm2(yieldKt, degree), heightOfBurstM <= 0);
    return groundRange(d, heightOfBurstM / 1000.0);
  }

  static double groundRange(double slantKm, double hKm) {
    return slantKm > hKm ? Math.sqrt(slantKm * slantKm - hKm * hKm) : 0.0;
  }
}
