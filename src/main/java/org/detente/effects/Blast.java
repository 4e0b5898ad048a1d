package org.detente.effects;

import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * Peak static overpressure of a nuclear burst over an ideal surface at sea level, from the
 * analytic fit of H. L. Brode, <i>Airblast from Nuclear Bursts — Analytic Approximations</i>
 * (Pacific-Sierra Research Corp., 1986), pp. 60–71, accurate to about 10 % (Brode). The fit is
 * written for 1 kt with distances in kilofeet; other yields follow by cube-root (Sachs) scaling,
 * Glasstone &amp; Dolan (1977) §3.60–3.64: R(W) = R(1 kt)·W^{1/3}, heights likewise.
 *
 * <p>Ranges are found by inverting the fit numerically (outermost crossing of the requested
 * pressure); the optimum height of burst for a pressure is the height that maximises its ground
 * range. All functions are pure and thread-safe.
 */
public final class Blast {

  /** Kilometres per kilofoot. */
  public static final double KM_PER_KFT = 0.3048;

  /** The pressure whose ground range the default air burst maximises (5 psi). */
  public static final double OPTIMUM_FOR_PSI = 5.0;

  /** Smallest and largest pressures accepted by the range inversion. */
  public static final double MIN_PSI = 0.2;
  /** Largest pressure accepted by the range inversion. */
  public static final double MAX_PSI = 10_000.0;

  private static final double X_MAX_KFT = 200.0; // scaled ground range searched (kft/kt^1/3)
  private static final double X_MIN_KFT = 1e-3;
  private static final int SCAN = 240;

  private static final double OPT_H5_KFT = optimumScaledHeightKft(OPTIMUM_FOR_PSI);

  private Blast() {}

  /**
   * Brode (1986) peak overpressure in psi for 1 kt.
   *
   * @param xKft scaled ground range (kft per kt^{1/3}), &gt; 0
   * @param yKft scaled height of burst (kft per kt^{1/3}), ≥ 0
   */
  public static double psiAtScaled(double xKft, double yKft) {
    double z = yKft / xKft;
    double r = Math.sqrt(xKft * xKft + yKft * yKft);
    double z2 = z * z;
    double z5 = z2 * z2 * z;
    double z17 = Math.pow(z, 17);
    double z18 = z17 * z;
    double a = 1.22 - 3.908 * z2 / (1 + 810.2 * z5);
    double b = 2.321 + 6.195 * z18 / (1 + 1.113 * z18) - 0.03831 * z17 / (1 + 0.02415 * z17)
        + 0.6692 / (1 + 4164 * Math.pow(z, 8));
    double c = 4.153 - 1.149 * z18 / (1 + 1.641 * z18) - 1.1 / (1 + 2.771 * Math.pow(z, 2.5));
    double d = -4.166 + 25.76 * Math.pow(z, 1.75) / (1 + 1.382 * z18) + 8.257 * z / (1 + 3.219 * z);
    double e = 1 - 0.004642 * z18 / (1 + 0.003886 * z18);
    double f = 0.6096 + 2.879 * Math.pow(z, 9.25) / (1 + 2.359 * Math.pow(z, 14.5))
        - 17.5 * z2 / (1 + 71.66 * z2 * z);
    double g = 1.83 + 5.361 * z2 / (1 + 0.3139 * z2 * z2 * z2);
    double h = 8.808 * Math.pow(z, 1.5) / (1 + 154.5 * Math.pow(z, 3.5))
        - (0.2905 + 64.67 * z5) / (1 + 441.5 * z5)
        - 1.389 * z / (1 + 49.03 * z5)
        + 1.094 * r * r / ((781.2 - 123.4 * r + 37.98 * Math.pow(r, 1.5) + r * r) * (1 + 2 * yKft));
    double y4 = yKft * yKft * yKft * yKft;
    double j = 0.000629 * y4 / (3.493e-9 + y4) - 2.67 * yKft * yKft / (1 + 1e7 * Math.pow(yKft, 4.3));
    double k = 5.18 + 0.2803 * Math.pow(yKft, 3.5) / (3.788e-6 + y4);
    return 10.47 / Math.pow(r, a) + b / Math.pow(r, c) + d * e / (1 + f * Math.pow(r, g)) + h
        + j / Math.pow(r, k);
  }

  /**
   * Peak overpressure in psi at a ground range.
   *
   * @param yieldKt        yield in kt
   * @param groundRangeKm  ground range in km (&gt; 0)
   * @param heightOfBurstM height of burst in m (0 for a surface burst)
   */
  public static double overpressurePsi(double yieldKt, double groundRangeKm, double heightOfBurstM) {
    Ranges.checkYield(yieldKt);
    Ranges.checkHeight(heightOfBurstM);
    if (!(groundRangeKm > 0)) {
      throw new InvalidInputException(Message.POSITIVE, "ground range (km)", groundRangeKm);
    }
    double s = Math.cbrt(yieldKt);
    double x = groundRangeKm / KM_PER_KFT / s;
    double y = heightOfBurstM / 1000.0 / KM_PER_KFT / s;
    return psiAtScaled(x, y);
  }

  /**
   * Scaled ground range (kft per kt^{1/3}) at which the peak overpressure falls to {@code psi}:
   * the outermost crossing; 0 if the pressure is not reached on the ground.
   */
  public static double scaledRangeKft(double psi, double yKft) {
    checkPsi(psi);
    double ratio = Math.pow(X_MIN_KFT / X_MAX_KFT, 1.0 / SCAN);
    double xOut = X_MAX_KFT;
    if (psiAtScaled(xOut, yKft) >= psi) {
      throw new InvalidInputException(Message.OUT_OF_FIT, psi + " psi", "blast");
    }
    for (int i = 1; i <= SCAN; i++) {
      double xIn = X_MAX_KFT * Math.pow(ratio, i);
      if (psiAtScaled(xIn, yKft) >= psi) {
        double lo = xIn;
        double hi = xOut;
        for (int it = 0; it < 60 && hi - lo > 1e-12 * hi; it++) {
          double mid = Math.sqrt(lo * hi);
          if (psiAtScaled(mid, yKft) >= psi) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        return 0.5 * (lo + hi);
      }
      xOut = xIn;
    }
    return 0.0;
  }

  /**
   * Ground range in km at which the peak overpressure falls to {@code psi}; 0 if not reached.
   * Exactly cube-root scaled: groundRangeKm(W, p, h) = W^{1/3}·groundRangeKm(1, p, h/W^{1/3}).
   */
  public static double groundRangeKm(double yieldKt, double psi, double heightOfBurstM) {
    Ranges.checkYield(yieldKt);
    Ranges.checkHeight(heightOfBurstM);
    double s = Math.cbrt(yieldKt);
    double y = heightOfBurstM / 1000.0 / KM_PER_KFT / s;
    return scaledRangeKft(psi, y) * KM_PER_KFT * s;
  }

  /** Scaled height of burst (kft per kt^{1/3}) that maximises the ground range of {@code psi}. */
  public static double optimumScaledHeightKft(double psi) {
    checkPsi(psi);
    // coarse scan then golden-section refinement around the best point
    int n = 80;
    double yMax = 12.0 / Math.sqrt(psi) + 0.5;
    double best = 0;
    double bestR = scaledRangeKft(psi, 0);
    for (int i = 1; i <= n; i++) {
      double y = yMax * i / n;
      double r = scaledRangeKft(psi, y);
      if (r > bestR) {
        bestR = r;
        best = y;
      }
    }
    double a = Math.max(0, best - yMax / n);
    double b = best + yMax / n;
    double gr = (Math.sqrt(5) - 1) / 2;
    double c = b - gr * (b - a);
    double d = a + gr * (b - a);
    double fc = scaledRangeKft(psi, c);
    double fd = scaledRangeKft(psi, d);
    for (int it = 0; it < 60 && b - a > 1e-9; it++) {
      if (fc > fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - gr * (b - a);
        fc = scaledRangeKft(psi, c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + gr * (b - a);
        fd = scaledRangeKft(psi, d);
      }
    }
    double yOpt = 0.5 * (a + b);
    return scaledRangeKft(psi, yOpt) >= bestR ? yOpt : best;
  }

  /** Height of burst in m that maximises the ground range of {@code psi}. */
  public static double optimumHeightM(double yieldKt, double psi) {
    Ranges.checkYield(yieldKt);
    double yKft = psi == OPTIMUM_FOR_PSI ? OPT_H5_KFT : optimumScaledHeightKft(psi);
    return yKft * KM_PER_KFT * 1000.0 * Math.cbrt(yieldKt);
  }

  /** Height of burst in m that maximises the 5 psi ground range (the default air burst). */
  public static double optimumHeightM(double yieldKt) {
    return optimumHeightM(yieldKt, OPTIMUM_FOR_PSI);
  }

  private static void checkPsi(double psi) {
    if (!(psi >= MIN_PSI && psi <= MAX_PSI)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "overpressure (psi)", MIN_PSI, MAX_PSI, psi);
    }
  }
}
