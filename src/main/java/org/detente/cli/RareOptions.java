package org.detente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.engine.CompiledModel;
import org.detente.engine.RareTarget;
import org.detente.engine.Splitting;
import org.hipparchus.distribution.continuous.TDistribution;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --rare TARGET} and its settings, shared by run, compare and sensitivity: a rare-event
 * estimate by multilevel splitting ({@link Splitting}) of nuclear_use, limited_nuclear,
 * strategic_nuclear or a question, with its budget and target relative error; and how an
 * estimate is printed and written as JSON.
 */
final class RareOptions {

  /** Surviving trajectories kept per replication for the most likely paths. */
  static final int KEEP_PATHS = 4;
  /** Default budget in simulated weeks. */
  static final long DEFAULT_WEEKS = 2_000_000L;

  @Option(names = "--rare", paramLabel = "TARGET",
      description = "Estimate the probability of a rare event by multilevel splitting:"
          + " nuclear_use, limited_nuclear, strategic_nuclear or a question id; with its 95%%"
          + " interval, relative error, effective sample size, the weeks simulated and the plain"
          + " runs the same precision would need.")
  String target;

  @Option(names = "--rare-budget", paramLabel = "BUDGET",
      description = "Stop the rare-event estimate after this many simulated weeks ('500000w')"
          + " or seconds ('90s'; the result then depends on the machine's speed) (default: "
          + DEFAULT_WEEKS + "w).")
  String budget;

  @Option(names = "--rare-error", paramLabel = "RE",
      description = "Stop the rare-event estimate once its relative error is at most RE"
          + " (default: ${DEFAULT-VALUE}).")
  double error = 0.2;

  @Option(names = "--rare-tilt", paramLabel = "Q",
      description = "Importance sampling in the last splitting stage: a decision in which"
          + " nuclear actions have a probability below Q draws them with probability Q, and the"
          + " trajectory carries the exact likelihood ratio; 0 turns it off (default:"
          + " ${DEFAULT-VALUE}).")
  double tilt = 0.05;

  @Option(names = "--rare-type-batch", paramLabel = "B",
      description = "Stratification on the private types drawn at week 0: every B"
          + " replications, those so far measure the event's probability for each actor's"
          + " types, and the next B are stratified on the actor whose types matter most (a"
          + " stratum per type, more trajectories for the types the event comes from); the"
          + " first B, which explore every type, measure only; 0 draws the types as the"
          + " scenario does, with no strata (default: ${DEFAULT-VALUE}).")
  int typeBatch = 0;

  @Option(names = "--rare-particles", paramLabel = "N",
      description = "Trajectories per splitting stage (default: ${DEFAULT-VALUE}).")
  int particles = 200;

  /** Whether --rare was given. */
  boolean on() {
    return target != null;
  }

  /** The target in a model, or a usage error naming the choices. */
  RareTarget target(CompiledModel model) {
    RareTarget t = RareTarget.byName(model, target);
    if (t == null) {
      List<String> names = new ArrayList<>();
      for (RareTarget.Kind k : RareTarget.Kind.values()) {
        if (k != RareTarget.Kind.QUESTION) {
          names.add(k.id());
        }
      }
      model.scenario().questions().forEach(q -> names.add(q.id()));
      throw new UsageException(Message.UNKNOWN_NAME, "--rare target", target,
          String.join(", ", names));
    }
    return t;
  }

  /** The settings, checked. */
  Splitting.Options options(int threads) {
    if (particles < 10) {
      throw new UsageException(Message.AT_LEAST, "--rare-particles", 10, particles);
    }
    if (!(error > 0 && error < 1)) {
      throw new UsageException(Message.OUT_OF_RANGE, "--rare-error", 0, 1, error);
    }
    long weeks = DEFAULT_WEEKS;
    double seconds = 0;
    if (budget != null) {
      String b = budget.trim().toLowerCase(Locale.ROOT);
      String num = b.replaceAll("\\s*(weeks|week|w|seconds|second|s)$", "");
      String unit = b.substring(num.length()).trim();
      double v;
      try {
        v = Double.parseDouble(num);
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (unit.isEmpty() || !(v > 0) || Double.isInfinite(v)) {
        throw new UsageException(Message.OPTION_VALUE, "--rare-budget", budget,
            "expected a positive number of weeks or seconds, e.g. '500000w' or '90s'");
      }
      if (unit.startsWith("w")) {
        weeks = (long) Math.ceil(v);
      } else {
        weeks = 0;
        seconds = v;
      }
    }
    if (!(tilt >= 0 && tilt < 1)) {
      throw new UsageException(Message.OUT_OF_RANGE, "--rare-tilt", 0, "less than 1", tilt);
    }
    if (typeBatch < 0) {
      throw new UsageException(Message.AT_LEAST, "--rare-type-batch", 0, typeBatch);
    }
    return new Splitting.Options(particles, 0.2, error, weeks, seconds, 10, 100_000, threads,
        tilt, typeBatch);
  }

  /** Units of a splitting estimate's share of the progress bar (per mille of its work). */
  static final long BAR_UNITS = 1000;

  /**
   * The estimate of {@code target} in {@code model}, with a progress bar of its own in the look
   * of the ensembles' (on standard error, only on a terminal or with --progress, never with
   * -q): the share of the work the stopping rules allow that is done, and the relative error so
   * far.
   *
   * @param task the bar's name (the command's and "--rare")
   */
  static Splitting.Result estimate(CommandSpec spec, SharedOptions.ProgressFlags flags,
      String task, CompiledModel model, RareTarget target, long seed, Splitting.Options opt,
      int keepPaths) {
    try (Progress progress = Progress.start(spec, flags, task, BAR_UNITS, "%",
        BAR_UNITS / 100)) {
      return Splitting.estimate(model, target, seed, opt, keepPaths,
          monitor(progress, opt, BAR_UNITS));
    }
  }

  /**
   * A monitor that moves {@code units} units of {@code progress} as the estimate gets through
   * its work ({@link Splitting.Options#done}) and shows the relative error so far.
   */
  static Splitting.Monitor monitor(Progress progress, Splitting.Options opt, long units) {
    if (!progress.shown()) {
      return Splitting.Monitor.NONE;
    }
    LongConsumer bar = progress.stage(units, BAR_UNITS);
    return (weeks, seconds, replications, re) -> {
      bar.accept(Math.round(BAR_UNITS * opt.done(weeks, seconds, re)));
      progress.message(replications == 0 ? "pilot done"
          : String.format(Locale.ROOT, "RE %s, %d replications", pct(re), replications));
    };
  }

  /** The estimate as JSON fields. */
  static void put(ObjectNode o, RareTarget target, Splitting.Result r, String replayArgs) {
    o.put("target", target.id());
    o.put("method", "fixed-effort multilevel splitting");
    o.put("p", r.p());
    o.put("lo", r.lo());
    o.put("hi", r.hi());
    putNumber(o, "relativeError", r.relativeError());
    putNumber(o, "effectiveSampleSize", r.effectiveSampleSize());
    putNumber(o, "bruteForceRuns", Math.ceil(r.bruteForceRuns()));
    o.put("simulatedWeeks", r.simulatedWeeks());
    putNumber(o, "speedup", r.speedup());
    o.put("replications", r.replications());
    o.put("tilt", r.tilt());
    o.put("particles", r.particles());
    o.put("stop", r.stop());
    ArrayNode lv = o.putArray("levels");
    for (int l : r.levels()) {
      lv.add(l);
    }
    ArrayNode sp = o.putArray("stageProbabilities");
    for (double p : r.stageProbabilities()) {
      if (Double.isNaN(p)) {
        sp.addNull();
      } else {
        sp.add(p);
      }
    }
    ArrayNode types = o.putArray("types");
    for (Splitting.TypeDraw t : r.types()) {
      for (int k = 0; k < t.labels().length; k++) {
        ObjectNode e = types.addObject();
        e.put("type", t.labels()[k]);
        e.put("prior", t.prior()[k]);
        if (t.proposal() != null) {
          e.put("stratumShare", t.proposal()[k]);
        } else {
          e.putNull("stratumShare");
        }
        e.put("pJoint", t.joint()[k]);
        putNumber(e, "pGivenType", t.prior()[k] > 0 ? t.joint()[k] / t.prior()[k] : Double.NaN);
      }
    }
    ArrayNode paths = o.putArray("paths");
    for (Splitting.PathGroup g : r.paths()) {
      ObjectNode p = paths.addObject();
      p.put("path", g.description());
      p.put("p", g.probability());
      p.put("trajectories", g.trajectories());
      p.put("splitPath", g.example().spec());
      p.put("replay", replay(replayArgs, g.example(), r.tilt()));
    }
  }

  private static void putNumber(ObjectNode o, String k, double v) {
    if (Double.isFinite(v)) {
      o.put(k, v);
    } else {
      o.putNull(k);
    }
  }

  /**
   * The explain command that replays a surviving trajectory.
   *
   * @param args the file and the options that made the model (seed, policies, horizon, motives)
   */
  static String replay(String args, Splitting.Path p, double tilt) {
    return "detente explain " + args + " --split-path " + p.spec()
        + (tilt > 0 ? " --rare-tilt " + tilt : "");
  }

  /** The explain arguments that make the same model and seed as a command's. */
  static String replayArgs(String file, long seed, List<String> policies, Integer horizon,
      List<String> motives) {
    StringBuilder b = new StringBuilder(file);
    b.append(" --seed ").append(seed);
    for (String p : policies) {
      b.append(" --policy ").append(p);
    }
    if (horizon != null) {
      b.append(" --horizon ").append(horizon);
    }
    for (String m : motives) {
      b.append(" --motive ").append(m);
    }
    return b.toString();
  }

  /** The estimate as table lines. */
  static void print(PrintWriter pw, RareTarget target, Splitting.Result r, String replayArgs,
      int paths) {
    pw.printf(Locale.ROOT, "Rare event: %s (multilevel splitting, %d replications of %d"
        + " trajectories per stage, %d levels)%n", target.id(), r.replications(), r.particles(),
        r.levels().length);
    pw.printf(Locale.ROOT, "  p                    %s   [%s, %s]%n", sci(r.p()), sci(r.lo()),
        sci(r.hi()));
    pw.printf(Locale.ROOT, "  relative error       %s%n", pct(r.relativeError()));
    pw.printf(Locale.ROOT, "  effective sample     %s runs%n", count(r.effectiveSampleSize()));
    pw.printf(Locale.ROOT, "  simulated weeks      %,d (stopped on %s)%n", r.simulatedWeeks(),
        r.stop());
    for (Splitting.TypeDraw t : r.types()) {
      if (t.proposal() != null) {
        pw.printf(Locale.ROOT, "  stratified on        %s's type drawn at week 0 (a stratum per type,"
            + " its share of the trajectories); P(event | type):%n",
            t.labels()[0].split(" ")[0]);
        for (int k = 0; k < t.labels().length; k++) {
          if (t.prior()[k] > 0) {
            pw.printf(Locale.ROOT, "    %-38s prior %.4f  share %.4f  P(event | type) %s%n",
                t.labels()[k], t.prior()[k], t.proposal()[k], sci(t.joint()[k] / t.prior()[k]));
          }
        }
      }
    }
    pw.printf(Locale.ROOT, "  plain Monte Carlo    %s runs for the same relative error"
        + " (%s weeks; %s the work)%n", count(r.bruteForceRuns()),
        count(r.bruteForceRuns() * r.meanWeeksPerRun()),
        Double.isFinite(r.speedup()) ? String.format(Locale.ROOT, "%.1fx", r.speedup()) : "n/a");
    if (paths > 0 && !r.paths().isEmpty()) {
      pw.println("  most likely paths (surviving trajectories; replay with explain):");
      int i = 0;
      for (Splitting.PathGroup g : r.paths()) {
        if (i++ >= paths) {
          break;
        }
        pw.printf(Locale.ROOT, "    %s  %s%n", sci(g.probability()), g.description());
        pw.printf(Locale.ROOT, "      %s%n", replay(replayArgs, g.example(), r.tilt()));
      }
    }
  }

  /**
   * Difference of two estimates paired by replication (the same clone seeds in both): mean of
   * the differences and its Student t 95% interval.
   */
  static double[] paired(double[] arm, double[] base) {
    int n = Math.min(arm.length, base.length);
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += arm[i] - base[i];
    }
    mean /= n;
    double var = 0;
    for (int i = 0; i < n; i++) {
      double d = arm[i] - base[i] - mean;
      var += d * d;
    }
    var /= Math.max(1, n - 1);
    double half = n < 2 ? Double.NaN
        : new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(var / n);
    return new double[] {mean, mean - half, mean + half};
  }

  static String signed(double v) {
    if (v == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%+.3g", v);
  }

  static String sci(double v) {
    if (v == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "n/a";
  }

  static String count(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "n/a";
  }
}
