package org.detente.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Variance-based sensitivity: first-order (S1) and total (ST) Sobol indices with the sampling
 * design and estimators of Saltelli et al. (2010).
 *
 * <p>Two independent N×k matrices A and B are drawn uniformly on the unit cube; for each factor i,
 * A_B^(i) is A with column i taken from B. With f evaluated on A, B and every A_B^(i)
 * (N(k + 2) evaluations) and V the variance of all f(A) and f(B) values:
 *
 * <pre>
 *   S1_i = (1/N) Σ_j f(B)_j [f(A_B^(i))_j − f(A)_j] / V          (Saltelli et al. 2010, eq. b)
 *   ST_i = (1/2N) Σ_j [f(A)_j − f(A_B^(i))_j]^2 / V              (Jansen 1999)
 * </pre>
 *
 * Percentile bootstrap intervals resample the N rows with replacement (the stored values are
 * reused; no new evaluations).
 */
public final class Sobol {

  /**
   * Indices of one factor.
   *
   * @param name factor name
   * @param s1   first-order index
   * @param s1Lo lower 95% bootstrap limit of S1
   * @param s1Hi upper 95% bootstrap limit of S1
   * @param st   total index
   * @param stLo lower 95% bootstrap limit of ST
   * @param stHi upper 95% bootstrap limit of ST
   */
  public record Index(
      String name, double s1, double s1Lo, double s1Hi, double st, double stLo, double stHi) {}

  /**
   * Full result.
   *
   * @param indices     one per factor, in the space's order
   * @param variance    output variance V
   * @param evaluations number of evaluations of f
   */
  public record Result(List<Index> indices, double variance, int evaluations) {}

  private Sobol() {}

  /**
   * Estimates the indices of {@code f} over {@code space} with {@code n} base samples, the random
   * stream seeded by {@code seed}, and {@code bootstrap} bootstrap replicates (0 for none).
   */
  public static Result analyse(
      ParameterSpace space, int n, long seed, int bootstrap, ToDoubleFunction<double[]> f) {
    if (n < 2) {
      throw new IllegalArgumentException("at least two base samples are needed");
    }
    int k = space.size();
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] a = new double[n][k];
    double[][] b = new double[n][k];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < k; i++) {
        a[j][i] = rng.nextDouble();
      }
      for (int i = 0; i < k; i++) {
        b[j][i] = rng.nextDouble();
      }
    }
    double[] fa = new double[n];
    double[] fb = new double[n];
    double[][] fab = new double[k][n];
    for (int j = 0; j < n; j++) {
      fa[j] = f.applyAsDouble(space.toPhysical(a[j]));
      fb[j] = f.applyAsDouble(space.toPhysical(b[j]));
      for (int i = 0; i < k; i++) {
        double[] x = a[j].clone();
        x[i] = b[j][i];
        fab[i][j] = f.applyAsDouble(space.toPhysical(x));
      }
    }
    int[] all = new int[n];
    for (int j = 0; j < n; j++) {
      all[j] = j;
    }
    double[][] point = estimate(fa, fb, fab, all);
    double[][] s1Boot = new double[k][bootstrap];
    double[][] stBoot = new double[k][bootstrap];
    SplittableRandom brng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int[] idx = new int[n];
    for (int r = 0; r < bootstrap; r++) {
      for (int j = 0; j < n; j++) {
        idx[j] = brng.nextInt(n);
      }
      double[][] e = estimate(fa, fb, fab, idx);
      for (int i = 0; i < k; i++) {
        s1Boot[i][r] = e[0][i];
        stBoot[i][r] = e[1][i];
      }
    }
    List<Index> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double[] s1ci = percentile(s1Boot[i]);
      double[] stci = percentile(stBoot[i]);
      out.add(new Index(space.names().get(i), point[0][i], s1ci[0], s1ci[1], point[1][i],
          stci[0], stci[1]));
    }
    return new Result(List.copyOf(out), point[2][0], n * (k + 2));
  }

  /** {S1[], ST[], {V}} on the rows listed in idx. */
  private static double[][] estimate(double[] fa, double[] fb, double[][] fab, int[] idx) {
    int n = idx.length;
    int k = fab.length;
    double sum = 0;
    double sumSq = 0;
    for (int j : idx) {
      sum += fa[j] + fb[j];
      sumSq += fa[j] * fa[j] + fb[j] * fb[j];
    }
    double mean = sum / (2.0 * n);
    double v = sumSq / (2.0 * n) - mean * mean;
    double[] s1 = new double[k];
    double[] st = new double[k];
    for (int i = 0; i < k; i++) {
      double first = 0;
      double total = 0;
      for (int j : idx) {
        double d = fab[i][j] - fa[j];
        first += fb[j] * d;
        total += d * d;
      }
      s1[i] = v > 0 ? first / n / v : 0;
      st[i] = v > 0 ? total / (2.0 * n) / v : 0;
    }
    return new double[][] {s1, st, {v}};
  }

  private static double[] percentile(double[] xs) {
    if (xs.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] s = xs.clone();
    Arrays.sort(s);
    return new double[] {quantile(s, 0.025), quantile(s, 0.975)};
  }

  /** Linear-interpolated quantile of sorted data. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    double w = pos - lo;
    return sorted[lo] * (1 - w) + sorted[hi] * w;
  }
}
