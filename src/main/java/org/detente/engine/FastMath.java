package org.detente.engine;

/**
 * A fast, deterministic exponential for the quantal-response hot loop: exp(x) = 2^i · 2^f with
 * i = floor(x·log2 e) and 2^f on [0, 1) from a degree-6 minimax-style Taylor polynomial (relative
 * error below 2e-7, far below the model's precision). Pure Java arithmetic, so results are
 * identical on every platform (strictfp is the default since Java 17).
 */
final class FastMath {

  private static final double LOG2E = 1.4426950408889634;
  private static final double LN2 = 0.6931471805599453;

  private FastMath() {}

  static double exp(double x) {
    if (x < -700) {
      return 0;
    }
    if (x > 700) {
      return Double.POSITIVE_INFINITY;
    }
    double y = x * LOG2E;
    long il = (long) y;
    if (y < il) {
      il--;
    }
    double fl = il;
    double f = (y - fl) * LN2; // in [0, ln 2)
    // e^f by Taylor series to degree 7 (f < 0.694: remainder < 2e-7 relative)
    double p = 1 + f * (1 + f * (0.5 + f * (1.0 / 6 + f * (1.0 / 24 + f * (1.0 / 120
        + f * (1.0 / 720 + f * (1.0 / 5040)))))));
    long bits = (il + 1023) << 52;
    return p * Double.longBitsToDouble(bits);
  }
}
