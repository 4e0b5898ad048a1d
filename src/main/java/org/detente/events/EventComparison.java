package org.detente.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.detente.engine.RunSink;
import org.detente.engine.RunView;
import org.detente.model.Action;
import org.detente.scenario.Scenario;

/**
 * A scenario's simulated weekly event mix set against an observed weekly series for the same
 * directed dyads and weeks (docs/events.md, "Observed against simulated").
 *
 * <p>Each simulated event (an action of the run's log between two of the chosen dyads) counts
 * with the quad class of its CAMEO root code and the Goldstein value of its action; the observed
 * series counts rows the same way. Event counts are not comparable in scale (a news-coded data
 * set counts reports, the model one decision per actor and week), so the comparison is of the
 * mix and the tone:
 * <ul>
 *   <li>quad-class shares over all chosen weeks and dyads: observed, and the ensemble's mean
 *       share with its 5–95 % band across runs;</li>
 *   <li>the weekly mean Goldstein value per event: observed, and the ensemble's 5, 25, 50, 75
 *       and 95 % quantiles across the runs with events that week;</li>
 *   <li>the continuous ranked probability score of each observed weekly mean under the
 *       ensemble's distribution, CRPS(F, y) = E|X − y| − ½ E|X − X'| (Gneiting and Raftery
 *       2007), averaged over weeks, with a climatological reference (each observed week scored
 *       under the other observed weeks) and the skill 1 − CRPS / CRPS_ref;</li>
 *   <li>the energy distance between the distributions of weekly quad-share vectors,
 *       D² = 2 E‖X − Y‖ − E‖X − X'‖ − E‖Y − Y'‖ (Székely and Rizzo 2013), simulated run-weeks
 *       against observed weeks; 0 when they are equal in distribution.</li>
 * </ul>
 * Weeks after a run's end (an absorbing outcome) are missing for that run, not quiet.
 */
public final class EventComparison implements RunSink {

  /** Most simulated run-weeks in the energy-distance sample (evenly thinned beyond). */
  static final int ENERGY_SAMPLE = 4000;

  private final Scenario scenario;
  private final WeeklySeries observed;
  private final List<int[]> dyads;
  private final List<String> dyadNames;
  private final int offset;
  private final int weeks;
  // observed, pooled over the dyads
  private final int[][] obsQuad;
  private final double[] obsGold;
  private final long[][] obsDyadQuad;
  // simulated, per run
  private final List<int[][]> simQuad = new ArrayList<>();
  private final List<double[]> simGold = new ArrayList<>();
  private final List<Integer> simEnd = new ArrayList<>();
  private final long[][] simDyadQuad;

  /**
   * A comparison.
   *
   * @param scenario the scenario simulated
   * @param observed the observed series, its week 0 on the scenario's clock (asOf + whole weeks)
   * @param dyads    the directed dyads compared, "SOURCE>TARGET", or empty for every dyad of
   *                 the series whose actors the scenario has
   */
  public EventComparison(Scenario scenario, WeeklySeries observed, List<String> dyads) {
    this.scenario = scenario;
    this.observed = observed;
    this.offset = EvidenceBuilder.offsetWeeks(observed, scenario);
    List<String> names = new ArrayList<>(dyads);
    if (names.isEmpty()) {
      for (WeeklySeries.Cell c : observed.cells()) {
        String d = c.source() + ">" + c.target();
        if (scenario.actorIndex(c.source()) >= 0 && scenario.actorIndex(c.target()) >= 0
            && !names.contains(d)) {
          names.add(d);
        }
      }
      names.sort(null);
    }
    this.dyadNames = List.copyOf(names);
    this.dyads = new ArrayList<>();
    for (String d : names) {
      String[] p = d.split(">", -1);
      int a = p.length == 2 ? scenario.actorIndex(p[0]) : -1;
      int b = p.length == 2 ? scenario.actorIndex(p[1]) : -1;
      if (a < 0 || b < 0 || a == b) {
        throw new IllegalArgumentException("dyad '" + d + "': expected SOURCE>TARGET, two"
            + " different actors of the scenario");
      }
      this.dyads.add(new int[] {a, b});
    }
    int last = observed.lastWeek() + offset;
    this.weeks = Math.max(0, Math.min(scenario.meta().horizonSteps(), last) + 1);
    obsQuad = new int[weeks][5];
    obsGold = new double[weeks];
    obsDyadQuad = new long[dyadNames.size()][5];
    simDyadQuad = new long[dyadNames.size()][5];
    for (WeeklySeries.Cell c : observed.cells()) {
      int w = c.week() + offset;
      int d = dyadNames.indexOf(c.source() + ">" + c.target());
      if (w < 0 || w >= weeks || d < 0) {
        continue;
      }
      for (int q = 1; q <= 4; q++) {
        obsQuad[w][q] += c.quad(q);
        obsDyadQuad[d][q] += c.quad(q);
      }
      obsGold[w] += c.goldstein();
    }
  }

  /** The dyads compared, "SOURCE>TARGET". */
  public List<String> dyads() {
    return dyadNames;
  }

  /** Weeks compared: 0 … weeks() − 1 of the scenario's clock. */
  public int weeks() {
    return weeks;
  }

  /** Runs received. */
  public int runs() {
    return simQuad.size();
  }

  @Override
  public void accept(RunView run) {
    int[][] q = new int[weeks][5];
    double[] g = new double[weeks];
    for (int e = 0; e < run.eventCount(); e++) {
      int w = run.eventWeek(e);
      Action act = run.eventAction(e);
      if (w < 0 || w >= weeks || act.cameo() == null) {
        continue;
      }
      int a = run.eventActor(e);
      int b = run.eventTarget(e);
      for (int d = 0; d < dyads.size(); d++) {
        int[] dy = dyads.get(d);
        if (dy[0] == a && dy[1] == b) {
          int quad = Cameo.quadOfRoot(Cameo.rootOf(act.cameo()));
          q[w][quad]++;
          g[w] += act.goldstein();
          simDyadQuad[d][quad]++;
          break;
        }
      }
    }
    simQuad.add(q);
    simGold.add(g);
    simEnd.add(run.endWeek());
  }

  // ---- results

  /** Observed events in week w (pooled over the dyads). */
  public int observedEvents(int w) {
    return obsQuad[w][1] + obsQuad[w][2] + obsQuad[w][3] + obsQuad[w][4];
  }

  /** Observed mean Goldstein value per event in week w, or NaN without events. */
  public double observedGoldstein(int w) {
    int n = observedEvents(w);
    return n == 0 ? Double.NaN : obsGold[w] / n;
  }

  /** Observed share of quad class q (1..4) over all weeks and dyads, or NaN without events. */
  public double observedShare(int q) {
    long n = 0;
    long k = 0;
    for (int w = 0; w < weeks; w++) {
      n += observedEvents(w);
      k += obsQuad[w][q];
    }
    return n == 0 ? Double.NaN : (double) k / n;
  }

  /** Observed events of a dyad (index into {@link #dyads()}) by quad class q. */
  public long observedDyad(int d, int q) {
    return obsDyadQuad[d][q];
  }

  /** Simulated events of a dyad by quad class, summed over runs. */
  public long simulatedDyad(int d, int q) {
    return simDyadQuad[d][q];
  }

  /**
   * Simulated share of quad class q over the weeks and dyads: {mean over runs with events,
   * 5 % quantile, 95 % quantile, runs with events}.
   */
  public double[] simulatedShare(int q) {
    double[] shares = new double[runs()];
    int m = 0;
    for (int r = 0; r < runs(); r++) {
      int[][] x = simQuad.get(r);
      long n = 0;
      long k = 0;
      for (int w = 0; w < weeks; w++) {
        n += x[w][1] + x[w][2] + x[w][3] + x[w][4];
        k += x[w][q];
      }
      if (n > 0) {
        shares[m++] = (double) k / n;
      }
    }
    if (m == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
    }
    double[] s = Arrays.copyOf(shares, m);
    Arrays.sort(s);
    double mean = 0;
    for (double v : s) {
      mean += v;
    }
    return new double[] {mean / m, quantile(s, 0.05), quantile(s, 0.95), m};
  }

  /**
   * The simulated weekly mean Goldstein values of week w across the runs that are still going
   * and have an event between the dyads that week, sorted.
   */
  public double[] simulatedGoldstein(int w) {
    double[] v = new double[runs()];
    int m = 0;
    for (int r = 0; r < runs(); r++) {
      if (w > simEnd.get(r)) {
        continue;
      }
      int[] q = simQuad.get(r)[w];
      int n = q[1] + q[2] + q[3] + q[4];
      if (n > 0) {
        v[m++] = simGold.get(r)[w] / n;
      }
    }
    double[] s = Arrays.copyOf(v, m);
    Arrays.sort(s);
    return s;
  }

  /** Simulated events per week, averaged over runs still going that week. */
  public double simulatedEvents(int w) {
    long n = 0;
    int runs = 0;
    for (int r = 0; r < runs(); r++) {
      if (w > simEnd.get(r)) {
        continue;
      }
      runs++;
      int[] q = simQuad.get(r)[w];
      n += q[1] + q[2] + q[3] + q[4];
    }
    return runs == 0 ? Double.NaN : (double) n / runs;
  }

  /**
   * The CRPS of the observed weekly mean Goldstein values: {mean CRPS under the ensemble,
   * mean CRPS of the climatological reference, weeks scored}. A week is scored when it has
   * observed events and at least two runs with events.
   */
  public double[] crps() {
    double sum = 0;
    double ref = 0;
    int n = 0;
    List<Double> obs = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      if (observedEvents(w) > 0) {
        obs.add(observedGoldstein(w));
      }
    }
    for (int w = 0; w < weeks; w++) {
      if (observedEvents(w) == 0) {
        continue;
      }
      double[] x = simulatedGoldstein(w);
      if (x.length < 2) {
        continue;
      }
      double y = observedGoldstein(w);
      sum += crps(x, y);
      double[] others = new double[obs.size() - 1];
      int k = 0;
      boolean skipped = false;
      for (double o : obs) {
        if (!skipped && o == y) {
          skipped = true;
          continue;
        }
        others[k++] = o;
      }
      Arrays.sort(others);
      ref += others.length == 0 ? Double.NaN : crps(others, y);
      n++;
    }
    return n == 0 ? new double[] {Double.NaN, Double.NaN, 0}
        : new double[] {sum / n, ref / n, n};
  }

  /**
   * The CRPS of y under the empirical distribution of the sorted sample x:
   * (1/m) Σ|x_i − y| − (1/m²) Σ_i (2i − m − 1) x_(i) (the second term is ½ E|X − X'| by the
   * order-statistics identity Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − m − 1) x_(i), i = 1 … m).
   */
  static double crps(double[] sorted, double y) {
    int m = sorted.length;
    double a = 0;
    double b = 0;
    for (int i = 0; i < m; i++) {
      a += Math.abs(sorted[i] - y);
      b += (2.0 * (i + 1) - m - 1) * sorted[i];
    }
    return a / m - b / ((double) m * m);
  }

  /**
   * The energy distance D² between the simulated run-weeks' and the observed weeks' quad-share
   * vectors (weeks with events only): {D², simulated sample size, observed sample size}.
   */
  public double[] energyDistance() {
    List<double[]> obs = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      double[] s = shares(obsQuad[w]);
      if (s != null) {
        obs.add(s);
      }
    }
    List<double[]> sim = new ArrayList<>();
    for (int r = 0; r < runs(); r++) {
      for (int w = 0; w < weeks && w <= simEnd.get(r); w++) {
        double[] s = shares(simQuad.get(r)[w]);
        if (s != null) {
          sim.add(s);
        }
      }
    }
    if (obs.isEmpty() || sim.isEmpty()) {
      return new double[] {Double.NaN, sim.size(), obs.size()};
    }
    if (sim.size() > ENERGY_SAMPLE) {
      List<double[]> thin = new ArrayList<>(ENERGY_SAMPLE);
      for (int i = 0; i < ENERGY_SAMPLE; i++) {
        thin.add(sim.get((int) ((long) i * sim.size() / ENERGY_SAMPLE)));
      }
      sim = thin;
    }
    return new double[] {energy(sim, obs), sim.size(), obs.size()};
  }

  /** D² = 2 E‖X − Y‖ − E‖X − X'‖ − E‖Y − Y'‖ over the two samples (V-statistics). */
  static double energy(List<double[]> x, List<double[]> y) {
    return 2 * meanDistance(x, y) - meanDistance(x, x) - meanDistance(y, y);
  }

  private static double meanDistance(List<double[]> a, List<double[]> b) {
    double s = 0;
    for (double[] u : a) {
      for (double[] v : b) {
        double d = 0;
        for (int k = 0; k < u.length; k++) {
          d += (u[k] - v[k]) * (u[k] - v[k]);
        }
        s += Math.sqrt(d);
      }
    }
    return s / ((double) a.size() * b.size());
  }

  private static double[] shares(int[] q) {
    int n = q[1] + q[2] + q[3] + q[4];
    if (n == 0) {
      return null;
    }
    return new double[] {(double) q[1] / n, (double) q[2] / n, (double) q[3] / n,
        (double) q[4] / n};
  }

  /** The p-quantile of a sorted sample (linear interpolation, type 7), NaN when empty. */
  public static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The scenario compared. */
  public Scenario scenario() {
    return scenario;
  }

  /** The observed series. */
  public WeeklySeries observed() {
    return observed;
  }
}
