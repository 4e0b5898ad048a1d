package org.detente.backtest;

/**
 * Proper scores of a categorical forecast p (probabilities summing to 1) against the observed
 * category o; lower is better for all three.
 */
public final class Scores {

  private Scores() {}

  /** Multi-category Brier score: the sum over categories of (p_k - [k = o])^2, in [0, 2]. */
  public static double brier(double[] p, int o) {
    double s = 0;
    for (int k = 0; k < p.length; k++) {
      double d = p[k] - (k == o ? 1 : 0);
      s += d * d;
    }
    return s;
  }

  /**
   * Ranked probability score: the mean over the K-1 thresholds of the squared difference
   * between the forecast and the observed cumulative distributions, in [0, 1].
   */
  public static double rps(double[] p, int o) {
    double s = 0;
    double cp = 0;
    for (int k = 0; k < p.length - 1; k++) {
      cp += p[k];
      double co = k >= o ? 1 : 0;
      s += (cp - co) * (cp - co);
    }
    return s / (p.length - 1);
  }

  /** Logarithmic score: minus the natural logarithm of the probability of the observed category. */
  public static double log(double[] p, int o) {
    return -Math.log(p[o]);
  }

  /** Skill of a mean score against a reference's mean score: 1 - score / reference. */
  public static double skill(double score, double reference) {
    return reference == 0 ? Double.NaN : 1 - score / reference;
  }

  /**
   * Probabilities from counts with a Jeffreys prior (half a count added to each category), so
   * that no category has probability 0 and the log score stays finite.
   */
  public static double[] fromCounts(long[] counts) {
    double n = 0;
    for (long c : counts) {
      n += c;
    }
    double[] p = new double[counts.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = (counts[k] + 0.5) / (n + 0.5 * counts.length);
    }
    return p;
  }
}
