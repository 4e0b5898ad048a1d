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
    if (levels < 2 || levels % 2 != 0) {
      throw new IllegalArgumentException("levels must be even and at least 2");
    }
    if (trajectories < 2) {
      throw new IllegalArgumentException("at least two trajectories are needed");
    }
    int k = space.size();
    double delta = levels / (2.0 * (levels - 1));
    double[][] ee = new double[k][trajectories];
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = new int[k];
    for (int t = 0; t < trajectories; t++) {
      int[] level = new int[k];
      double[] x = new double[k];
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
      double y = f.applyAsDouble(space.toPhysical(x));
      for (int s = 0; s < k; s++) {
        int i = order[s];
        double step = level[i] < levels / 2 ? delta : -delta;
        x[i] = Math.min(1.0, Math.max(0.0, x[i] + step));
        double y2 = f.applyAsDouble(space.toPhysical(x));
        ee[i][t] = (y2 - y) / step;
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
}
