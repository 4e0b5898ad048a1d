package org.detente.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Morris (1991) elementary-effects screening with the μ* measure of Campolongo, Cariboni &amp;
 * Saltelli (2007).
 *
 * <p>Each factor is scaled to [0, 1] and discretised on a grid of p levels {0, 1/(p−1), …, 1}
 * with step Δ = p / (2(p − 1)). A trajectory starts at a random grid point and moves one factor
 * at a time, in random order, by +Δ (if its level is in the lower half of the grid) or −Δ (upper
 * half), so every point stays on the grid. Each move gives one elementary effect
 * EE_i = [f(x ± Δ e_i) − f(x)] / (±Δ), expressed per unit of the factor's whole range. Over r
 * trajectories (r(k + 1) evaluations): μ_i = mean EE_i, μ*_i = mean |EE_i|, σ_i = standard
 * deviation of EE_i (denominator r − 1). Factors are ranked by μ*.
 */
public final class Morris {

  /**
   * Screening result of one factor.
   *
   * @param name   factor name
   * @param mu     mean elementary effect
   * @param muStar mean absolute elementary effect
   * @param sigma  standard deviation of the elementary effects
   * @param effects the r elementary effects
   */
  public record Effect(String name, double mu, double muStar, double sigma, double[] effects) {}

  private Morris() {}

  /**
   * Screens {@code f} over {@code space} with {@code trajectories} trajectories on a grid of
   * {@code levels} levels (even, at least 2), using the random stream seeded by {@code seed}.
   *
   * @return one effect per factor, in the space's order
   */
  public static List<Effect> screen(
      ParameterSpace space, int trajectories, int levels, long seed, ToDoubleFunction<double[]> f) {
    return screen(space, trajectories, levels, 0, seed, f);
  }

  /**
   * As {@link #screen(ParameterSpace, int, int, long, ToDoubleFunction)}, but when
   * {@code candidates} exceeds {@code trajectories}, that many candidate trajectories are drawn
   * and the {@code trajectories} most spread out are kept (Campolongo et al. 2007): the spread of
   * two trajectories is the sum of the Euclidean distances between all their points, and the
   * set is chosen greedily — the farthest pair first, then repeatedly the candidate with the
   * largest summed spread to those already chosen. Only the kept trajectories are evaluated.
   */
  public static List<Effect> screen(ParameterSpace space, int trajectories, int levels,
      int candidates, long seed, ToDoubleFunction<double[]> f) {
    if (levels < 2 || levels % 2 != 0) {
      throw new IllegalArgumentException("levels must be even and at least 2");
    }
    if (trajectories < 2) {
      throw new IllegalArgumentException("at least two trajectories are needed");
    }
    int k = space.size();
    double delta = levels / (2.0 * (levels - 1));
    SplittableRandom rng = new SplittableRandom(seed);
    int m = Math.max(trajectories, candidates);
    double[][][] points = new double[m][][];
    int[][] orders = new int[m][];
    for (int t = 0; t < m; t++) {
      int[] level = new int[k];
      double[] x = new double[k];
      int[] order = new int[k];
      for (int i = 0; i < k; i++) {
        level[i] = rng.nextInt(levels);
        x[i] = level[i] / (double) (levels - 1);
        order[i] = i;
      }
      for (int i = k - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      double[][] pts = new double[k + 1][];
      pts[0] = x.clone();
      for (int s = 0; s < k; s++) {
        int i = order[s];
        double step = level[i] < levels / 2 ? delta : -delta;
        x[i] = Math.min(1.0, Math.max(0.0, x[i] + step));
        pts[s + 1] = x.clone();
      }
      points[t] = pts;
      orders[t] = order;
    }
    int[] chosen = m > trajectories ? select(points, trajectories) : identity(trajectories);
    double[][] ee = new double[k][trajectories];
    for (int c = 0; c < trajectories; c++) {
      double[][] pts = points[chosen[c]];
      int[] order = orders[chosen[c]];
      double y = f.applyAsDouble(space.toPhysical(pts[0]));
      for (int s = 0; s < k; s++) {
        int i = order[s];
        double step = pts[s + 1][i] - pts[s][i];
        double y2 = f.applyAsDouble(space.toPhysical(pts[s + 1]));
        ee[i][c] = (y2 - y) / step;
        y = y2;
      }
    }
    List<Effect> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double sum = 0;
      double sumAbs = 0;
      for (double e : ee[i]) {
        sum += e;
        sumAbs += Math.abs(e);
      }
      double mu = sum / trajectories;
      double ss = 0;
      for (double e : ee[i]) {
        ss += (e - mu) * (e - mu);
      }
      out.add(new Effect(space.names().get(i), mu, sumAbs / trajectories,
          Math.sqrt(ss / (trajectories - 1)), ee[i].clone()));
    }
    return List.copyOf(out);
  }

  /** Bootstrap resamples behind {@link #muStarConfidence}. */
  public static final int BOOTSTRAP = 1000;

  /**
   * Half-width of a 95% confidence interval of μ*, as SALib's {@code mu_star_conf}
   * (Campolongo, Cariboni &amp; Saltelli 2007; Herman &amp; Usher 2017): the r elementary effects
   * are resampled with replacement {@value #BOOTSTRAP} times, and the half-width is 1.96 times
   * the standard deviation of the resampled means of |EE|. The resampling stream is seeded by
   * {@code seed} and the factor's index alone, so the interval is reproducible.
   *
   * @param effect the factor's screening result
   * @param index  the factor's index in the space
   * @param seed   the analysis's seed
   */
  public static double muStarConfidence(Effect effect, int index, long seed) {
    double[] e = effect.effects();
    int r = e.length;
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 31L * index + 7);
    double sum = 0;
    double sumSq = 0;
    for (int b = 0; b < BOOTSTRAP; b++) {
      double m = 0;
      for (int j = 0; j < r; j++) {
        m += Math.abs(e[rng.nextInt(r)]);
      }
      m /= r;
      sum += m;
      sumSq += m * m;
    }
    double mean = sum / BOOTSTRAP;
    double var = Math.max(0, (sumSq - BOOTSTRAP * mean * mean) / (BOOTSTRAP - 1));
    return 1.96 * Math.sqrt(var);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Spread of two trajectories: the sum of distances between all pairs of their points. */
  static double spread(double[][] p, double[][] q) {
    double sum = 0;
    for (double[] a : p) {
      for (double[] b : q) {
        double d = 0;
        for (int z = 0; z < a.length; z++) {
          double e = a[z] - b[z];
          d += e * e;
        }
        sum += Math.sqrt(d);
      }
    }
    return sum;
  }

  /** Greedy choice of r well-spread trajectories among the candidates. */
  static int[] select(double[][][] points, int r) {
    int m = points.length;
    double[][] dist = new double[m][m];
    int bi = 0;
    int bj = 1;
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        dist[i][j] = dist[j][i] = spread(points[i], points[j]);
        if (dist[i][j] > dist[bi][bj]) {
          bi = i;
          bj = j;
        }
      }
    }
    int[] chosen = new int[r];
    boolean[] used = new boolean[m];
    chosen[0] = Math.min(bi, bj);
    chosen[1] = Math.max(bi, bj);
    used[bi] = used[bj] = true;
    double[] toChosen = new double[m];
    for (int i = 0; i < m; i++) {
      toChosen[i] = dist[i][bi] + dist[i][bj];
    }
    for (int c = 2; c < r; c++) {
      int best = -1;
      for (int i = 0; i < m; i++) {
        if (!used[i] && (best < 0 || toChosen[i] > toChosen[best])) {
          best = i;
        }
      }
      chosen[c] = best;
      used[best] = true;
      for (int i = 0; i < m; i++) {
        toChosen[i] += dist[i][best];
      }
    }
    return chosen;
  }
}
