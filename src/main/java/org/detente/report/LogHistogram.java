package org.detente.report;

/**
 * A streaming histogram of non-negative values on a logarithmic scale: bin 0 holds zeros, bins
 * 1..B cover [1, 10^decades) in equal steps of log10 (values below 1 go to bin 1, above the top
 * to bin B). Memory is fixed; quantiles are read at bin geometric midpoints (relative error at
 * most half a bin, 10^(1/(2·perDecade)) − 1, i.e. 6% with 20 bins per decade).
 */
public final class LogHistogram {
  private final int perDecade;
  private final int decades;
  private final long[] counts;
  private long n;
  private double sum;
  private double max;
  private long nan;

  /** A histogram with {@code perDecade} bins per decade over {@code decades} decades. */
  public LogHistogram(int perDecade, int decades) {
    this.perDecade = perDecade;
    this.decades = decades;
    this.counts = new long[perDecade * decades + 1];
  }

  /** Adds one value; NaN is counted apart. */
  public void add(double v) {
    if (Double.isNaN(v)) {
      nan++;
      return;
    }
    n++;
    sum += v;
    max = Math.max(max, v);
    counts[bin(v)]++;
  }

  int bin(double v) {
    if (v <= 0) {
      return 0;
    }
    int b = 1 + (int) Math.floor(Math.log10(Math.max(1, v)) * perDecade);
    return Math.min(counts.length - 1, b);
  }

  /** Number of values (NaN excluded). */
  public long count() {
    return n;
  }

  /** Number of NaN values seen. */
  public long nanCount() {
    return nan;
  }

  /** Mean of the values (exact). */
  public double mean() {
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Largest value (exact). */
  public double max() {
    return max;
  }

  /** Bin counts: index 0 = zeros. */
  public long[] counts() {
    return counts.clone();
  }

  /** Lower edge of bin b (b &ge; 1). */
  public double lower(int b) {
    return Math.pow(10, (b - 1) / (double) perDecade);
  }

  /** Upper edge of bin b (b &ge; 1). */
  public double upper(int b) {
    return Math.pow(10, b / (double) perDecade);
  }

  /** Bins per decade. */
  public int perDecade() {
    return perDecade;
  }

  /** Decades covered. */
  public int decades() {
    return decades;
  }

  /** Approximate q-quantile (0 if it falls among the zeros). */
  public double quantile(double q) {
    if (n == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(q * n);
    rank = Math.max(1, rank);
    long c = 0;
    for (int b = 0; b < counts.length; b++) {
      c += counts[b];
      if (c >= rank) {
        return b == 0 ? 0 : Math.min(max, Math.sqrt(lower(b) * upper(b)));
      }
    }
    return max;
  }
}
