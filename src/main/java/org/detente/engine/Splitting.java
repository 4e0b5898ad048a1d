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
   * @param typeBatch           type sampling: every this many replications, the replications
   *                            so far measure how likely the event is for each value of the
   *                            start's draw (an actor's private type), and the next ones draw
   *                            the start from a proposal built from that (0: the start is drawn
   *                            as in the model)
   */
  public record Options(int particles, double levelQuantile, double targetRelativeError,
      long weekBudget, double secondsBudget, int minReplications, int maxReplications,
      int threads, double tilt, int typeBatch) {

    /** Settings without type sampling. */
    public Options(int particles, double levelQuantile, double targetRelativeError,
        long weekBudget, double secondsBudget, int minReplications, int maxReplications,
        int threads, double tilt) {
      this(particles, levelQuantile, targetRelativeError, weekBudget, secondsBudget,
          minReplications, maxReplications, threads, tilt, 0);
    }

    /** Settings without importance sampling. */
    public Options(int particles, double levelQuantile, double targetRelativeError,
        long weekBudget, double secondsBudget, int minReplications, int maxReplications,
        int threads) {
      this(particles, levelQuantile, targetRelativeError, weekBudget, secondsBudget,
          minReplications, maxReplications, threads, 0, 0);
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
      if (typeBatch < 0) {
        throw new IllegalArgumentException("typeBatch must be >= 0");
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
          threads, tilt, typeBatch);
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
   * @param typeGroups  the groups of the start's draw that type sampling drew (empty: none)
   * @param typeValues  the values it gave them, in the same order
   */
  public record Path(int replication, int[] particles, int[] weeks, int[] typeGroups,
      int[] typeValues) {

    /** A path whose start was drawn as in the model. */
    public Path(int replication, int[] particles, int[] weeks) {
      this(replication, particles, weeks, new int[0], new int[0]);
    }

    /**
     * The path as text: {@code R:J0,W1:J1,...,Wm:Jm}, followed by {@code ;G=K} for each group
     * G of the start's draw that type sampling gave the value K.
     */
    public String spec() {
      StringBuilder b = new StringBuilder();
      b.append(replication).append(':').append(particles[0]);
      for (int k = 1; k < particles.length; k++) {
        b.append(',').append(weeks[k - 1]).append(':').append(particles[k]);
      }
      for (int i = 0; i < typeGroups.length; i++) {
        b.append(';').append(typeGroups[i]).append('=').append(typeValues[i]);
      }
      return b.toString();
    }

    /**
     * Parses {@link #spec()}.
     *
     * @return the path, or null if the text is not of that form
     */
    public static Path parse(String s) {
      String[] withTypes = s.trim().split(";", -1);
      String[] parts = withTypes[0].split(",");
      int[] tg = new int[withTypes.length - 1];
      int[] tv = new int[withTypes.length - 1];
      try {
        for (int i = 1; i < withTypes.length; i++) {
          String[] gk = withTypes[i].split("=");
          if (gk.length != 2) {
            return null;
          }
          tg[i - 1] = Integer.parseInt(gk[0].trim());
          tv[i - 1] = Integer.parseInt(gk[1].trim());
          if (tg[i - 1] < 0 || tv[i - 1] < 0) {
            return null;
          }
        }
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
        return new Path(rep, ps, ws, tg, tv);
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
   * @param types               for each group of the start's draw with two values or more
   *                            (the engine: each actor with two private types or more), the
   *                            event's probability split by the group's value, and the proposal
   *                            type sampling drew it from, if any
   */
  public record Result(double p, double lo, double hi, double relativeError,
      double effectiveSampleSize, double bruteForceRuns, long simulatedWeeks,
      double meanWeeksPerRun, int replications, int particles, int[] levels,
      double[] stageProbabilities, double[] replicationEstimates, List<PathGroup> paths,
      double seconds, String stop, double tilt, List<TypeDraw> types) {

    /** Whether type sampling drew some group of the start from a proposal of its own. */
    public boolean typeSampled() {
      return types.stream().anyMatch(t -> t.proposal() != null);
    }

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
    // [group][value]: the estimate's part from trajectories whose start had this value
    double[][] byType;
    boolean sampled; // the start was drawn from a proposal
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
    SplittingProcess[] procs = new SplittingProcess[Math.max(1, opt.threads())];
    procs[0] = first;
    Pilot pilot = pilot(first, masterSeed, opt.particles(), opt.levelQuantile());
    int[] levels = pilot.levels;
    int stages = levels.length + 1;
    long pilotWeeks = pilot.weeks;
    monitor.update(pilotWeeks, (System.nanoTime() - t0) / 1e9, 0, Double.NaN);
    int batch = opt.typeBatch() > 0 && typed(first) ? opt.typeBatch() : 0;
    Runner runner = new Runner(processes, procs, masterSeed, levels, opt, keepPaths, t0,
        pilotWeeks, monitor, batch);
    List<Rep> all = runner.run();
    double[][] proposal = runner.lastProposal();
    long weeks = pilotWeeks;
    for (Rep rep : all) {
      weeks += rep.weeks;
    }
    List<Rep> reps = used(all);
    int n = reps.size();
    double[] est = new double[n];
    double[] stageP = new double[stages];
    double sum = 0;
    for (int r = 0; r < n; r++) {
      Rep rep = reps.get(r);
      est[r] = rep.estimate;
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
    List<TypeDraw> types = new ArrayList<>();
    for (int g = 0; g < first.typeGroups(); g++) {
      int nk = first.typeCount(g);
      if (nk < 2) {
        continue;
      }
      String[] labels = new String[nk];
      double[] prior = new double[nk];
      double[] joint = new double[nk];
      for (int k = 0; k < nk; k++) {
        labels[k] = first.typeLabel(g, k);
        prior[k] = first.typePrior(g, k);
        for (Rep rep : reps) {
          joint[k] += rep.byType[g][k];
        }
        joint[k] /= n;
      }
      types.add(new TypeDraw(g, labels, prior, proposal == null ? null : proposal[g], joint));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(p, lo, hi, re, ess, brute, weeks, pilot.meanWeeks, n, opt.particles(),
        levels, stageP, est, groups, seconds, runner.stop, opt.tilt(), List.copyOf(types));
  }

  /** Share of the proposal that is the model's own distribution (defensive mixture). */
  static final double DEFENSIVE = 0.5;
  /**
   * A group is drawn from a proposal when the relative variance of P(event | its value) over
   * its values, Σ π_k (p_k / p)² − 1, is above this.
   */
  static final double TYPE_SPREAD = 1;

  /**
   * The replications the estimate is made of: from the first one drawn from a proposal on (the
   * ones before only chose it), all of them when none was. Each replication is unbiased given
   * the ones before it, whatever proposal they chose, so the mean from a point that the earlier
   * replications decide is unbiased too.
   */
  static List<Rep> used(List<Rep> all) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).sampled) {
        return all.subList(i, all.size());
      }
    }
    return all;
  }

  private static boolean typed(SplittingProcess proc) {
    for (int g = 0; g < proc.typeGroups(); g++) {
      if (proc.typeCount(g) > 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * The stratification from the replications so far: the group whose values make the event
   * likelier or less likely the most (the largest relative variance of P(event | value),
   * Σ π_k (p_k / p)² − 1, if above {@link #TYPE_SPREAD}) is stratified, each value k a stratum
   * with the share q_k = ½ π_k + ½ P̂(value k | event) of the particles: the defensive mixture
   * (Hesterberg 1995) of proportional allocation and the allocation that is optimal when the
   * strata's splitting estimates have about the same relative variance per particle (N_k ∝
   * π_k p_k). Returns the shares at the group's index, null elsewhere; null when no group is
   * stratified (or a group has more values than a quarter of the particles).
   */
  static double[][] proposal(SplittingProcess proc, List<Rep> pilotReps, int particles) {
    if (pilotReps.isEmpty()) {
      return null;
    }
    int groups = proc.typeGroups();
    int best = -1;
    double bestSpread = TYPE_SPREAD;
    double[] bestQ = null;
    for (int g = 0; g < groups; g++) {
      int nk = proc.typeCount(g);
      if (nk < 2 || 4 * nk > particles) {
        continue;
      }
      double[] joint = new double[nk];
      double total = 0;
      for (Rep rep : pilotReps) {
        for (int k = 0; k < nk; k++) {
          joint[k] += rep.byType[g][k];
          total += rep.byType[g][k];
        }
      }
      if (!(total > 0)) {
        continue;
      }
      double second = 0;
      for (int k = 0; k < nk; k++) {
        double prior = proc.typePrior(g, k);
        if (prior > 0) {
          double share = joint[k] / total;
          second += share * share / prior;
        }
      }
      if (second - 1 > bestSpread) {
        bestSpread = second - 1;
        best = g;
        bestQ = new double[nk];
        for (int k = 0; k < nk; k++) {
          bestQ[k] = DEFENSIVE * proc.typePrior(g, k) + (1 - DEFENSIVE) * joint[k] / total;
        }
      }
    }
    if (best < 0) {
      return null;
    }
    double[][] q = new double[groups][];
    q[best] = bestQ;
    return q;
  }

  /**
   * Particles per stratum: one for each value with a positive probability, the others by the
   * shares q (largest remainders, ties to the lower index); 0 for a value of probability 0.
   */
  static int[] stratumSizes(SplittingProcess proc, int g, double[] q, int n) {
    int nk = q.length;
    int[] size = new int[nk];
    int left = n;
    for (int k = 0; k < nk; k++) {
      if (proc.typePrior(g, k) > 0) {
        size[k] = 1;
        left--;
      }
    }
    double[] rem = new double[nk];
    int given = 0;
    for (int k = 0; k < nk; k++) {
      if (size[k] > 0) {
        double x = q[k] * left;
        int f = (int) Math.floor(x);
        size[k] += f;
        given += f;
        rem[k] = x - f;
      }
    }
    for (int i = given; i < left; i++) {
      int arg = -1;
      for (int k = 0; k < nk; k++) {
        if (size[k] > 0 && (arg < 0 || rem[k] > rem[arg])) {
          arg = k;
        }
      }
      size[arg]++;
      rem[arg] = -1;
    }
    return size;
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

  /**
   * One group of the start's draw (the engine: an actor's private type) and the event split by
   * its value.
   *
   * @param group    the group's index
   * @param labels   a name for each value
   * @param prior    each value's probability in the model
   * @param proposal each value's probability under type sampling (null: drawn as in the model)
   * @param joint    the estimate of P(event and the group has this value), each value; they sum
   *                 to the estimate p, and joint / prior is P(event | value)
   */
  public record TypeDraw(int group, String[] labels, double[] prior, double[] proposal,
      double[] joint) {}

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
    return replicate(proc, master, r, levels, n, keepPaths, tilt, null);
  }

  /**
   * One replication, stratified on the start's draw when {@code strata} says so (null: none).
   * With a stratified group g, each of its values k is a stratum with N_k particles ({@link
   * #stratumSizes}) whose starts have that value and the rest of the draw as in the model; the
   * strata are split apart (a stratum's successes are cloned into the stratum's own N_k
   * particles), so each stratum's product of stage estimates p̂_k = ∏ h_{k,s}/N_k is the
   * unbiased fixed-effort estimate of P(event | k), and the replication's estimate is
   * Σ_k π_k p̂_k (∏ₛ hₛ/N with one stratum).
   */
  static Rep replicate(SplittingProcess proc, long master, int r, int[] levels, int n,
      int keepPaths, double tilt, double[][] strata) {
    return replicate(proc, master, r, levels, n, keepPaths, tilt, strata, false);
  }

  /**
   * One replication as above; with {@code explore} (and no strata), the start's draw of each
   * group is drawn instead from ½ π + ½ uniform, so that every value is seen, and each particle
   * carries the likelihood ratio V of its start (over N at stage 0, a clone's its parent's times
   * h/N); the estimate is then Σ V·w over the last stage's successes, unbiased as well.
   */
  static Rep replicate(SplittingProcess proc, long master, int r, int[] levels, int n,
      int keepPaths, double tilt, double[][] strata, boolean explore) {
    int m = levels.length;
    Rep rep = new Rep();
    rep.sampled = strata != null;
    rep.hits = new int[m + 1];
    Arrays.fill(rep.hits, -1);
    rep.stage = new double[m + 1];
    int groups = proc.typeGroups();
    rep.byType = new double[groups][];
    int[][] rootType = new int[groups][];
    for (int g = 0; g < groups; g++) {
      rep.byType[g] = new double[proc.typeCount(g)];
      rootType[g] = new int[n];
    }
    int sg = -1;
    if (strata != null) {
      for (int g = 0; g < strata.length; g++) {
        if (strata[g] != null) {
          sg = g;
        }
      }
    }
    int ns = sg < 0 ? 1 : strata[sg].length;
    int[] size = sg < 0 ? new int[] {n} : stratumSizes(proc, sg, strata[sg], n);
    double[] pi = new double[ns];
    int[] off = new int[ns];
    for (int s = 0; s < ns; s++) {
      pi[s] = sg < 0 ? 1 : proc.typePrior(sg, s);
      off[s] = s == 0 ? 0 : off[s - 1] + size[s - 1];
    }
    double[] est = new double[ns]; // each stratum's product of stage estimates
    Arrays.fill(est, 1);
    int[] entOff = new int[ns]; // where each stratum's entrances are in the pool
    int[] entCount = size.clone(); // and how many
    int[][] partParent = new int[m + 1][n];
    int[][] entPart = new int[m][n];
    int[][] entWeek = new int[m][n];
    int[] parent = new int[n];
    int[] sub = new int[n];
    int[] root = new int[n];
    int[] entRoot = new int[n]; // the previous stage's entrances' roots
    int[] newRoot = new int[n]; // this stage's
    boolean weighted = explore && strata == null && proc.typeGroups() > 0;
    double[] v = new double[n];
    double[] entV = new double[n];
    double[] newV = new double[n];
    Rng typeRng = new Rng();
    double sumC = 0;
    Rng rng = new Rng();
    int poolIn = 0;
    long weeks = 0;
    for (int k = 0; k <= m; k++) {
      boolean last = k == m;
      int level = last ? Integer.MAX_VALUE : levels[k];
      int poolOut = poolIn == 0 ? n : 0;
      int hits = 0;
      double sumAll = 0;
      for (int s = 0; s < ns; s++) {
        int ns0 = size[s];
        if (ns0 == 0 || entCount[s] == 0) {
          est[s] = 0;
          entCount[s] = 0;
          continue;
        }
        if (k > 0) {
          // the stratum's particles cloned from its own entrances
          assign(entCount[s], ns0, rng, seed(master, r, k, -1 - s), sub);
          for (int i = 0; i < ns0; i++) {
            int j = off[s] + i;
            parent[j] = entOff[s] + sub[i];
            partParent[k][j] = parent[j];
            root[j] = entRoot[parent[j]];
            v[j] = entV[parent[j]] * entCount[s] / ns0;
          }
        }
        int first = hits;
        double sumW = 0;
        for (int i = 0; i < ns0; i++) {
          int j = off[s] + i;
          if (k == 0) {
            proc.start(seed(master, r, 0, j));
            if (sg >= 0) {
              proc.setType(sg, s);
            }
            v[j] = (weighted ? explore(proc, seed(master, r, 0, j), typeRng) : 1) / ns0;
            root[j] = j;
            for (int g = 0; g < groups; g++) {
              rootType[g][j] = proc.type(g);
            }
          } else {
            enter(proc, seed(master, r, k, j), k, poolIn + parent[j]);
          }
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
            // the hit's share of the estimate: π_s ∏ (earlier stages) w / N_s
            double c = weighted ? v[j] * w : pi[s] * est[s] * w / ns0;
            sumC += c;
            for (int g = 0; g < groups; g++) {
              rep.byType[g][rootType[g][root[j]]] += c;
            }
            if (rep.paths.size() < keepPaths) {
              Path path = trace(r, k, j, partParent, entPart, entWeek);
              if (sg >= 0) {
                path = new Path(path.replication(), path.particles(), path.weeks(),
                    new int[] {sg}, new int[] {s});
              } else if (weighted) {
                path = withTypes(path, proc, rootType, root[j]);
              }
              rep.paths.add(path);
              rep.descriptions.add(proc.describePath());
              rep.weights.add(sg < 0 && !weighted ? w : c);
            }
          } else {
            entPart[k][hits] = j;
            entWeek[k][hits] = proc.step();
            newRoot[hits] = root[j];
            newV[hits] = v[j];
            proc.save(poolOut + hits);
          }
          hits++;
        }
        int hs = hits - first;
        entOff[s] = first;
        entCount[s] = hs;
        est[s] *= last ? sumW / ns0 : (double) hs / ns0;
        sumAll += sumW;
      }
      rep.hits[k] = hits;
      rep.stage[k] = last ? sumAll / n : (double) hits / n;
      poolIn = poolOut;
      int[] t = entRoot;
      entRoot = newRoot;
      newRoot = t;
      double[] tv = entV;
      entV = newV;
      newV = tv;
      if (hits == 0) {
        break;
      }
    }
    double p = 0;
    for (int s = 0; s < ns; s++) {
      p += pi[s] * est[s];
    }
    if (weighted) {
      p = sumC;
    }
    if (rep.hits[m] <= 0) {
      p = 0;
    }
    rep.estimate = p;
    if (sg < 0 && !weighted) {
      // one stratum: the parts by type in the same figures as the estimate
      double parts = 0;
      for (double x : rep.byType.length > 0 ? rep.byType[0] : new double[0]) {
        parts += x;
      }
      if (parts > 0) {
        for (double[] row : rep.byType) {
          for (int i = 0; i < row.length; i++) {
            row[i] *= p / parts;
          }
        }
      }
    }
    rep.weeks = weeks;
    return rep;
  }

  /** The start's draw of each group with two values or more, for the replay. */
  private static Path withTypes(Path p, SplittingProcess proc, int[][] rootType, int root) {
    int count = 0;
    for (int g = 0; g < proc.typeGroups(); g++) {
      count += proc.typeCount(g) > 1 ? 1 : 0;
    }
    int[] tg = new int[count];
    int[] tv = new int[count];
    int i = 0;
    for (int g = 0; g < proc.typeGroups(); g++) {
      if (proc.typeCount(g) > 1) {
        tg[i] = g;
        tv[i++] = rootType[g][root];
      }
    }
    return new Path(p.replication(), p.particles(), p.weeks(), tg, tv);
  }

  /**
   * Draws the start of each group with two values or more again from ½ π + ½ uniform (over the
   * values of positive π), with a stream of its own seeded from the particle's seed alone;
   * returns the likelihood ratio ∏ π/q.
   */
  static double explore(SplittingProcess proc, long seed, Rng rng) {
    rng.seed(Rng.mix(seed ^ 0x2545f4914f6cdd1dL));
    double lr = 1;
    for (int g = 0; g < proc.typeGroups(); g++) {
      int nk = proc.typeCount(g);
      if (nk < 2) {
        continue;
      }
      int support = 0;
      for (int k = 0; k < nk; k++) {
        support += proc.typePrior(g, k) > 0 ? 1 : 0;
      }
      double u = rng.nextDouble();
      int pick = -1;
      double q = 0;
      double c = 0;
      for (int k = 0; k < nk; k++) {
        double pk = proc.typePrior(g, k);
        if (pk <= 0) {
          continue;
        }
        q = 0.5 * pk + 0.5 / support;
        c += q;
        pick = k;
        if (u < c) {
          break;
        }
      }
      proc.setType(g, pick);
      lr *= proc.typePrior(g, pick) / q;
    }
    return lr;
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
    private final SplittingProcess[] procs;
    private final int batch;
    // the proposal of each batch of replications (null: the model's draw); batch b's is made
    // from replications 0 .. b·batch − 1, once they are all taken
    private final List<double[][]> proposals = new ArrayList<>();
    private int takenCount;
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

    /**
     * @param procs one process per thread, made from {@code processes} where null
     * @param batch type sampling: the proposal is renewed every this many replications (0: the
     *              start is always drawn as in the model)
     */
    Runner(Supplier<? extends SplittingProcess> processes, SplittingProcess[] procs,
        long master, int[] levels, Options opt, int keepPaths, long t0, long pilotWeeks,
        Monitor monitor, int batch) {
      this.processes = processes;
      this.procs = procs;
      this.batch = batch;
      proposals.add(null);
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
          out.add(one(procs[0], r, proposalOf(r)));
          taken(out);
          if (enough(out)) {
            break;
          }
        }
        return out;
      }
      Thread[] ws = new Thread[threads];
      for (int w = 0; w < threads; w++) {
        if (procs[w] == null) {
          procs[w] = processes.get();
        }
        SplittingProcess proc = procs[w];
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
            out.add(rep);
            taken(out);
            consumed = r + 1;
            changed.signalAll();
          } finally {
            lock.unlock();
          }
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
          double[][] proposal;
          lock.lock();
          try {
            while ((r >= consumed + ahead || batchOf(r) >= proposals.size()) && !stopAll) {
              changed.awaitUninterruptibly();
            }
            proposal = stopAll ? null : proposals.get(batchOf(r));
          } finally {
            lock.unlock();
          }
          if (stopAll) {
            return;
          }
          Rep rep = one(proc, r, proposal);
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

    private Rep one(SplittingProcess proc, int r, double[][] proposal) {
      // type sampling's first batch explores every type
      return replicate(proc, master, r, levels, opt.particles(), keepPaths, opt.tilt(),
          proposal, batch > 0 && r < batch);
    }

    private int batchOf(int r) {
      return batch == 0 ? 0 : r / batch;
    }

    /** The proposal of replication r (its batch's, all earlier replications taken). */
    private double[][] proposalOf(int r) {
      return proposals.get(batchOf(r));
    }

    /** After a replication is taken: at the end of a batch, the next batch's proposal. */
    private void taken(List<Rep> out) {
      takenCount = out.size();
      if (batch > 0 && out.size() % batch == 0) {
        proposals.add(proposal(procs[0], out, opt.particles()));
      }
    }

    /** The proposal the last replication taken was drawn from. */
    double[][] lastProposal() {
      return proposals.get(batchOf(Math.max(0, takenCount - 1)));
    }

    /** Whether the replications so far satisfy a stopping rule. */
    private boolean enough(List<Rep> taken) {
      long weeks = pilotWeeks;
      for (Rep r : taken) {
        weeks += r.weeks;
      }
      List<Rep> out = used(taken);
      double sum = 0;
      for (Rep r : out) {
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
