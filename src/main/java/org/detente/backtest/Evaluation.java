package org.detente.backtest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of the back-test's forecasts: for the training crises (triggered before the split
 * year) and the held-out crises (from the split year on), per variable, the mean Brier, ranked
 * probability and log scores of the ensemble, of the training climatology and of the
 * statistical baseline fitted on the training crises, the skills, and reliability diagrams.
 */
public final class Evaluation {

  /** Fewest training observations for fitting a baseline (else the climatology stands in). */
  static final int MIN_FIT = 20;

  /** Mean scores of one variable on one set. */
  public record VariableScores(int n, double brier, double rps, double log, double climBrier,
      double climRps, double climLog, double baseBrier, double baseRps, double baseLog) {

    /** Brier skill against climatology. */
    public double brierSkill() {
      return Scores.skill(brier, climBrier);
    }

    /** RPS skill against climatology. */
    public double rpsSkill() {
      return Scores.skill(rps, climRps);
    }

    /** Log-score skill against climatology. */
    public double logSkill() {
      return Scores.skill(log, climLog);
    }

    /** Brier skill against the baseline. */
    public double brierSkillVsBaseline() {
      return Scores.skill(brier, baseBrier);
    }

    /** RPS skill against the baseline. */
    public double rpsSkillVsBaseline() {
      return Scores.skill(rps, baseRps);
    }

    /** Log-score skill against the baseline. */
    public double logSkillVsBaseline() {
      return Scores.skill(log, baseLog);
    }
  }

  /** Scores and reliability diagrams of one set. */
  public record SetScores(int crises, Map<Variable, VariableScores> scores,
      Map<Variable, Reliability> reliability) {}

  /**
   * One forecast of one variable for one crisis (or crisis actor): the ensemble's, the same
   * recalibrated ({@link Recalibration}, fitted on the training crises), the climatology's and
   * the baseline's.
   */
  public record Row(int crisis, String name, int year, boolean heldOut, Variable variable,
      String actor, int observed, double[] model, double[] recalibrated, double[] climatology,
      double[] baseline) {}

  private final SetScores training;
  private final SetScores heldOut;
  private final SetScores recalibratedTraining;
  private final SetScores recalibratedHeldOut;
  private final Map<Variable, Recalibration> recalibration;
  private final List<Row> rows;
  private final Map<Variable, double[]> climatology;
  private final Map<Variable, Boolean> baselineFitted;
  private final double[][][][] intervals;

  private Evaluation(SetScores training, SetScores heldOut, SetScores recalibratedTraining,
      SetScores recalibratedHeldOut, Map<Variable, Recalibration> recalibration, List<Row> rows,
      Map<Variable, double[]> climatology, Map<Variable, Boolean> baselineFitted) {
    this.training = training;
    this.heldOut = heldOut;
    this.recalibratedTraining = recalibratedTraining;
    this.recalibratedHeldOut = recalibratedHeldOut;
    this.recalibration = recalibration;
    this.rows = rows;
    this.climatology = climatology;
    this.baselineFitted = baselineFitted;
    // [held out?][variable][against the baseline?]: each bootstrap once, read by every report
    this.intervals = new double[2][Variable.values().length][2][];
    for (int h = 0; h < 2; h++) {
      for (Variable v : Variable.values()) {
        for (int b = 0; b < 2; b++) {
          intervals[h][v.ordinal()][b] = bootstrap(h == 1, v, b == 1);
        }
      }
    }
  }

  /**
   * Scores of the recalibrated forecasts on the training crises (in-sample: the recalibration
   * was fitted on them).
   */
  public SetScores recalibratedTraining() {
    return recalibratedTraining;
  }

  /** Scores of the recalibrated forecasts on the held-out crises (out of sample). */
  public SetScores recalibratedHeldOut() {
    return recalibratedHeldOut;
  }

  /** The recalibration of a variable, fitted on the training crises. */
  public Recalibration recalibration(Variable v) {
    return recalibration.get(v);
  }

  /** Scores on the training crises. */
  public SetScores training() {
    return training;
  }

  /** Scores on the held-out crises. */
  public SetScores heldOut() {
    return heldOut;
  }

  /** Every forecast, crisis by crisis. */
  public List<Row> rows() {
    return rows;
  }

  /** The training climatology of a variable. */
  public double[] climatology(Variable v) {
    return climatology.get(v).clone();
  }

  /** Whether the baseline of a variable was fitted (else the climatology stands in). */
  public boolean baselineFitted(Variable v) {
    return baselineFitted.get(v);
  }

  /** Resamples of the crises in a bootstrap interval of a skill. */
  public static final int BOOTSTRAP_RESAMPLES = 2000;

  /** Seed of the bootstrap's random stream (the intervals do not depend on the run's seed). */
  public static final long BOOTSTRAP_SEED = 1;

  /**
   * A 95% bootstrap interval of the raw ensemble's Brier skill on one set: the crises of the set
   * resampled with replacement {@link #BOOTSTRAP_RESAMPLES} times (a crisis with all its scored
   * actors for the actor outcome, so the interval allows for actors of one crisis sharing its
   * forecast), the skill 1 − ΣB/ΣB_ref recomputed on each resample against the same rows'
   * reference scores, and its 2.5th and 97.5th percentiles (Efron & Tibshirani 1993, ch. 13;
   * paired, since the forecast and its reference score the same crises). Sampling uncertainty
   * over which crises history happened to produce, not the ensemble's Monte Carlo error.
   *
   * @param heldOut    the held-out set, else the training set
   * @param v          the variable
   * @param vsBaseline against the statistical baseline, else against the climatology
   * @return {low, high}; {NaN, NaN} when the set has no score of the variable
   */
  public double[] brierSkillInterval(boolean heldOut, Variable v, boolean vsBaseline) {
    return intervals[heldOut ? 1 : 0][v.ordinal()][vsBaseline ? 1 : 0].clone();
  }

  /** The bootstrap of {@link #brierSkillInterval}, from the rows. */
  private double[] bootstrap(boolean heldOut, Variable v, boolean vsBaseline) {
    // per crisis (its rows are consecutive): the sums of the forecast's and the reference's
    // Brier scores
    double[] m = new double[rows.size()];
    double[] ref = new double[rows.size()];
    int n = 0;
    int last = Integer.MIN_VALUE;
    for (Row r : rows) {
      if (r.heldOut() != heldOut || r.variable() != v) {
        continue;
      }
      if (n == 0 || r.crisis() != last) {
        n++;
        last = r.crisis();
      }
      m[n - 1] += Scores.brier(r.model(), r.observed());
      ref[n - 1] += Scores.brier(vsBaseline ? r.baseline() : r.climatology(), r.observed());
    }
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return Scores.bootstrapSkillInterval(java.util.Arrays.copyOf(m, n),
        java.util.Arrays.copyOf(ref, n), BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
  }

  /**
   * Evaluates forecasts.
   *
   * @param cases     the crises
   * @param forecasts their forecasts, in the same order
   * @param split     first trigger year of the held-out set
   */
  public static Evaluation evaluate(List<CrisisCase> cases, List<CrisisForecast> forecasts,
      int split) {
    // observations: per variable, per case (actor outcome: per scored actor)
    Map<Variable, double[]> clim = new EnumMap<>(Variable.class);
    Map<Variable, LogitBaseline> base = new EnumMap<>(Variable.class);
    Map<Variable, Boolean> fitted = new EnumMap<>(Variable.class);
    for (Variable v : Variable.values()) {
      List<double[]> xs = new ArrayList<>();
      List<Integer> ys = new ArrayList<>();
      for (CrisisCase c : cases) {
        if (c.year() >= split) {
          continue;
        }
        if (v == Variable.ACTOR_OUTCOME) {
          for (CrisisCase.ScoredActor a : c.scored()) {
            xs.add(c.actorCovariates(a));
            ys.add(a.observed());
          }
        } else if (c.observed()[v.ordinal()] >= 0) {
          xs.add(c.covariates());
          ys.add(c.observed()[v.ordinal()]);
        }
      }
      long[] counts = new long[Variable.K];
      for (int y : ys) {
        counts[y]++;
      }
      clim.put(v, Scores.fromCounts(counts));
      boolean fit = ys.size() >= MIN_FIT;
      fitted.put(v, fit);
      if (fit) {
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        base.put(v, LogitBaseline.fit(v.ordered(), Variable.K, xs.toArray(new double[0][]), y));
      }
    }
    List<Row> rows = new ArrayList<>();
    Acc train = new Acc();
    Acc held = new Acc();
    for (int i = 0; i < cases.size(); i++) {
      CrisisCase c = cases.get(i);
      CrisisForecast f = forecasts.get(i);
      boolean h = c.year() >= split;
      Acc acc = h ? held : train;
      acc.crises++;
      for (Variable v : Variable.values()) {
        if (v == Variable.ACTOR_OUTCOME) {
          for (CrisisCase.ScoredActor a : c.scored()) {
            double[] p = f.sideOutcome(a.side());
            double[] b = fitted.get(v) ? base.get(v).predict(c.actorCovariates(a)) : clim.get(v);
            acc.add(v, p, clim.get(v), b, a.observed());
            rows.add(new Row(c.id(), c.generated().crisis().name(), c.year(), h, v, a.id(),
                a.observed(), p, null, clim.get(v), b));
          }
        } else {
          int o = c.observed()[v.ordinal()];
          if (o < 0) {
            continue;
          }
          double[] p = f.probabilities(v);
          double[] b = fitted.get(v) ? base.get(v).predict(c.covariates()) : clim.get(v);
          acc.add(v, p, clim.get(v), b, o);
          rows.add(new Row(c.id(), c.generated().crisis().name(), c.year(), h, v, "", o, p, null,
              clim.get(v), b));
        }
      }
    }
    // post-processing: a recalibration per variable fitted on the training forecasts only
    Map<Variable, Recalibration> recal = new EnumMap<>(Variable.class);
    for (Variable v : Variable.values()) {
      List<double[]> ps = new ArrayList<>();
      List<Integer> os = new ArrayList<>();
      for (Row r : rows) {
        if (!r.heldOut() && r.variable() == v) {
          ps.add(r.model());
          os.add(r.observed());
        }
      }
      recal.put(v, Recalibration.fit(ps, os.stream().mapToInt(Integer::intValue).toArray(),
          Variable.K));
    }
    Acc recalTrain = new Acc();
    Acc recalHeld = new Acc();
    recalTrain.crises = train.crises;
    recalHeld.crises = held.crises;
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      double[] q = recal.get(r.variable()).apply(r.model());
      (r.heldOut() ? recalHeld : recalTrain).add(r.variable(), q, r.climatology(), r.baseline(),
          r.observed());
      out.add(new Row(r.crisis(), r.name(), r.year(), r.heldOut(), r.variable(), r.actor(),
          r.observed(), r.model(), q, r.climatology(), r.baseline()));
    }
    return new Evaluation(train.scores(), held.scores(), recalTrain.scores(), recalHeld.scores(),
        recal, List.copyOf(out), clim, fitted);
  }

  /** Sums of scores of one set. */
  private static final class Acc {
    int crises;
    final Map<Variable, double[]> sums = new EnumMap<>(Variable.class);
    final Map<Variable, Integer> n = new EnumMap<>(Variable.class);
    final Map<Variable, Reliability> rel = new EnumMap<>(Variable.class);

    Acc() {
      for (Variable v : Variable.values()) {
        sums.put(v, new double[9]);
        n.put(v, 0);
        rel.put(v, new Reliability());
      }
    }

    void add(Variable v, double[] p, double[] clim, double[] base, int o) {
      double[] s = sums.get(v);
      s[0] += Scores.brier(p, o);
      s[1] += Scores.rps(p, o);
      s[2] += Scores.log(p, o);
      s[3] += Scores.brier(clim, o);
      s[4] += Scores.rps(clim, o);
      s[5] += Scores.log(clim, o);
      s[6] += Scores.brier(base, o);
      s[7] += Scores.rps(base, o);
      s[8] += Scores.log(base, o);
      n.merge(v, 1, Integer::sum);
      rel.get(v).add(p, o);
    }

    SetScores scores() {
      Map<Variable, VariableScores> m = new EnumMap<>(Variable.class);
      for (Variable v : Variable.values()) {
        int k = n.get(v);
        double[] s = sums.get(v);
        double d = Math.max(k, 1);
        m.put(v, new VariableScores(k, s[0] / d, s[1] / d, s[2] / d, s[3] / d, s[4] / d,
            s[5] / d, s[6] / d, s[7] / d, s[8] / d));
      }
      return new SetScores(crises, m, rel);
    }
  }
}
