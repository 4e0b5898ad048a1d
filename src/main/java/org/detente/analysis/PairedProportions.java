package org.detente.analysis;

/**
 * A paired 2×2 table of binary outcomes: for each of n pairs (run i of arm X and run i of the
 * baseline, sharing one seed), whether the indicator held in the arm and in the baseline.
 *
 * <pre>
 *                 baseline yes   baseline no
 *   arm yes            a              b
 *   arm no             c              d
 * </pre>
 *
 * <p>The estimated difference is p_arm − p_base = (b − c) / n. Its interval is Newcombe's (1998)
 * hybrid score interval for paired data (his method 10): the Wilson (1927) score limits of the two
 * marginal proportions combined with the correlation φ between them. The p-value is the mid-p
 * version of the exact McNemar (1947) test: under H0 the b discordant pairs out of b + c follow
 * Binomial(b + c, ½).
 *
 * @param a pairs where both hold
 * @param b pairs where only the arm holds
 * @param c pairs where only the baseline holds
 * @param d pairs where neither holds
 */
public record PairedProportions(long a, long b, long c, long d) {

  public PairedProportions {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  /** Number of pairs. */
  public long n() {
    return a + b + c + d;
  }

  /** Proportion in the arm, (a + b) / n. */
  public double pArm() {
    return n() == 0 ? Double.NaN : (double) (a + b) / n();
  }

  /** Proportion in the baseline, (a + c) / n. */
  public double pBase() {
    return n() == 0 ? Double.NaN : (double) (a + c) / n();
  }

  /** Paired difference p_arm − p_base = (b − c) / n. */
  public double diff() {
    return n() == 0 ? Double.NaN : (double) (b - c) / n();
  }

  /**
   * Newcombe (1998) method 10 interval for the difference, at two-sided level given by z
   * (1.96 for 95%). φ uses Newcombe's continuity adjustment of the numerator ad − bc (reduced by
   * n/2 when it exceeds n/2, kept when negative, else zero).
   *
   * @return {lower, upper}
   */
  public double[] newcombeInterval(double z) {
    long n = n();
    if (n == 0) {
      return new double[] {-1, 1};
    }
    double p1 = pArm();
    double p2 = pBase();
    double[] w1 = Distributions.wilson(a + b, n, z);
    double[] w2 = Distributions.wilson(a + c, n, z);
    double l1 = w1[0];
    double u1 = w1[1];
    double l2 = w2[0];
    double u2 = w2[1];
    double phi = 0;
    double denom = (double) (a + b) * (c + d) * (a + c) * (b + d);
    if (denom > 0) {
      double num = (double) a * d - (double) b * c;
      double adj;
      if (num > n / 2.0) {
        adj = num - n / 2.0;
      } else if (num < 0) {
        adj = num;
      } else {
        adj = 0;
      }
      phi = adj / Math.sqrt(denom);
    }
    double diff = p1 - p2;
    double dl = (p1 - l1) * (p1 - l1) - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) * (u2 - p2);
    double du = (u1 - p1) * (u1 - p1) - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) * (p2 - l2);
    double lo = diff - Math.sqrt(Math.max(0, dl));
    double hi = diff + Math.sqrt(Math.max(0, du));
    return new double[] {Math.max(-1, lo), Math.min(1, hi)};
  }

  /** The 95% Newcombe interval. */
  public double[] interval95() {
    return newcombeInterval(Distributions.Z95);
  }

  /**
   * Exact two-sided McNemar p-value: 2·P(X &le; min(b, c)) with X ~ Binomial(b + c, ½), capped
   * at 1; 1 when there are no discordant pairs.
   */
  public double mcnemarExactP() {
    long m = b + c;
    if (m == 0) {
      return 1.0;
    }
    int k = (int) Math.min(b, c);
    return Math.min(1.0, 2 * Distributions.binomialHalfCdf(k, (int) m));
  }

  /**
   * Mid-p McNemar p-value: the exact p-value minus the probability of the observed table,
   * 2·[P(X &le; k) − ½ P(X = k)] with k = min(b, c), capped at 1. Less conservative than the exact
   * test while keeping close to nominal size (Fagerland, Lydersen &amp; Laake 2013).
   */
  public double mcnemarMidP() {
    long m = b + c;
    if (m == 0) {
      return 1.0;
    }
    int k = (int) Math.min(b, c);
    double pk = Math.exp(Distributions.logBinomialPmf(k, (int) m, 0.5));
    double p = 2 * (Distributions.binomialHalfCdf(k, (int) m) - 0.5 * pk);
    return Math.max(0, Math.min(1.0, p));
  }
}
