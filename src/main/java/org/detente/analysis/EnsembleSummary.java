package org.detente.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * within a bin, 20 bins per decade, i.e. ±6%; means exact over deaths counted in whole persons
 * per run), the first week of each ladder rung, the highest rung, every escalation path
 * ({@link EscalationPath}: at most 2<sup>{@value Action#RUNGS}</sup>, all kept) and who controls
 * each theater at the end. Every aggregate is a sum of integers, so summaries of consecutive
 * ranges of runs {@link #merge merge} into exactly the summary of the whole range, whichever
 * machine computed each part. {@code detente run}, its JSON and the HTML report
 * all read their figures from this one summary. Runs must arrive in index order from one thread,
 * which the ensemble guarantees; results are then independent of the number of worker threads.
 */
public final class EnsembleSummary implements RunSink {

  /** Logarithmic histogram bins per decade. */
  static final int BINS_PER_DECADE = 20;
  /** Decades covered: 1 .. 1e12 deaths. */
  static final int DECADES = 12;
  private static final int NBINS = BINS_PER_DECADE * DECADES + 2; // 0: zero, last: overflow
  /**
   * Distinct escalation paths kept: every possible one (a path is an increasing sequence of
   * rungs, so there are at most 2^RUNGS), hence none is ever counted under "other".
   */
  public static final int MAX_PATHS = 1 << Action.RUNGS;

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
  private static final int PATH_SLOTS = 2 * MAX_PATHS;
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
    addPath(EscalationPath.of(run), 1);
  }

  private void addPath(long key, long count) {
    int slot = (int) (org.detente.engine.Rng.mix(key) & (PATH_SLOTS - 1));
    while (true) {
      if (pathCount[slot] == 0) {
        if (pathsUsed < MAX_PATHS) {
          pathKey[slot] = key;
          pathCount[slot] = count;
          pathsUsed++;
        } else {
          otherPaths += count;
        }
        return;
      }
      if (pathKey[slot] == key) {
        pathCount[slot] += count;
        return;
      }
      slot = (slot + 1) & (PATH_SLOTS - 1);
    }
  }

  /** The model summarised. */
  public CompiledModel model() {
    return model;
  }

  /**
   * Adds the runs of another summary of the same model. Every aggregate is a sum of integers
   * (or a maximum), so merging the summaries of consecutive ranges of runs gives exactly the
   * summary of the whole range, in any grouping.
   *
   * @throws IllegalArgumentException if the other summary is of a model of another shape
   */
  public void merge(EnsembleSummary other) {
    if (other.nA != nA || other.horizon != horizon || other.questions.length != questions.length
        || other.control.length != control.length) {
      throw new IllegalArgumentException("summaries of different models");
    }
    for (int a = 0; a < nA; a++) {
      if (other.motives[a].length != motives[a].length) {
        throw new IllegalArgumentException("summaries of different models");
      }
    }
    runs += other.runs;
    add(decisionStats, other.decisionStats);
    add(outcomes, other.outcomes);
    add(questions, other.questions);
    add(highest, other.highest);
    for (int r = 0; r < firstWeek.length; r++) {
      add(firstWeek[r], other.firstWeek[r]);
    }
    for (int i = 0; i < deaths.length; i++) {
      deaths[i].merge(other.deaths[i]);
    }
    for (int k = 0; k < nK; k++) {
      kindTotal[k].merge(other.kindTotal[k]);
    }
    total.merge(other.total);
    for (int t = 0; t < control.length; t++) {
      add(control[t], other.control[t]);
    }
    for (int a = 0; a < nA; a++) {
      add(motives[a], other.motives[a]);
    }
    events += other.events;
    for (int i = 0; i < PATH_SLOTS; i++) {
      if (other.pathCount[i] > 0) {
        addPath(other.pathKey[i], other.pathCount[i]);
      }
    }
    otherPaths += other.otherPaths;
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /**
   * The complete aggregate state as JSON (counts only), from which {@link #fromState} rebuilds a
   * summary equal to this one: what {@code detente run --out} keeps in {@code state.json} so
   * that partial ensembles computed anywhere can be merged.
   */
  public ObjectNode state(ObjectMapper mapper) {
    ObjectNode o = mapper.createObjectNode();
    o.put("runs", runs);
    o.set("decisionStats", longs(mapper, decisionStats));
    o.set("outcomes", longs(mapper, outcomes));
    o.set("questions", longs(mapper, questions));
    o.set("highest", longs(mapper, highest));
    ArrayNode fw = o.putArray("firstWeek");
    for (long[] r : firstWeek) {
      fw.add(longs(mapper, r));
    }
    ArrayNode d = o.putArray("deaths");
    for (Hist h : deaths) {
      d.add(h.state(mapper));
    }
    ArrayNode kt = o.putArray("kindTotal");
    for (Hist h : kindTotal) {
      kt.add(h.state(mapper));
    }
    o.set("total", total.state(mapper));
    ArrayNode ctl = o.putArray("control");
    for (long[] c : control) {
      ctl.add(longs(mapper, c));
    }
    ArrayNode mot = o.putArray("motives");
    for (long[] m : motives) {
      mot.add(longs(mapper, m));
    }
    o.put("events", events);
    ObjectNode paths = o.putObject("paths");
    TreeMap<Long, Long> sorted = new TreeMap<>();
    for (int i = 0; i < PATH_SLOTS; i++) {
      if (pathCount[i] > 0) {
        sorted.put(pathKey[i], pathCount[i]);
      }
    }
    sorted.forEach((k, v) -> paths.put(Long.toString(k), v));
    o.put("otherPaths", otherPaths);
    return o;
  }

  /**
   * Rebuilds a summary of this model from {@link #state}.
   *
   * @throws IllegalArgumentException naming the first field whose shape or values do not fit
   *     the model
   */
  public static EnsembleSummary fromState(CompiledModel model, JsonNode state) {
    EnsembleSummary s = new EnsembleSummary(model);
    s.runs = StateReader.count(state, "runs");
    StateReader.longs(state, "decisionStats", s.decisionStats);
    StateReader.longs(state, "outcomes", s.outcomes);
    StateReader.longs(state, "questions", s.questions);
    StateReader.longs(state, "highest", s.highest);
    JsonNode fw = StateReader.array(state, "firstWeek", s.firstWeek.length);
    for (int r = 0; r < s.firstWeek.length; r++) {
      StateReader.longs(fw.get(r), "firstWeek[" + r + "]", s.firstWeek[r]);
    }
    JsonNode d = StateReader.array(state, "deaths", s.deaths.length);
    for (int i = 0; i < s.deaths.length; i++) {
      s.deaths[i].readState(d.get(i), "deaths[" + i + "]");
    }
    JsonNode kt = StateReader.array(state, "kindTotal", s.kindTotal.length);
    for (int k = 0; k < s.kindTotal.length; k++) {
      s.kindTotal[k].readState(kt.get(k), "kindTotal[" + k + "]");
    }
    s.total.readState(state.get("total"), "total");
    JsonNode ctl = StateReader.array(state, "control", s.control.length);
    for (int t = 0; t < s.control.length; t++) {
      StateReader.longs(ctl.get(t), "control[" + t + "]", s.control[t]);
    }
    JsonNode mot = StateReader.array(state, "motives", s.motives.length);
    for (int a = 0; a < s.motives.length; a++) {
      StateReader.longs(mot.get(a), "motives[" + a + "]", s.motives[a]);
    }
    s.events = StateReader.count(state, "events");
    JsonNode paths = state.get("paths");
    if (paths == null || !paths.isObject()) {
      throw new IllegalArgumentException("paths: expected an object of path keys and counts");
    }
    var it = paths.fields();
    while (it.hasNext()) {
      var e = it.next();
      long key;
      try {
        key = Long.parseLong(e.getKey());
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("paths: '" + e.getKey() + "' is not a path key");
      }
      if (!EscalationPath.isValid(key)) {
        throw new IllegalArgumentException("paths: '" + e.getKey() + "' is not a path key");
      }
      s.addPath(key, StateReader.count(e.getValue(), "paths." + e.getKey()));
    }
    s.otherPaths = StateReader.count(state, "otherPaths");
    return s;
  }

  private static ArrayNode longs(ObjectMapper mapper, long[] v) {
    ArrayNode a = mapper.createArrayNode();
    for (long x : v) {
      a.add(x);
    }
    return a;
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
    private long sum; // whole persons: an integer sum merges exactly
    private boolean beyondLong; // a sum past 2^62 persons (only in tests of absurd values)
    private double approxSum; // then the mean is taken from this double sum
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
      approxSum += v;
      addWhole(v < BEYOND ? Math.round(v) : Long.MAX_VALUE);
      max = Math.max(max, v);
      bins[bin(v)]++;
    }

    /** Sums past this many persons are kept approximately (a double), not exactly. */
    private static final double BEYOND = 0x1p62;

    private void addWhole(long persons) {
      if (!beyondLong) {
        long t = sum + persons;
        if (persons == Long.MAX_VALUE || t < 0 || t >= (long) BEYOND) {
          beyondLong = true;
        } else {
          sum = t;
        }
      }
    }

    void merge(Hist o) {
      for (int b = 0; b < NBINS; b++) {
        bins[b] += o.bins[b];
      }
      n += o.n;
      unknown += o.unknown;
      approxSum += o.approxSum;
      if (o.beyondLong) {
        beyondLong = true;
      } else {
        addWhole(o.sum);
      }
      max = Math.max(max, o.max); // values are >= 0 and an empty histogram's max is 0
    }

    ObjectNode state(ObjectMapper mapper) {
      ObjectNode o = mapper.createObjectNode();
      o.put("n", n);
      o.put("unknown", unknown);
      o.put("sum", sum);
      if (beyondLong) {
        o.put("approxSum", approxSum); // the sum went beyond 2^62 persons
      }
      o.put("max", max);
      o.set("bins", longs(mapper, bins));
      return o;
    }

    void readState(JsonNode node, String field) {
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(field + ": expected an object");
      }
      n = StateReader.count(node, "n");
      unknown = StateReader.count(node, "unknown");
      sum = StateReader.count(node, "sum");
      JsonNode approx = node.get("approxSum");
      beyondLong = approx != null;
      approxSum = beyondLong ? approx.asDouble() : sum;
      JsonNode m = node.get("max");
      if (m == null || !m.isNumber() || !(m.doubleValue() >= 0)) {
        throw new IllegalArgumentException(field + ".max: expected a number >= 0");
      }
      max = m.doubleValue();
      StateReader.longs(node, field + ".bins", bins, "bins");
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

    /** Mean over runs with a known value, each counted in whole persons; NaN if none. */
    public double mean() {
      return n == 0 ? Double.NaN : (beyondLong ? approxSum : (double) sum) / n;
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

  /** Reads the counts of a saved state, naming the field that does not fit. */
  private static final class StateReader {
    private StateReader() {}

    static long count(JsonNode node, String field) {
      JsonNode v = node == null ? null : node.get(field);
      if (v == null && node != null && node.isIntegralNumber()) {
        v = node; // a bare count (a path's)
      }
      if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
        throw new IllegalArgumentException(field + ": expected a count (an integer >= 0)");
      }
      return v.longValue();
    }

    static JsonNode array(JsonNode node, String field, int length) {
      JsonNode v = node == null ? null : node.get(field);
      if (v == null || !v.isArray() || v.size() != length) {
        throw new IllegalArgumentException(field + ": expected an array of " + length
            + " entries for this scenario");
      }
      return v;
    }

    static void longs(JsonNode node, String field, long[] into) {
      longs(node, field, into, field);
    }

    static void longs(JsonNode node, String field, long[] into, String key) {
      JsonNode v = node == null ? null : (node.isArray() ? node : node.get(key));
      if (v == null || !v.isArray() || v.size() != into.length) {
        throw new IllegalArgumentException(field + ": expected an array of " + into.length
            + " counts for this scenario");
      }
      for (int i = 0; i < into.length; i++) {
        JsonNode x = v.get(i);
        if (!x.isIntegralNumber() || !x.canConvertToLong() || x.longValue() < 0) {
          throw new IllegalArgumentException(field + "[" + i + "]: expected a count");
        }
        into[i] = x.longValue();
      }
    }
  }
}
