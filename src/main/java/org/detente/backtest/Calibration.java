package org.detente.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import org.detente.engine.CompiledModel;
import org.detente.engine.ModelParameters;
import org.detente.model.ParameterCatalog;
import org.detente.model.ParameterSpec;
import org.detente.scenario.Scenario;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937a;

/**
 * Fits global catalogue parameters on the training crises with separable CMA-ES (Hipparchus
 * {@link CMAESOptimizer} with a diagonal covariance; Hansen 2006, Ros & Hansen 2008): the objective is the mean multi-category Brier score
 * of the four ICB variables over the training crises, each crisis run with the same seed for
 * every candidate (common random numbers), so two candidates differ by their parameters only
 * and the objective is as smooth as the engine lets it be. The search runs on each parameter's
 * catalogue range mapped to [0, 1], from the current defaults. The candidates' objective values
 * in order, and the last generation's spread, are kept for the record.
 */
public final class Calibration {

  /**
   * The parameters fitted by default: the nine of the catalogue that moved the training
   * objective most in the one-at-a-time screen ({@code detente calibrate --screen};
   * docs/backtest.md, Calibration).
   */
  public static final List<String> DEFAULT_PARAMETERS = List.of(
      "qreLambda", "warCost", "crisisCost", "consultValue", "audienceCost", "dealAudienceShare",
      "attackCommit", "offerShift", "incidentRate");

  /**
   * The result.
   *
   * @param values     fitted value per parameter
   * @param spread     CMA-ES's final step size times the square root of its (diagonal)
   *                   covariance, in the parameter's unit: how far the search still looked at the
   *                   end (a search spread, not a posterior standard deviation)
   * @param before     objective at the starting values
   * @param after      objective at the fitted values
   * @param evaluations objective evaluations
   * @param generations CMA-ES generations
   */
  public record Fitted(Map<String, Double> values, Map<String, Double> spread, double before,
      double after, int evaluations, int generations) {}

  private Calibration() {}

  /**
   * Weights of the variables in the objective (violence, outcome form, duration, actor
   * outcome): the two variables with a skill target count twice.
   */
  public static final double[] WEIGHTS = {2, 2, 1, 1};

  /**
   * The objective: one minus the weighted mean Brier skill of the four variables against the
   * climatology of the same crises, {@code sum_v w_v B_v / B_v^clim / sum_v w_v}, with B_v the
   * mean Brier score of variable v over the crises (actor outcome: over the scored crisis
   * actors) and w_v from {@link #WEIGHTS}. Dividing by the climatology's score puts the
   * variables on one scale (a duration forecast's Brier score is larger than a violence
   * forecast's for the same skill); the climatology is fixed by the crises, so the objective
   * orders candidates as the weighted skill does. 0 is a perfect forecast, 1 the climatology.
   */
  public static double objective(List<CrisisCase> cases, List<CrisisForecast> forecasts) {
    return objective(cases, forecasts, WEIGHTS);
  }

  /**
   * The objective with the variables weighted by {@code weights} (violence, outcome form,
   * duration, actor outcome; non-negative, not all zero) instead of {@link #WEIGHTS}.
   */
  public static double objective(List<CrisisCase> cases, List<CrisisForecast> forecasts,
      double[] weights) {
    double[] sum = new double[Variable.values().length];
    int[] n = new int[sum.length];
    long[][] counts = new long[sum.length][Variable.K];
    List<double[]> probs = new ArrayList<>();
    List<int[]> obs = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      CrisisCase c = cases.get(i);
      CrisisForecast f = forecasts.get(i);
      for (Variable v : Variable.values()) {
        if (v == Variable.ACTOR_OUTCOME) {
          for (CrisisCase.ScoredActor sa : c.scored()) {
            probs.add(f.sideOutcome(sa.side()));
            obs.add(new int[] {v.ordinal(), sa.observed()});
          }
        } else if (c.observed()[v.ordinal()] >= 0) {
          probs.add(f.probabilities(v));
          obs.add(new int[] {v.ordinal(), c.observed()[v.ordinal()]});
        }
      }
    }
    for (int[] o : obs) {
      counts[o[0]][o[1]]++;
    }
    double[][] clim = new double[sum.length][];
    for (int v = 0; v < sum.length; v++) {
      clim[v] = Scores.fromCounts(counts[v]);
    }
    double[] climSum = new double[sum.length];
    for (int i = 0; i < obs.size(); i++) {
      int v = obs.get(i)[0];
      int o = obs.get(i)[1];
      sum[v] += Scores.brier(probs.get(i), o);
      climSum[v] += Scores.brier(clim[v], o);
      n[v]++;
    }
    double total = 0;
    double wsum = 0;
    for (int v = 0; v < sum.length; v++) {
      if (n[v] > 0 && climSum[v] > 0) {
        total += weights[v] * sum[v] / climSum[v];
        wsum += weights[v];
      }
    }
    return wsum == 0 ? Double.NaN : total / wsum;
  }

  /**
   * One parameter's one-at-a-time screen: the objective at the catalogue's low end, at the
   * default and at the high end, the others at their defaults (common random numbers).
   *
   * @param name      parameter
   * @param low       low end of the range
   * @param high      high end of the range
   * @param atLow     objective at the low end
   * @param atDefault objective at the defaults
   * @param atHigh    objective at the high end
   */
  public record Screened(String name, double low, double high, double atLow, double atDefault,
      double atHigh) {

    /** The larger move of the objective from the default's, toward either end. */
    public double effect() {
      return Math.max(Math.abs(atLow - atDefault), Math.abs(atHigh - atDefault));
    }
  }

  /**
   * Screens parameters one at a time (each moved to either end of its catalogue range, the
   * others at their starting values; Saltelli et al. 2008, ch. 2): which parameters move the
   * objective at all, before a fit spends its evaluations on them. Ordered by effect, largest
   * first (ties in catalogue order).
   *
   * @param progress evaluations done so far (may be null)
   */
  public static List<Screened> screen(List<CrisisCase> training,
      BiFunction<Scenario, ModelParameters, CompiledModel> compiler, ModelParameters start,
      List<String> names, double[] weights, int runs, long seed, int threads,
      LongConsumer progress) {
    long[] evals = {0};
    java.util.function.ToDoubleFunction<ModelParameters> eval = p -> {
      double v = objective(training, Backtest.run(training, compiler, p, runs, seed, threads,
          null), weights);
      evals[0]++;
      if (progress != null) {
        progress.accept(evals[0]);
      }
      return v;
    };
    double at0 = eval.applyAsDouble(start);
    List<Screened> out = new ArrayList<>();
    for (String name : names) {
      ParameterSpec s = ParameterCatalog.byName(name);
      double lo = eval.applyAsDouble(start.with(name, s.low()));
      double hi = eval.applyAsDouble(start.with(name, s.high()));
      out.add(new Screened(name, s.low(), s.high(), lo, at0, hi));
    }
    List<Screened> sorted = new ArrayList<>(out);
    sorted.sort((a, b) -> Double.compare(b.effect(), a.effect()));
    return List.copyOf(sorted);
  }

  /**
   * Fits the parameters.
   *
   * @param training    the training crises
   * @param compiler    compiles a scenario with parameters
   * @param start       starting parameters (the catalogue's defaults)
   * @param names       parameters to fit (catalogue names)
   * @param weights     weights of the variables in the objective ({@link #WEIGHTS} by default)
   * @param runs        runs per crisis and evaluation
   * @param seed        master seed (each crisis's seed derives from it: common random numbers)
   * @param threads     worker threads
   * @param generations most CMA-ES generations
   * @param population  candidates per generation
   * @param progress    evaluations done so far (may be null)
   */
  public static Fitted fit(List<CrisisCase> training,
      BiFunction<Scenario, ModelParameters, CompiledModel> compiler, ModelParameters start,
      List<String> names, double[] weights, int runs, long seed, int threads, int generations,
      int population, LongConsumer progress) {
    int d = names.size();
    double[] lo = new double[d];
    double[] hi = new double[d];
    double[] x0 = new double[d];
    for (int j = 0; j < d; j++) {
      ParameterSpec s = ParameterCatalog.byName(names.get(j));
      lo[j] = s.low();
      hi[j] = s.high();
      x0[j] = (start.get(names.get(j)) - lo[j]) / (hi[j] - lo[j]);
    }
    int[] evals = {0};
    ObjectiveFunction f = new ObjectiveFunction(u -> {
      ModelParameters p = at(start, names, lo, hi, u);
      double v = objective(training,
          Backtest.run(training, compiler, p, runs, seed, threads, null), weights);
      evals[0]++;
      if (progress != null) {
        progress.accept(evals[0]);
      }
      return v;
    });
    double before = f.getObjectiveFunction().value(x0);
    double[] sigma = new double[d];
    java.util.Arrays.fill(sigma, 0.2);
    double[] lower = new double[d];
    double[] upper = new double[d];
    java.util.Arrays.fill(upper, 1.0);
    // separable CMA-ES (diagonal covariance throughout; Ros & Hansen 2008): few generations of a
    // noisy objective cannot estimate a full covariance, and the diagonal reads as a spread
    CMAESOptimizer cma = new CMAESOptimizer(generations, 0.0, true, generations + 1, 0,
        new Well19937a(seed), true, null);
    PointValuePair best = cma.optimize(new MaxEval(generations * population + 1), f,
        GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lower, upper),
        new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
    double after = best.getValue();
    double[] u = best.getPoint();
    if (after > before) {
      u = x0; // never worse than the start
      after = before;
    }
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, Double> spread = new LinkedHashMap<>();
    List<Double> sh = cma.getStatisticsSigmaHistory();
    List<RealMatrix> dh = cma.getStatisticsDHistory();
    double sig = sh.isEmpty() ? Double.NaN : sh.get(sh.size() - 1);
    RealMatrix dd = dh.isEmpty() ? null : dh.get(dh.size() - 1);
    for (int j = 0; j < d; j++) {
      values.put(names.get(j), lo[j] + clamp01(u[j]) * (hi[j] - lo[j]));
      // Hipparchus records D (the square roots of the covariance's eigenvalues) times 1e5
      double dj = dd == null ? Double.NaN
          : (dd.getRowDimension() == d ? dd.getEntry(j, 0) : dd.getEntry(0, j)) / 1e5;
      spread.put(names.get(j), sig * dj * (hi[j] - lo[j]));
    }
    return new Fitted(values, spread, before, after, evals[0], sh.size());
  }

  /** The parameters at normalised point u. */
  static ModelParameters at(ModelParameters start, List<String> names, double[] lo, double[] hi,
      double[] u) {
    ModelParameters p = start;
    for (int j = 0; j < names.size(); j++) {
      p = p.with(names.get(j), lo[j] + clamp01(u[j]) * (hi[j] - lo[j]));
    }
    return p;
  }

  /** The default parameters with fitted values applied. */
  public static ModelParameters apply(ModelParameters start, Map<String, Double> values) {
    ModelParameters p = start;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      p = p.with(e.getKey(), e.getValue());
    }
    return p;
  }

  private static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** The names of a list, checked against the catalogue. */
  public static List<String> checked(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (ParameterCatalog.indexOf(n) < 0) {
        throw new IllegalArgumentException(n);
      }
      out.add(n);
    }
    return out;
  }
}
