package org.detente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.engine.RareTarget;
import org.detente.engine.Splitting;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detente bench rare}: the splitting estimate of a rare event against plain runs in the
 * same wall-clock time, in alternating blocks (splitting, then plain runs for as long as it
 * took): each side's estimate and relative error, and the time plain runs would need for the
 * splitting estimate's relative error at the rate they ran.
 */
@Command(
    name = "rare",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the rare-event estimate against plain runs: in each block, multilevel splitting"
          + " until its relative error reaches --rare-error or its budget (--rare-budget,"
          + " default 120s) is spent, then plain runs for the same wall-clock time; prints"
          + " both estimates with their relative errors, and the time plain runs would need"
          + " for the splitting estimate's relative error. Blocks alternate the two (--repeats)."
    })
public final class BenchRareCommand implements Callable<Integer> {

  /** The budget of the splitting estimate unless --rare-budget is given. */
  static final String DEFAULT_BUDGET = "120s";

  @Spec CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "FILE",
      defaultValue = "scenarios/us-russia-2022.yaml",
      description = "Scenario (default: ${DEFAULT-VALUE}).")
  Path scenario;

  @Mixin RareOptions rare;

  @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
      description = "Blocks of splitting then plain runs; the summary gives the median and"
          + " the range of the gain (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Mixin SharedOptions.Seed seedOption;

  @Mixin SharedOptions.Threads threadsOption;

  @Mixin SharedOptions.Json jsonOption;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  /** Plain runs per batch while the plain side fills its time. */
  private static final int BATCH = 500;

  /** One block's figures. */
  record Block(Splitting.Result split, long plainRuns, long plainHits, double plainSeconds) {

    /** The plain runs' estimate. */
    double plainP() {
      return plainRuns == 0 ? Double.NaN : (double) plainHits / plainRuns;
    }

    /** The plain runs' relative error, √((1 − p)/(n p)) at their own estimate. */
    double plainRelativeError() {
      double p = plainP();
      return p > 0 ? Math.sqrt((1 - p) / (plainRuns * p)) : Double.POSITIVE_INFINITY;
    }

    /** Plain runs per second. */
    double plainRate() {
      return plainRuns / plainSeconds;
    }

    /** Seconds plain runs would need for the splitting estimate's relative error. */
    double plainSecondsForSplittingError() {
      return split.bruteForceRuns() / plainRate();
    }

    /** That time over the splitting estimate's. */
    double gain() {
      return plainSecondsForSplittingError() / split.seconds();
    }
  }

  @Override
  public Integer call() throws IOException {
    if (repeats < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--repeats", 1, repeats);
    }
    if (!Files.isRegularFile(scenario)) {
      throw new InvalidInputException(Message.FILE_PROBLEM, scenario,
          "no such scenario file (use --scenario FILE)");
    }
    if (rare.target == null) {
      rare.target = RareTarget.Kind.NUCLEAR_USE.id();
    }
    if (rare.budget == null) {
      rare.budget = DEFAULT_BUDGET;
    }
    Scenario sc = EngineSupport.load(scenario, List.of(), null);
    CompiledModel model = EngineSupport.compile(sc);
    RareTarget target = rare.target(model);
    int threads = threadsOption.value();
    Splitting.Options opt = rare.options(threads);
    long seed = seedOption.value();
    String load0 = loadAverage();
    // warm-up: the compiler settles on the engine's branches
    Ensemble.run(model, seed ^ 0x7f4a7c15L, 400, threads, run -> { }, null);
    Block[] blocks = new Block[repeats];
    for (int b = 0; b < repeats; b++) {
      Splitting.Result res = RareOptions.estimate(spec, progressFlags,
          "bench rare: splitting, block " + (b + 1), model, target, seed + b, opt, 0);
      long runs = 0;
      long hits = 0;
      long t0 = System.nanoTime();
      long batch = 0;
      double s = 0;
      long tenths = Math.max(1, Math.round(res.seconds() * 10));
      try (Progress progress = Progress.start(spec, progressFlags,
          "bench rare: plain runs, block " + (b + 1), tenths, " s", 10)) {
        java.util.function.LongConsumer bar = progress.stage(tenths);
        while (s < res.seconds()) {
          long[] h = new long[1];
          Ensemble.run(model, seed + b + 1_000_003L * (batch + 1), BATCH, threads,
              run -> h[0] += target.happened(run) ? 1 : 0, null);
          batch++;
          runs += BATCH;
          hits += h[0];
          s = (System.nanoTime() - t0) / 1e9;
          bar.accept(Math.round(s * 10));
        }
      }
      blocks[b] = new Block(res, runs, hits, s);
    }
    print(sc, model, target, threads, blocks, load0, loadAverage());
    return 0;
  }

  private void print(Scenario sc, CompiledModel model, RareTarget target, int threads,
      Block[] blocks, String load0, String load1) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    double[] gains = Arrays.stream(blocks).mapToDouble(Block::gain).toArray();
    double[] sorted = gains.clone();
    Arrays.sort(sorted);
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    if (jsonOption.value()) {
      ObjectNode o = AnalysisSupport.mapper().createObjectNode();
      o.put("command", "bench rare");
      o.put("scenario", sc.meta().id());
      o.put("target", target.id());
      o.put("threads", threads);
      o.put("processors", Runtime.getRuntime().availableProcessors());
      o.put("targetRelativeError", rare.error);
      o.put("budget", rare.budget);
      o.put("loadAverageBefore", load0);
      o.put("loadAverageAfter", load1);
      ArrayNode arr = o.putArray("blocks");
      for (Block b : blocks) {
        ObjectNode x = arr.addObject();
        ObjectNode s = x.putObject("splitting");
        s.put("seconds", b.split().seconds());
        RareOptions.put(s, target, b.split(), "");
        s.remove("paths");
        ObjectNode pl = x.putObject("plain");
        pl.put("seconds", b.plainSeconds());
        pl.put("runs", b.plainRuns());
        pl.put("hits", b.plainHits());
        put(pl, "p", b.plainP());
        put(pl, "relativeError", b.plainRelativeError());
        put(pl, "runsPerSecond", b.plainRate());
        put(x, "plainSecondsForSplittingError", b.plainSecondsForSplittingError());
        put(x, "gain", b.gain());
      }
      put(o, "medianGain", median);
      put(o, "minGain", sorted[0]);
      put(o, "maxGain", sorted[sorted.length - 1]);
      out.println(AnalysisSupport.mapper().writeValueAsString(o).trim());
    } else {
      out.printf(Locale.ROOT, "bench rare: %s, %s within %d weeks, %d thread%s of %d"
          + " processors; splitting to a relative error of %s or %s, then plain runs for as"
          + " long%n", sc.meta().id(), target.id(), model.horizonWeeks(), threads,
          threads == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(),
          RareOptions.pct(rare.error), rare.budget);
      for (int i = 0; i < blocks.length; i++) {
        Block b = blocks[i];
        Splitting.Result r = b.split();
        out.printf(Locale.ROOT, "block %d%n", i + 1);
        out.printf(Locale.ROOT, "  splitting    p %s [%s, %s]  relative error %s  %.1f s,"
            + " %,d weeks, %d replications (stopped on %s)%n", RareOptions.sci(r.p()),
            RareOptions.sci(r.lo()), RareOptions.sci(r.hi()),
            RareOptions.pct(r.relativeError()), r.seconds(), r.simulatedWeeks(),
            r.replications(), r.stop());
        out.printf(Locale.ROOT, "  plain runs   p %s (%,d of %,d runs)  relative error %s"
            + "  %.1f s, %,.0f runs/s%n", RareOptions.sci(b.plainP()), b.plainHits(),
            b.plainRuns(), RareOptions.pct(b.plainRelativeError()), b.plainSeconds(),
            b.plainRate());
        out.printf(Locale.ROOT, "  plain runs for the splitting estimate's relative error:"
            + " %s runs, %s s: %s the time%n", RareOptions.count(r.bruteForceRuns()),
            RareOptions.count(b.plainSecondsForSplittingError()),
            Double.isFinite(b.gain()) ? String.format(Locale.ROOT, "%.2fx", b.gain()) : "n/a");
      }
      if (blocks.length > 1) {
        out.printf(Locale.ROOT, "gain over plain runs (time for the same relative error):"
            + " median %.2fx, range %.2fx to %.2fx over %d blocks%n", median, sorted[0],
            sorted[sorted.length - 1], blocks.length);
      }
      out.printf(Locale.ROOT, "load average (1, 5, 15 min) before %s, after %s%n", load0,
          load1);
    }
    out.flush();
  }

  private static void put(ObjectNode o, String k, double v) {
    if (Double.isFinite(v)) {
      o.put(k, v);
    } else {
      o.putNull(k);
    }
  }

  /** The first three fields of /proc/loadavg, or "n/a" where there is none. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "n/a";
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
