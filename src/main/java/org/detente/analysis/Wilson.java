package org.detente.analysis;

/**
 * The Wilson (1927) score interval for a binomial proportion: for k successes in n trials and
 * z = 1.959964 (95%),
 *
 * <pre>
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half = z √(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n)
 * </pre>
 *
 * It stays inside [0, 1] and behaves well for p̂ near 0 or 1 (Newcombe 1998, method 3).
 */
public final class Wilson {

  /** Two-sided 95% standard normal quantile. */
  public static final double Z95 = 1.959963984540054;

  private Wilson() {}

  /** Lower 95% limit of k/n; 0 when n is 0. */
  public static double lower(long k, long n) {
    return interval(k, n, Z95)[0];
  }

  /** Upper 95% limit of k/n; 1 when n is 0. */
  public static double upper(long k, long n) {
    return interval(k, n, Z95)[1];
  }

  /** {lower, upper} of the score interval with quantile z. */
  public static double[] interval(long k, long n, double z) {
    if (n <= 0) {
      return new double[] {0.0, 1.0};
    }
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
    }
    double p = (double) k / n;
    double z2 = z * z;
    double den = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / den;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / den;
    double lo = k == 0 ? 0.0 : Math.max(0.0, centre - half);
    double hi = k == n ? 1.0 : Math.min(1.0, centre + half);
    return new double[] {lo, hi};
  }
}
