package org.detente.engine;

/**
 * A fast, deterministic exponential for the quantal-response hot loop (Tang's table method):
 * exp(x) = 2^i · 2^(j/256) · e^r with x = (256·i + j)·ln2/256 + r, |r| ≤ ln2/512, the 256 values
 * 2^(j/256) tabulated once and e^r from a degree-4 Taylor polynomial (relative error below
 * 1e-12). Pure Java arithmetic, so results are identical on every platform (strictfp is the
 * default since Java 17).
 */
final class FastMath {

  private static final double LOG2E_256 = 256 * 1.4426950408889634;
  private static final double LN2_256 = 0.6931471805599453 / 256;
  private static final double[] POW2_FRAC = new double[256];
  private static final double SHIFTER = 0x1.8p52;
  private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);

  static {
    for (int j = 0; j < 256; j++) {
      POW2_FRAC[j] = StrictMath.pow(2.0, j / 256.0);
    }
  }

  private FastMath() {}

  static double exp(double x) {
    if (x < -700) {
      return 0;
    }
    if (x > 700) {
      return Double.POSITIVE_INFINITY;
    }
    return expInRange(x);
  }

  /** {@link #exp} for |x| at most 700, without the range checks. */
  static double expInRange(double x) {
    // round to nearest by the 1.5·2^52 shifter (exact for |x·256·log2 e| < 2^51)
    double shifted = x * LOG2E_256 + SHIFTER;
    long n = Double.doubleToRawLongBits(shifted) - SHIFTER_BITS; // x ≈ n·ln2/256
    double r = x - n * LN2_256; // |r| ≤ ln2/512
    double p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24))));
    long i = n >> 8; // floor(n / 256)
    int j = (int) (n & 255);
    return p * POW2_FRAC[j] * Double.longBitsToDouble((i + 1023) << 52);
  }
}
