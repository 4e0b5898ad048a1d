package org.detente.effects;

import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * Initial nuclear radiation (neutrons and gamma rays in the first minute) as a tissue dose in
 * rem against slant range, from the curve fit of the Nuclear Bomb Effects Computer (Fletcher et
 * al., CEX-62.2, 1963, eq. 2.116), which reproduces Glasstone &amp; Dolan (1977) ch. VIII
 * (Fig. 8.46 summary curves for fission weapons) in a sea-level atmosphere:
 *
 * <pre>
 * log10 D = A + (B + A'L + D'L² + G'L³)w + (C + B'L + E'L² + H'L³)w³ + (Dc + C'L + F'L² + I'L³)w⁵
 *         + E·w⁷ + F·L + G·L² + H·L³ + I·L⁵,   L = log10(rem), w = log10(W kt), D in statute miles
 * </pre>
 *
 * with H = −0.0032363 (the sign as corrected in NUKEMAP's implementation; the positive sign of the
 * 1953 original gives no sensible curve). The fit's w⁷ term grows fast above 20 Mt, so beyond
 * 20 Mt the range is extrapolated from 20 Mt with the 10–20 Mt log-log slope. Doses at a range
 * are found by inverting the fit (monotone in dose). The same curve is used for surface and air
 * bursts; the ground range is √(D² − HOB²).
 */
public final class InitialRadiation {

  private static final double A = 0.1237561;
  private static final double B = 0.0994027;
  private static final double C = 0.0011878;
  private static final double DC = -0.0002481;
  private static final double E = 0.0000096;
  private static final double F = -0.1308215;
  private static final double G = 0.0009881;
  private static final double H = -0.0032363;
  private static final double I = 0.0000111;
  private static final double A1 = 0.0143624;
  private static final double B1 = -0.0000816;
  private static final double C1 = -0.0000014;
  private static final double D1 = 0.0054734;
  private static final double E1 = -0.0003272;
  private static final double F1 = 0.0000106;
  private static final double G1 = -0.0001220;
  private static final double H1 = 0.0000217;
  private static final double I1 = -0.0000006;
  private static final double KM_PER_MI = 1.609344;
  private static final double FIT_MAX_KT = 20_000.0;

  /** Dose range searched when inverting (rem). */
  static final double MIN_REM = 1.0;
  static final double MAX_REM = 1e5;

  private InitialRadiation() {}

  private static double log10RangeMiFit(double w, double l) {
    double l2 = l * l;
    double l3 = l2 * l;
    double w3 = w * w * w;
    double w5 = w3 * w * w;
    double w7 = w5 * w * w;
    return A + (B + A1 * l + D1 * l2 + G1 * l3) * w + (C + B1 * l + E1 * l2 + H1 * l3) * w3
        + (DC + C1 * l + F1 * l2 + I1 * l3) * w5 + E * w7 + F * l + G * l2 + H * l3 + I * l2 * l3;
  }

  private static double log10RangeMi(double yieldKt, double rem) {
    double l = Math.log10(rem);
    if (yieldKt <= FIT_MAX_KT) {
      return log10RangeMiFit(Math.log10(yieldKt), l);
    }
    double w20 = Math.log10(FIT_MAX_KT);
    double w10 = Math.log10(FIT_MAX_KT / 2);
    double at20 = log10RangeMiFit(w20, l);
    double slope = (at20 - log10RangeMiFit(w10, l)) / (w20 - w10);
    return at20 + slope * (Math.log10(yieldKt) - w20);
  }

  /** Slant range in km at which the initial-radiation dose is {@code rem}. */
  public static double slantRangeKm(double yieldKt, double rem) {
    Ranges.checkYield(yieldKt);
    if (!(rem >= MIN_REM && rem <= MAX_REM)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "dose (rem)", 1, 100000, rem);
    }
    return Math.pow(10, log10RangeMi(yieldKt, rem)) * KM_PER_MI;
  }

  /** Ground range in km of a dose; 0 if the dose does not reach the ground. */
  public static double groundRangeKm(double yieldKt, double rem, double heightOfBurstM) {
    Ranges.checkHeight(heightOfBurstM);
    return Thermal.groundRange(slantRangeKm(yieldKt, rem), heightOfBurstM / 1000.0);
  }

  /**
   * Dose in rem at a slant range (0 below 1 rem; capped at 100,000 rem close in, where nobody
   * survives the blast anyway).
   */
  public static double doseRem(double yieldKt, double slantRangeKm) {
    Ranges.checkYield(yieldKt);
    if (slantRangeKm >= slantRangeKm(yieldKt, MIN_REM)) {
      return 0.0;
    }
    if (slantRangeKm <= slantRangeKm(yieldKt, MAX_REM)) {
      return MAX_REM;
    }
    double lo = Math.log10(MIN_REM);
    double hi = Math.log10(MAX_REM);
    double target = Math.log10(slantRangeKm / KM_PER_MI);
    for (int it = 0; it < 60; it++) {
      double mid = 0.5 * (lo + hi);
      if (log10RangeMi(yieldKt, Math.pow(10, mid)) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.pow(10, 0.5 * (lo + hi));
  }
}
