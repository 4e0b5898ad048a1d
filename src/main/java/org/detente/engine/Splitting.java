package org.detente.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Rare-event estimation by fixed-effort multilevel splitting (Garvels 2000; Cérou &amp; Guyader
 * 2007; L'Ecuyer, Le Gland, Lezaud &amp; Tuffin 2009), with levels of an importance function
 * chosen by a pilot run (adaptive in the pilot, fixed afterwards) and the estimate, its interval
 * and its relative error from independent replications.
 *
 * <p>One replication: N trajectories start from their own seeds and run until their importance
 * reaches the first level L₁ (or the event happens, or the run ends); the states in which the
 * h₁ successful ones crossed are the entrance states of stage 2. N new trajectories are cloned
 * from them (each entrance ⌊N/h₁⌋ times, the remainder to entrances drawn at random), each
 * continued with its own random stream, until they reach L₂, and so on; the last stage runs to
 * the event or the end. The estimate of the replication is ∏ₖ hₖ/N, unbiased (Del Moral 2004,
 * §3; Cérou, Del Moral, Furon &amp; Guyader 2012). A clone's stream is seeded from the master
 * seed, the replication, the stage and its own index alone ({@link #seed}), so a replication is
 * a pure function of the model and the master seed, and the result the same for any number of
 * threads. docs/analysis.md gives the equations.
 */
public final class Splitting {

  /** Replication index used for the pilot run that chooses the levels. */
  static final int PILOT = -1;
  /** Stages at most (levels + 1). */
  static final int MAX_STAGES = 40;

  private Splitting() {}

  /**
   * Settings of an estimate.
   *
   * @param particles           trajectories per stage (N)
   * @param levelQuantile       the pilot puts each level where about this share of the
   *                            trajectories get (ρ, e.g. 0.2)
   * @param targetRelativeError stop when the relative error is at or below this
   * @param weekBudget          stop when this many weeks have been simulated (0: no limit)
   * @param secondsBudget       stop after this many seconds (0: no limit; the count of
   *                            replications then depends on the machine)
   * @param minReplications     replications at least before the error rule may stop
   * @param maxReplications     replications at most
   * @param threads             worker threads
   * @param tilt                importance sampling in the last stage: the probability the
   *                            tilted draws give the event's step (0: none)
   */
  public record Options(int particles, double levelQuantile, double targetRelativeError,
      long weekBudget, double secondsBudget, int minReplications, int maxReplications,
      int threads, double tilt) {

    /** Settings without importance sampling. */
    public Options(int particles, double levelQuantile, double targetRelativeError,
        long weekBudget, double secondsBudget, int minReplications, int maxReplications,
        int threads) {
      this(particles, levelQuantile, targetRelativeError, weekBudget, secondsBudget,
          minReplications, maxReplications, threads, 0);
    }

    /** Checks the settings. */
    public Options {
      if (particles < 2) {
        throw new IllegalArgumentException("particles must be >= 2");
      }
      if (!(levelQuantile > 0 && levelQuantile < 1)) {
        throw new IllegalArgumentException("levelQuantile must be in (0, 1)");
      }
      if (minReplications < 2 || maxReplications < minReplications) {
        throw new IllegalArgumentException("need 2 <= minReplications <= maxReplications");
      }
      if (!(tilt >= 0 && tilt < 1)) {
        throw new IllegalArgumentException("tilt must be in [0, 1)");
      }
    }

    /**
     * How much of the work the stopping rules allow is done, in [0, 1]: the largest of the
     * shares of the week budget and of the seconds budget spent and, for the error target, the
     * share of the work it needs that is done, (target / RE)² (the relative error falls as the
     * square root of the work); 0 while none of them can say.
     */
    public double done(long weeks, double seconds, double relativeError) {
      double f = 0;
      if (weekBudget > 0) {
        f = Math.max(f, (double) weeks / weekBudget);
      }
      if (secondsBudget > 0) {
        f = Math.max(f, seconds / secondsBudget);
      }
      if (targetRelativeError > 0 && relativeError > 0 && Double.isFinite(relativeError)) {
        double r = targetRelativeError / relativeError;
        f = Math.max(f, r * r);
      }
      return Math.min(1, f);
    }

    /** The same settings with exactly {@code n} replications (no other stopping rule). */
    public Options fixedReplications(int n) {
      return new Options(particles, levelQuantile, 0, 0, 0, Math.max(2, n), Math.max(2, n),
          threads, tilt);
    }
  }

  /**
   * One trajectory that reached the event: replication, the particle index it had at each stage
   * and the week at which each clone took over with its own stream. {@link #spec()} is what
   * {@code explain --split-path} replays.
   *
   * @param replication the replication
   * @param particles   particle index at stages 0..m
   * @param weeks       week at which the clone of stage k (k ≥ 1) took over, at index k-1
   */
  public record Path(int replication, int[] particles, int[] weeks) {

    /** The path as text: {@code R:J0,W1:J1,...,Wm:Jm}. */
    public String spec() {
      StringBuilder b = new StringBuilder();
      b.append(replication).append(':').append(particles[0]);
      for (int k = 1; k < particles.length; k++) {
        b.append(',').append(weeks[k - 1]).append(':').append(particles[k]);
      }
      return b.toString();
    }

    /**
     * Parses {@link #spec()}.
     *
     * @return the path, or null if the text is not of that form
     */
    public static Path parse(String s) {
      String[] parts = s.trim().split(",");
      try {
        String[] first = parts[0].split(":");
        if (first.length != 2) {
          return null;
        }
        int rep = Integer.parseInt(first[0].trim());
        int[] ps = new int[parts.length];
        int[] ws = new int[parts.length - 1];
        ps[0] = Integer.parseInt(first[1].trim());
        for (int k = 1; k < parts.length; k++) {
          String[] wj = parts[k].split(":");
          if (wj.length != 2) {
            return null;
          }
          ws[k - 1] = Integer.parseInt(wj[0].trim());
          ps[k] = Integer.parseInt(wj[1].trim());
          if (ws[k - 1] < 0 || (k > 1 && ws[k - 1] < ws[k - 2])) {
            return null;
          }
        }
        if (rep < 0 || Arrays.stream(ps).anyMatch(p -> p < 0)) {
          return null;
        }
        return new Path(rep, ps, ws);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /**
   * Surviving trajectories that reached the event the same way.
   *
   * @param description how (from {@link SplittingProcess#describePath()})
   * @param probability their share of the estimate (their weights summed; the groups sum to p)
   * @param trajectories how many surviving trajectories
   * @param example     one of them, replayable
   */
  public record PathGroup(String description, double probability, int trajectories,
      Path example) {}

  /**
   * An estimate.
   *
   * @param p                   the estimate (mean of the replications' estimates)
   * @param lo                  lower end of the 95% interval
   * @param hi                  upper end of the 95% interval
   * @param relativeError       standard error over p (infinite when p is 0)
   * @param effectiveSampleSize p(1−p)/Var(p̂): the independent runs with the same variance
   * @param bruteForceRuns      plain runs for the same relative error, (1−p)/(p·RE²)
   * @param simulatedWeeks      weeks simulated, the pilot included
   * @param meanWeeksPerRun     weeks a plain run simulates on average (from the pilot)
   * @param replications        independent replications
   * @param particles           trajectories per stage
   * @param levels              the importance levels (the last stage is the event)
   * @param stageProbabilities  mean conditional probability of each stage
   * @param replicationEstimates each replication's estimate, in index order
   * @param paths               surviving trajectories grouped by how they reached the event,
   *                            most probable first
   * @param seconds             wall-clock seconds
   * @param stop                why it stopped: "error", "weeks", "seconds" or "replications"
   * @param tilt                the importance sampling of the last stage (0: none)
   */
  public record Result(double p, double lo, double hi, double relativeError,
      double effectiveSampleSize, double bruteForceRuns, long simulatedWeeks,
      double meanWeeksPerRun, int replications, int particles, int[] levels,
      double[] stageProbabilities, double[] replicationEstimates, List<PathGroup> paths,
      double seconds, String stop, double tilt) {

    /**
     * Work-normalised gain over plain Monte Carlo: the weeks plain runs would simulate for the
     * same relative error over the weeks splitting simulated.
     */
    public double speedup() {
      if (!(p > 0) || simulatedWeeks == 0 || !Double.isFinite(bruteForceRuns)) {
        return Double.NaN;
      }
      return bruteForceRuns * meanWeeksPerRun / simulatedWeeks;
    }
  }

  /**
   * Told how far an estimate has got: after the pilot (no replication yet) and after each
   * replication taken, in index order, on the thread that called {@code estimate}.
   */
  @FunctionalInterface
  public interface Monitor {
    /** Nothing. */
    Monitor NONE = (weeks, seconds, replications, relativeError) -> { };

    /**
     * The estimate so far.
     *
     * @param weeks          weeks simulated, the pilot included
     * @param seconds        seconds since the start
     * @param replications   replications taken
     * @param relativeError  the relative error of their mean (NaN before two, infinite while
     *                       their mean is 0)
     */
    void update(long weeks, double seconds, int replications, double relativeError);
  }

  /** The seed of particle {@code j} of stage {@code k} of replication {@code r}. */
  public static long seed(long masterSeed, int r, int k, int j) {
    long base = Rng.runSeed(masterSeed ^ 0x5851f42d4c957f2dL, r + 1L);
    return Rng.mix(base ^ Rng.mix((k + 1L) * 0xd1b54a32d192ed03L + j * 0x9e3779b97f4a7c15L));
  }

  /**
   * Estimates the probability of a target event in a compiled model.
   *
   * @param model      the compiled model
   * @param target     the event
   * @param masterSeed the master seed
   * @param opt        settings
   * @param keepPaths  surviving trajectories kept per replication for the path groups
   */
  public static Result estimate(CompiledModel model, RareTarget target, long masterSeed,
      Options opt, int keepPaths) {
    return estimate(model, target, masterSeed, opt, keepPaths, Monitor.NONE);
  }

  /**
   * Estimates the probability of a target event in a compiled model, telling {@code monitor}
   * how far it has got.
   *
   * @param model      the compiled model
   * @param target     the event
   * @param masterSeed the master seed
   * @param opt        settings
   * @param keepPaths  surviving trajectories kept per replication for the path groups
   * @param monitor    told after the pilot and after each replication
   */
  public static Result estimate(CompiledModel model, RareTarget target, long masterSeed,
      Options opt, int keepPaths, Monitor monitor) {
    return estimate(() -> new EngineProcess(model, target, 2 * opt.particles()), masterSeed, opt,
        keepPaths, monitor);
  }

  /** What one replication found. */
  static final class Rep {
    double estimate;
    long weeks;
    int[] hits; // per stage (-1: not reached)
    double[] stage; // per stage: the stage's estimate
    final List<Path> paths = new ArrayList<>();
    final List<String> descriptions = new ArrayList<>();
    final List<Double> weights = new ArrayList<>();
  }

  /**
   * Estimates the probability of the process's event.
   *
   * @param processes  makes a process (one per thread; each holds 2N snapshots)
   * @param masterSeed the master seed
   * @param opt        settings
   * @param keepPaths  surviving trajectories kept per replication for the path groups (0: none)
   */
  static Result estimate(Supplier<? extends SplittingProcess> processes, long masterSeed,
      Options opt, int keepPaths) {
    return estimate(processes, masterSeed, opt, keepPaths, Monitor.NONE);
  }

  static Result estimate(Supplier<? extends SplittingProcess> processes, long masterSeed,
      Options opt, int keepPaths, Monitor monitor) {
    long t0 = System.nanoTime();
    SplittingProcess first = processes.get();
    Pilot pilot = pilot(first, masterSeed, opt.particles(), opt.levelQuantile());
    monitor.update(pilot.weeks, (System.nanoTime() - t0) / 1e9, 0, Double.NaN);
    int[] levels = pilot.levels;
    int stages = levels.length + 1;
    Runner runner = new Runner(processes, first, masterSeed, levels, opt, keepPaths, t0,
        pilot.weeks, monitor);
    List<Rep> reps = runner.run();
    int n = reps.size();
    double[] est = new double[n];
    long weeks = pilot.weeks;
    double[] stageP = new double[stages];
    double sum = 0;
    for (int r = 0; r < n; r++) {
      Rep rep = reps.get(r);
      est[r] = rep.estimate;
      weeks += rep.weeks;
      sum += rep.estimate;
      for (int k = 0; k < stages; k++) {
        stageP[k] += rep.hits[k] < 0 ? 0 : rep.stage[k];
      }
    }
    int[] reached = new int[stages];
    for (Rep rep : reps) {
      for (int k = 0; k < stages; k++) {
        if (rep.hits[k] >= 0) {
          reached[k]++;
        }
      }
    }
    for (int k = 0; k < stages; k++) {
      stageP[k] = reached[k] == 0 ? Double.NaN : stageP[k] / reached[k];
    }
    double p = sum / n;
    double var = 0;
    for (double e : est) {
      var += (e - p) * (e - p);
    }
    var /= n - 1;
    double se = Math.sqrt(var / n);
    double lo;
    double hi;
    double re;
    double ess;
    double brute;
    if (p > 0) {
      double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
      lo = Math.max(0, p - t * se);
      hi = Math.min(1, p + t * se);
      re = se / p;
      ess = se > 0 ? p * (1 - p) / (se * se) : Double.POSITIVE_INFINITY;
      brute = se > 0 ? (1 - p) / (p * re * re) : Double.POSITIVE_INFINITY;
    } else {
      // no trajectory reached the event: the stages passed, times the rule of three on the one
      // that nobody passed (Hanley & Lippman-Hand 1983)
      lo = 0;
      double bound = 1;
      for (int k = 0; k < stages; k++) {
        if (stageP[k] > 0) {
          bound *= stageP[k];
        } else {
          bound *= Math.min(1, 3.0 / ((long) Math.max(1, reached[k]) * opt.particles()));
          break;
        }
      }
      hi = bound;
      re = Double.POSITIVE_INFINITY;
      ess = 0;
      brute = Double.POSITIVE_INFINITY;
    }
    List<PathGroup> groups = groups(reps, n);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(p, lo, hi, re, ess, brute, weeks, pilot.meanWeeks, n, opt.particles(),
        levels, stageP, est, groups, seconds, runner.stop, opt.tilt());
  }

  private static List<PathGroup> groups(List<Rep> reps, int n) {
    Map<String, double[]> mass = new LinkedHashMap<>();
    Map<String, Path> example = new LinkedHashMap<>();
    Map<String, Integer> count = new LinkedHashMap<>();
    for (Rep rep : reps) {
      int hitsLast = rep.hits[rep.hits.length - 1];
      if (hitsLast <= 0) {
        continue;
      }
      double kept = 0;
      for (double w : rep.weights) {
        kept += w;
      }
      for (int i = 0; i < rep.paths.size(); i++) {
        String d = rep.descriptions.get(i);
        // the kept paths stand for all the replication's hits, each by its weight
        double share = kept > 0 ? rep.estimate / n * rep.weights.get(i) / kept : 0;
        mass.computeIfAbsent(d, x -> new double[1])[0] += share;
        example.putIfAbsent(d, rep.paths.get(i));
        count.merge(d, 1, Integer::sum);
      }
    }
    List<PathGroup> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : mass.entrySet()) {
      out.add(new PathGroup(e.getKey(), e.getValue()[0], count.get(e.getKey()),
          example.get(e.getKey())));
    }
    out.sort(Comparator.comparingDouble(PathGroup::probability).reversed()
        .thenComparing(PathGroup::description));
    return out;
  }

  /** Levels chosen by the pilot, its cost, and the weeks of a plain run. */
  record Pilot(int[] levels, long weeks, double meanWeeks) {}

  /**
   * Puts trajectory j of stage k in place: a new run from its seed at stage 0, otherwise a copy
   * of its parent's entrance state (pool slot {@code slot}) continued with the seed's own stream.
   */
  private static void enter(SplittingProcess proc, long seed, int k, int slot) {
    if (k == 0) {
      proc.start(seed);
    } else {
      proc.restore(slot);
      proc.reseed(seed);
    }
  }

  /**
   * The pilot: adaptive multilevel splitting with N trajectories per stage, run to the end to
   * see how far each gets; each level is the highest importance value that about a share ρ of
   * them reach (Cérou &amp; Guyader 2007), and the trajectories that reached it are replayed to
   * their crossing to give the next stage's entrance states.
   */
  static Pilot pilot(SplittingProcess proc, long master, int n, double rho) {
    List<Integer> levels = new ArrayList<>();
    int[] maxImp = new int[n];
    boolean[] ev = new boolean[n];
    int[] parent = new int[n];
    long weeks = 0;
    double meanWeeks = 0;
    int cap = proc.eventImportance();
    int prev = Integer.MIN_VALUE;
    int poolIn = 0; // entrances of the current stage live in [poolIn, poolIn + n)
    for (int k = 0; k < MAX_STAGES; k++) {
      long stageWeeks = 0;
      for (int j = 0; j < n; j++) {
        enter(proc, seed(master, PILOT, k, j), k, poolIn + parent[j]);
        int mx = proc.importance();
        while (!proc.done() && !proc.event()) {
          proc.advance();
          stageWeeks++;
          mx = Math.max(mx, proc.importance());
        }
        maxImp[j] = mx;
        ev[j] = proc.event();
      }
      weeks += stageWeeks;
      if (k == 0) {
        meanWeeks = (double) stageWeeks / n;
      }
      int events = 0;
      for (boolean e : ev) {
        events += e ? 1 : 0;
      }
      if (events >= rho * n || k == MAX_STAGES - 1) {
        break;
      }
      int need = (int) Math.ceil(rho * n);
      int[] sorted = maxImp.clone();
      Arrays.sort(sorted);
      int level = Integer.MIN_VALUE;
      int smallest = Integer.MIN_VALUE;
      for (int i = n - 1; i >= 0; i--) {
        int v = sorted[i];
        if (v <= prev || v >= cap) {
          continue;
        }
        int reach = 0;
        for (int j = 0; j < n; j++) {
          reach += maxImp[j] >= v || ev[j] ? 1 : 0;
        }
        smallest = v;
        if (reach >= need) {
          level = v;
          break;
        }
      }
      if (level == Integer.MIN_VALUE) {
        level = smallest; // fewer than ρN get further: the smallest step forward
      }
      if (level == Integer.MIN_VALUE) {
        break; // nobody gets beyond the last level: the last stage is the event
      }
      levels.add(level);
      prev = level;
      // replay the trajectories that reached the level to their crossing
      int poolOut = poolIn == 0 ? n : 0;
      int h = 0;
      for (int j = 0; j < n; j++) {
        if (!(maxImp[j] >= level || ev[j])) {
          continue;
        }
        enter(proc, seed(master, PILOT, k, j), k, poolIn + parent[j]);
        while (!(proc.importance() >= level || proc.event()) && !proc.done()) {
          proc.advance();
          weeks++;
        }
        proc.save(poolOut + h++);
      }
      assign(h, n, new Rng(), seed(master, PILOT, k + 1, -1), parent);
      poolIn = poolOut;
    }
    int[] lv = levels.stream().mapToInt(Integer::intValue).toArray();
    return new Pilot(lv, weeks, meanWeeks);
  }

  /**
   * Parents of the next stage's n particles among h entrances: each ⌊n/h⌋ times, the n mod h
   * others to distinct entrances drawn at random; particles in entrance order.
   */
  static void assign(int h, int n, Rng rng, long seed, int[] parent) {
    int base = n / h;
    int rem = n % h;
    int[] extra = new int[h];
    if (rem > 0) {
      rng.seed(seed);
      int[] idx = new int[h];
      for (int i = 0; i < h; i++) {
        idx[i] = i;
      }
      for (int i = 0; i < rem; i++) {
        int j = i + rng.nextInt(h - i);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        extra[idx[i]] = 1;
      }
    }
    int j = 0;
    for (int e = 0; e < h; e++) {
      for (int c = 0; c < base + extra[e]; c++) {
        parent[j++] = e;
      }
    }
  }

  /**
   * One replication with fixed levels: stage k (k &lt; m) runs each particle until its
   * importance reaches levels[k] or the event happens (a success) or the run ends; the last
   * stage until the event (a success) or the end.
   */
  static Rep replicate(SplittingProcess proc, long master, int r, int[] levels, int n,
      int keepPaths, double tilt) {
    int m = levels.length;
    Rep rep = new Rep();
    rep.hits = new int[m + 1];
    Arrays.fill(rep.hits, -1);
    rep.stage = new double[m + 1];
    int[][] partParent = new int[m + 1][n];
    int[][] entPart = new int[m][n];
    int[][] entWeek = new int[m][n];
    int[] parent = new int[n];
    Rng rng = new Rng();
    double est = 1;
    int poolIn = 0;
    int h = n;
    long weeks = 0;
    for (int k = 0; k <= m; k++) {
      if (k > 0) {
        assign(h, n, rng, seed(master, r, k, -1), parent);
        System.arraycopy(parent, 0, partParent[k], 0, n);
      }
      int poolOut = poolIn == 0 ? n : 0;
      int hits = 0;
      double sumW = 0;
      boolean last = k == m;
      int level = last ? Integer.MAX_VALUE : levels[k];
      for (int j = 0; j < n; j++) {
        enter(proc, seed(master, r, k, j), k, poolIn + parent[j]);
        if (last) {
          proc.tilt(tilt);
        }
        while (!(proc.event() || proc.importance() >= level) && !proc.done()) {
          proc.advance();
          weeks++;
        }
        boolean hit = proc.event() || proc.importance() >= level;
        double w = proc.weight();
        if (last) {
          proc.tilt(0);
        }
        if (!hit) {
          continue;
        }
        if (last) {
          sumW += w;
          if (rep.paths.size() < keepPaths) {
            rep.paths.add(trace(r, k, j, partParent, entPart, entWeek));
            rep.descriptions.add(proc.describePath());
            rep.weights.add(w);
          }
        } else {
          entPart[k][hits] = j;
          entWeek[k][hits] = proc.step();
          proc.save(poolOut + hits);
        }
        hits++;
      }
      rep.hits[k] = hits;
      double pk = last ? sumW / n : (double) hits / n;
      rep.stage[k] = pk;
      est *= pk;
      h = hits;
      poolIn = poolOut;
      if (hits == 0) {
        break;
      }
    }
    rep.estimate = est;
    rep.weeks = weeks;
    return rep;
  }

  private static Path trace(int r, int last, int j, int[][] partParent, int[][] entPart,
      int[][] entWeek) {
    int[] ps = new int[last + 1];
    int[] ws = new int[last];
    int cur = j;
    for (int k = last; k >= 0; k--) {
      ps[k] = cur;
      if (k > 0) {
        int e = partParent[k][cur];
        ws[k - 1] = entWeek[k - 1][e];
        cur = entPart[k - 1][e];
      }
    }
    return new Path(r, ps, ws);
  }

  /**
   * Replications in parallel, handed over in index order; the stopping rules are checked in
   * that order, so the replications used are the same for any thread count (the seconds budget
   * aside).
   */
  private static final class Runner {
    private final Supplier<? extends SplittingProcess> processes;
    private final SplittingProcess first;
    private final long master;
    private final int[] levels;
    private final Options opt;
    private final int keepPaths;
    private final long t0;
    private final long pilotWeeks;
    private final Monitor monitor;
    private final Map<Integer, Rep> done = new java.util.HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicInteger next = new AtomicInteger();
    private volatile int consumed;
    private volatile boolean stopAll;
    private Throwable failure;
    String stop = "replications";

    Runner(Supplier<? extends SplittingProcess> processes, SplittingProcess first, long master,
        int[] levels, Options opt, int keepPaths, long t0, long pilotWeeks, Monitor monitor) {
      this.processes = processes;
      this.first = first;
      this.master = master;
      this.levels = levels;
      this.opt = opt;
      this.keepPaths = keepPaths;
      this.t0 = t0;
      this.pilotWeeks = pilotWeeks;
      this.monitor = monitor;
    }

    List<Rep> run() {
      int threads = Math.max(1, opt.threads());
      List<Rep> out = new ArrayList<>();
      if (threads == 1) {
        for (int r = 0; r < opt.maxReplications(); r++) {
          out.add(replicate(first, master, r, levels, opt.particles(), keepPaths, opt.tilt()));
          if (enough(out)) {
            break;
          }
        }
        return out;
      }
      Thread[] ws = new Thread[threads];
      for (int w = 0; w < threads; w++) {
        SplittingProcess proc = w == 0 ? first : processes.get();
        ws[w] = new Thread(() -> work(proc), "detente-split-" + w);
        ws[w].setDaemon(true);
        ws[w].start();
      }
      try {
        for (int r = 0; r < opt.maxReplications(); r++) {
          Rep rep;
          lock.lock();
          try {
            while (!done.containsKey(r)) {
              if (failure != null) {
                throw new IllegalStateException("a worker failed: " + failure, failure);
              }
              changed.awaitUninterruptibly();
            }
            rep = done.remove(r);
            consumed = r + 1;
            changed.signalAll();
          } finally {
            lock.unlock();
          }
          out.add(rep);
          if (enough(out)) {
            break;
          }
        }
      } finally {
        stopAll = true;
        Ensemble.wakeAndJoin(lock, changed, ws);
      }
      return out;
    }

    private void work(SplittingProcess proc) {
      int ahead = 2 * Math.max(1, opt.threads());
      try {
        while (!stopAll) {
          int r = next.getAndIncrement();
          if (r >= opt.maxReplications()) {
            return;
          }
          lock.lock();
          try {
            while (r >= consumed + ahead && !stopAll) {
              changed.awaitUninterruptibly();
            }
          } finally {
            lock.unlock();
          }
          if (stopAll) {
            return;
          }
          Rep rep = replicate(proc, master, r, levels, opt.particles(), keepPaths, opt.tilt());
          lock.lock();
          try {
            done.put(r, rep);
            changed.signalAll();
          } finally {
            lock.unlock();
          }
        }
      } catch (Throwable t) {
        lock.lock();
        try {
          failure = t;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    }

    /** Whether the replications so far satisfy a stopping rule. */
    private boolean enough(List<Rep> out) {
      long weeks = pilotWeeks;
      double sum = 0;
      for (Rep r : out) {
        weeks += r.weeks;
        sum += r.estimate;
      }
      int n = out.size();
      double p = sum / n;
      double re = Double.NaN;
      if (n >= 2) {
        double var = 0;
        for (Rep r : out) {
          var += (r.estimate - p) * (r.estimate - p);
        }
        var /= n - 1;
        re = p > 0 ? Math.sqrt(var / n) / p : Double.POSITIVE_INFINITY;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      monitor.update(weeks, seconds, n, re);
      if (opt.weekBudget() > 0 && weeks >= opt.weekBudget() && n >= 2) {
        stop = "weeks";
        return true;
      }
      if (opt.secondsBudget() > 0 && seconds >= opt.secondsBudget() && n >= 2) {
        stop = "seconds";
        return true;
      }
      if (n < opt.minReplications() || !(opt.targetRelativeError() > 0) || !(p > 0)) {
        return false;
      }
      if (re <= opt.targetRelativeError()) {
        stop = "error";
        return true;
      }
      return false;
    }
  }
}
