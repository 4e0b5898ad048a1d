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
   * 95% percentile bootstrap interval of the skill 1 − Σscore/Σreference over units (crises):
   * the units resampled with replacement, the forecast's and the reference's scores of a unit
   * kept together (a paired bootstrap; Efron & Tibshirani 1993, ch. 13).
   *
   * @param score     each unit's score of the forecast (summed over its rows)
   * @param reference each unit's score of the reference, same units
   * @param resamples number of resamples
   * @param seed      seed of the resampling stream
   * @return {2.5th, 97.5th percentile}, interpolated between order statistics
   */
  public static double[] bootstrapSkillInterval(double[] score, double[] reference,
      int resamples, long seed) {
    int n = score.length;
    if (n == 0 || reference.length != n || resamples < 1) {
      throw new IllegalArgumentException("bootstrap: " + n + " units, " + reference.length
          + " reference scores, " + resamples + " resamples");
    }
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    double[] skills = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sm = 0;
      double sr = 0;
      for (int i = 0; i < n; i++) {
        int j = rng.nextInt(n);
        sm += score[j];
        sr += reference[j];
      }
      skills[b] = skill(sm, sr);
    }
    java.util.Arrays.sort(skills);
    return new double[] {percentile(skills, 0.025), percentile(skills, 0.975)};
  }

  /** The q-quantile of sorted values, interpolated between order statistics. */
  private static double percentile(double[] sorted, double q) {
    double x = q * (sorted.length - 1);
    int i = (int) Math.floor(x);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (x - i) * (sorted[j] - sorted[i]);
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
