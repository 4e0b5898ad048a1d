package org.detente.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.detente.model.Action;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.model.Outcome;
import org.detente.engine.RunSink;
import org.detente.engine.RunView;

/**
 * Streaming aggregate of an ensemble: memory does not grow with the number of runs. It counts
 * outcomes and question answers, keeps casualties in fixed logarithmic histograms (quantiles to
 * within a bin, 20 bins per decade, i.e. ±6%; means are exact), the first week of each ladder
 * rung, the highest rung, the most frequent escalation paths ({@link EscalationPath}, in a bounded
 * map) and who controls each theater at the end. {@code detente run}, its JSON and the HTML report
 * all read their figures from this one summary. Runs must arrive in index order from one thread,
 * which the ensemble guarantees; results are then independent of the number of worker threads.
 */
public final class EnsembleSummary implements RunSink {

  /** Logarithmic histogram bins per decade. */
  static final int BINS_PER_DECADE = 20;
  /** Decades covered: 1 .. 1e12 deaths. */
  static final int DECADES = 12;
  private static final int NBINS = BINS_PER_DECADE * DECADES + 2; // 0: zero, last: overflow
  /** Distinct escalation paths kept; rarer ones beyond this are counted under "other". */
  public static final int MAX_PATHS = 512;

  private final CompiledModel model;
  private final int nA;
  private final int nK;
  private final int horizon;
  private long runs;
  private final long[] outcomes = new long[Outcome.values().length];
  private final long[] questions;
  private final long[] highest = new long[Action.RUNGS];
  private final long[][] firstWeek; // [rung][week 0..horizon]
  private final Hist[] deaths; // [actor*nK+kind]
  private final Hist[] kindTotal; // [kind]
  private final Hist total;
  private final long[][] control; // [theater][controller+1]
  private final long[][] motives; // [actor][motive]
  // escalation paths in an allocation-free open-addressing map: key = rungs in order, 4 bits each
  private static final int PATH_SLOTS = 2048;
  private final long[] pathKey = new long[PATH_SLOTS];
  private final long[] pathCount = new long[PATH_SLOTS];
  private int pathsUsed;
  private long otherPaths;
  private long events;
  private final long[] decisionStats = new long[4];

  /** An empty summary for runs of this model. */
  public EnsembleSummary(CompiledModel model) {
    this.model = model;
    this.nA = model.actorCount();
    this.nK = CasualtyKind.values().length;
    this.horizon = model.horizonWeeks();
    questions = new long[model.questionCount()];
    firstWeek = new long[Action.RUNGS][horizon + 1];
    deaths = new Hist[nA * nK];
    for (int i = 0; i < deaths.length; i++) {
      deaths[i] = new Hist();
    }
    kindTotal = new Hist[nK];
    for (int k = 0; k < nK; k++) {
      kindTotal[k] = new Hist();
    }
    total = new Hist();
    control = new long[model.theaterCount()][nA + 1];
    motives = new long[nA][];
    for (int a = 0; a < nA; a++) {
      motives[a] = new long[model.motiveCount(a)];
    }
  }

  @Override
  public void accept(RunView run) {
    runs++;
    int[] ds = run.decisionStats();
    for (int i = 0; i < decisionStats.length; i++) {
      decisionStats[i] += ds[i];
    }
    outcomes[run.outcome().ordinal()]++;
    for (int q = 0; q < questions.length; q++) {
      if (run.question(q)) {
        questions[q]++;
      }
    }
    highest[run.highestRung()]++;
    for (int r = 0; r < Action.RUNGS; r++) {
      int w = run.firstWeekOfRung(r);
      if (w >= 0) {
        firstWeek[r][Math.min(w, horizon)]++;
      }
    }
    double grand = 0;
    for (int k = 0; k < nK; k++) {
      CasualtyKind kind = CasualtyKind.values()[k];
      double sum = 0;
      for (int a = 0; a < nA; a++) {
        double d = run.deaths(a, kind);
        deaths[a * nK + k].add(d);
        sum += d;
      }
      kindTotal[k].add(sum);
      grand += sum;
    }
    total.add(grand);
    for (int t = 0; t < control.length; t++) {
      control[t][run.finalController(t) + 1]++;
    }
    for (int a = 0; a < nA; a++) {
      motives[a][run.motive(a)]++;
    }
    events += run.eventCount();
    long key = EscalationPath.of(run);
    int slot = (int) (org.detente.engine.Rng.mix(key) & (PATH_SLOTS - 1));
    while (true) {
      if (pathCount[slot] == 0) {
        if (pathsUsed < MAX_PATHS) {
          pathKey[slot] = key;
          pathCount[slot] = 1;
          pathsUsed++;
        } else {
          otherPaths++;
        }
        break;
      }
      if (pathKey[slot] == key) {
        pathCount[slot]++;
        break;
      }
      slot = (slot + 1) & (PATH_SLOTS - 1);
    }
  }

  /** The model summarised. */
  public CompiledModel model() {
    return model;
  }

  /**
   * Over all runs: {decisions taken, close calls (the chosen action's probability under twice
   * that of the most probable other), decisions where a better action was available, decisions
   * chosen outside the three best ("by quantal-response noise")}.
   */
  public long[] decisionStats() {
    return decisionStats.clone();
  }

  /** Runs seen. */
  public long runs() {
    return runs;
  }

  /** Runs ending in this outcome class. */
  public long outcomeCount(Outcome o) {
    return outcomes[o.ordinal()];
  }

  /** Share of runs ending in this outcome class. */
  public double outcomeProbability(Outcome o) {
    return runs == 0 ? Double.NaN : (double) outcomes[o.ordinal()] / runs;
  }

  /** Runs answering question q with yes. */
  public long questionCount(int q) {
    return questions[q];
  }

  /** Runs whose highest rung is r. */
  public long highestRungCount(int r) {
    return highest[r];
  }

  /** Runs that reached rung r at some week. */
  public long reachedRung(int r) {
    long s = 0;
    for (long v : firstWeek[r]) {
      s += v;
    }
    return s;
  }

  /** Quantile (0..1) of the first week of rung r among runs reaching it; NaN if none. */
  public double firstWeekQuantile(int r, double q) {
    long n = reachedRung(r);
    if (n == 0) {
      return Double.NaN;
    }
    long target = (long) Math.ceil(q * n);
    long acc = 0;
    for (int w = 0; w <= horizon; w++) {
      acc += firstWeek[r][w];
      if (acc >= Math.max(1, target)) {
        return w;
      }
    }
    return horizon;
  }

  /** Share of runs that reached rung r by each week 0..horizon (cumulative; 0 if no runs). */
  public double[] cumulativeRung(int r) {
    double[] c = new double[horizon + 1];
    long s = 0;
    for (int w = 0; w <= horizon; w++) {
      s += firstWeek[r][w];
      c[w] = runs == 0 ? 0 : s / (double) runs;
    }
    return c;
  }

  /** Horizon of the summarised runs, in weeks. */
  public int horizonWeeks() {
    return horizon;
  }

  /** Mean first week of rung r among runs reaching it; NaN if none. */
  public double firstWeekMean(int r) {
    long n = reachedRung(r);
    if (n == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int w = 0; w <= horizon; w++) {
      s += (double) w * firstWeek[r][w];
    }
    return s / n;
  }

  /** Deaths of an actor of a kind. */
  public Hist deaths(int actor, CasualtyKind kind) {
    return deaths[actor * nK + kind.ordinal()];
  }

  /** Deaths of a kind over all actors. */
  public Hist deaths(CasualtyKind kind) {
    return kindTotal[kind.ordinal()];
  }

  /** Deaths of all kinds over all actors. */
  public Hist totalDeaths() {
    return total;
  }

  /** Runs in which theater t ended under actor a (a = -1: no controller). */
  public long controlCount(int t, int a) {
    return control[t][a + 1];
  }

  /** Runs in which actor a's true motive was hypothesis m. */
  public long motiveCount(int a, int m) {
    return motives[a][m];
  }

  /** Mean number of logged events per run. */
  public double meanEvents() {
    return runs == 0 ? 0 : (double) events / runs;
  }

  /** The most frequent escalation paths, most frequent first (ties by path), at most k. */
  public List<Map.Entry<String, Long>> topPaths(int k) {
    TreeMap<String, Long> paths = new TreeMap<>();
    for (int i = 0; i < PATH_SLOTS; i++) {
      if (pathCount[i] > 0) {
        paths.put(EscalationPath.name(pathKey[i]), pathCount[i]);
      }
    }
    List<Map.Entry<String, Long>> l = new ArrayList<>(paths.entrySet());
    l.sort((x, y) -> {
      int c = Long.compare(y.getValue(), x.getValue());
      return c != 0 ? c : x.getKey().compareTo(y.getKey());
    });
    return l.subList(0, Math.min(k, l.size()));
  }

  /** Number of distinct escalation paths kept (at most {@link #MAX_PATHS}). */
  public int distinctPaths() {
    return pathsUsed;
  }

  /** Runs whose path was not kept because the path map was full. */
  public long otherPaths() {
    return otherPaths;
  }

  /**
   * A fixed logarithmic histogram of non-negative values with an exact mean; NaN values (not
   * computable) are counted apart.
   */
  public static final class Hist {
    private final long[] bins = new long[NBINS];
    private long n;
    private long unknown;
    private double sum;
    private double max;

    void add(double v) {
      if (Double.isNaN(v)) {
        unknown++;
        return;
      }
      if (v < 0) {
        throw new IllegalStateException("negative casualty count " + v);
      }
      n++;
      sum += v;
      max = Math.max(max, v);
      bins[bin(v)]++;
    }

    private static int bin(double v) {
      if (v < 1) {
        return 0;
      }
      // in double first: (int) of an infinite or huge logarithm would overflow the bin index
      double b = 1 + Math.floor(Math.log10(v) * BINS_PER_DECADE);
      return b >= NBINS - 1 ? NBINS - 1 : (int) b;
    }

    /** Runs with a known value. */
    public long count() {
      return n;
    }

    /** Runs with a known value below one (no death). */
    public long zeroCount() {
      return bins[0];
    }

    /** Bins per decade of the logarithmic bins. */
    public static int binsPerDecade() {
      return BINS_PER_DECADE;
    }

    /**
     * Runs in each bin: bin 0 holds values below 1, bin b (1 .. last-1) values in
     * [10^((b-1)/binsPerDecade), 10^(b/binsPerDecade)), the last bin anything beyond 10^12.
     */
    public long[] binCounts() {
      return bins.clone();
    }

    /** Runs in which the value could not be computed. */
    public long unknown() {
      return unknown;
    }

    /** Mean over runs with a known value; NaN if none. */
    public double mean() {
      return n == 0 ? Double.NaN : sum / n;
    }

    /** Largest known value; NaN if none. */
    public double max() {
      return n == 0 ? Double.NaN : max;
    }

    /**
     * Quantile q (0..1) over runs with a known value: the geometric centre of the bin holding
     * it (0 for values below 1, capped at the maximum seen); NaN if none.
     */
    public double quantile(double q) {
      if (n == 0) {
        return Double.NaN;
      }
      long target = Math.max(1, (long) Math.ceil(q * n));
      long acc = 0;
      for (int b = 0; b < NBINS; b++) {
        acc += bins[b];
        if (acc >= target) {
          if (b == 0) {
            return 0;
          }
          double centre = Math.pow(10, (b - 0.5) / BINS_PER_DECADE);
          return Math.min(centre, max);
        }
      }
      return max;
    }
  }
}
