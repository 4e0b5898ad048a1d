package org.detente.analysis;

/**
 * Small numerical helpers for the statistics in this package: the log-gamma function, binomial
 * probabilities in log space, the standard normal quantile and the Wilson score interval.
 */
public final class Distributions {

  /** The 97.5% quantile of the standard normal distribution (two-sided 95%). */
  public static final double Z95 = 1.959963984540054;

  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  private Distributions() {}

  /** Natural logarithm of Γ(x) for x &gt; 0 (Lanczos approximation, g = 7). */
  public static double logGamma(double x) {
    if (x < 0.5) {
      // reflection: Γ(x)Γ(1−x) = π / sin(πx)
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double a = LANCZOS[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += LANCZOS[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /** log P(X = k) for X ~ Binomial(n, p). */
  public static double logBinomialPmf(int k, int n, double p) {
    if (k < 0 || k > n) {
      return Double.NEGATIVE_INFINITY;
    }
    double logChoose = logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
    double lp = k == 0 ? 0 : k * Math.log(p);
    double lq = k == n ? 0 : (n - k) * Math.log1p(-p);
    return logChoose + lp + lq;
  }

  /** P(X &le; k) for X ~ Binomial(n, 1/2), summed in a numerically stable way. */
  public static double binomialHalfCdf(int k, int n) {
    if (k < 0) {
      return 0;
    }
    if (k >= n) {
      return 1;
    }
    // sum pmf from k down, relative to the largest term (at k, since k < n/2 is typical)
    double logMax = logBinomialPmf(k, n, 0.5);
    double sum = 0;
    for (int i = k; i >= 0; i--) {
      double term = Math.exp(logBinomialPmf(i, n, 0.5) - logMax);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return Math.min(1.0, Math.exp(logMax) * sum);
  }

  /**
   * Quantile of the standard normal distribution (Acklam's rational approximation, relative
   * error below 1.2e-9).
   */
  public static double normalQuantile(double p) {
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double x;
    if (p < 0.02425) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - 0.02425) {
      double q = p - 0.5;
      double r = q * q;
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
          / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    return x;
  }

  /**
   * Wilson (1927) score interval for a binomial proportion k/n.
   *
   * @return {lower, upper}; {0, 1} when n = 0
   */
  public static double[] wilson(long k, long n, double z) {
    return Wilson.interval(k, n, z);
  }
}
