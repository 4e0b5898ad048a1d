package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.detente.DetenteException;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.analysis.EnsembleSummary;
import org.detente.engine.CompiledModel;
import org.detente.engine.DealForecaster;
import org.detente.engine.Ensemble;
import org.detente.engine.ModelParameters;
import org.detente.engine.Simulator;
import org.detente.engine.SyntheticScenarios;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code detente bench engine}: runs per second, cost per actor-step, memory flatness. */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the crisis engine: runs/second and ns per actor-step on the bundled seed " +
      "scenario (after warm-up, one thread and all threads), on synthetic scenarios of growing " +
      "size, and peak heap for a short vs a long aggregate-only ensemble (memory must stay flat)."
    })
public final class BenchEngineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "FILE",
      defaultValue = "scenarios/us-russia-2022.yaml",
      description = "Seed scenario (default: ${DEFAULT-VALUE}).")
  Path scenario;

  @Mixin SharedOptions.Runs runsOption;

  @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
      description = "Repeat each speed measurement R times, alternating one thread and all"
          + " threads, and report the median with the range: on a shared machine single"
          + " measurements vary (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--actors", paramLabel = "LIST", split = ",", defaultValue = "10,20,40,80",
      description = "Synthetic scenario sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> actors = new ArrayList<>();

  @Mixin SharedOptions.Threads threadsOption;

  @Option(names = "--memory-runs", paramLabel = "SHORT,LONG", split = ",",
      defaultValue = "10000,1000000",
      description = "Run counts compared for memory (default: ${DEFAULT-VALUE}).")
  List<Integer> memoryRuns = new ArrayList<>();

  @Option(names = "--no-memory", description = "Skip the memory comparison.")
  boolean noMemory;

  /**
   * Which model the memory comparison runs.
   * The constants are the words of the command line, as picocli lists them in help and errors.
   */
  enum MemoryModel {
    synthetic, seed;
  }

  @Option(names = "--memory-model", paramLabel = "MODEL", defaultValue = "synthetic",
      description = {"Model of the memory comparison: synthetic (a 2-actor, 8-week scenario,"
          + " seconds) or seed (the seed scenario itself; 1,000,000 runs take tens of minutes)"
          + " (default: ${DEFAULT-VALUE})."})
  MemoryModel memoryModel;

  @Mixin SharedOptions.Json jsonOption;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  /** Progress units per measurement (the bar shows measurements; each fills in as it runs). */
  private static final long UNITS = 1000;

  @Override
  public Integer call() {
    int runs = runsOption.value();
    if (runs < 10) {
      throw new InvalidInputException(Message.AT_LEAST, "--runs", 10, runs);
    }
    if (repeats < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--repeats", 1, repeats);
    }
    long measurements = 1 + 2L * repeats + (long) actors.size() * (1 + repeats)
        + (noMemory ? 0 : 2);
    try (Progress progress = Progress.start(spec, progressFlags, "bench engine",
        measurements * UNITS, " measurements", UNITS)) {
      bench(runs, progress.lines(spec.commandLine().getOut()), progress);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  private void bench(int runs, PrintWriter out, Progress progress) {
    boolean json = jsonOption.value();
    int nThreads = threadsOption.value();
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("version", VersionProvider.version());
    root.put("processors", Runtime.getRuntime().availableProcessors());
    root.put("java", System.getProperty("java.version"));

    if (!Files.isRegularFile(scenario)) {
      throw new InvalidInputException(Message.FILE_PROBLEM, scenario,
          "no such scenario file (use --scenario FILE)");
    }
    Scenario sc = EngineSupport.load(scenario, List.of(), 104);
    CompiledModel model = EngineSupport.compile(sc);
    if (!json) {
      out.printf(Locale.ROOT, "Seed scenario %s: %d actors, %d theaters, %d weekly steps%n",
          sc.meta().id(), model.actorCount(), model.theaterCount(), model.horizonWeeks());
    }
    // warm-up: the compiler settles only after a few thousand runs (decide() is recompiled as
    // rarer branches are first taken)
    progress.message("warm-up");
    measure(model, Math.max(10, runs), nThreads, null, progress);
    ObjectNode seedNode = root.putObject("seedScenario");
    seedNode.put("scenario", sc.meta().id());
    seedNode.put("actors", model.actorCount());
    seedNode.put("horizonWeeks", model.horizonWeeks());
    long[] work = new long[4];
    double[][] ones = new double[repeats][];
    double[][] manys = new double[repeats][];
    for (int r = 0; r < repeats; r++) {
      progress.message("seed scenario, 1 thread");
      ones[r] = measure(model, runs, 1, r == 0 ? work : null, progress);
      progress.message("seed scenario, " + nThreads + " threads");
      manys[r] = measure(model, runs, nThreads, null, progress);
    }
    double[] one = median(ones);
    double[] many = median(manys);
    put(seedNode.putObject("singleThread"), ones, 1, runs);
    put(seedNode.putObject("multiThread"), manys, nThreads, runs);
    // cost model: what one run computes, and the single-thread time per utility term
    double nsPerRun = 1e9 / one[0];
    double termsPerRun = (double) work[2] / runs;
    ObjectNode cost = seedNode.putObject("workPerRun");
    cost.put("decisions", Math.round((double) work[0] / runs * 10) / 10.0);
    cost.put("quantalRows", Math.round((double) work[1] / runs * 10) / 10.0);
    cost.put("utilityTerms", Math.round(termsPerRun * 10) / 10.0);
    cost.put("counterpartTypes", Math.round((double) work[3] / runs * 10) / 10.0);
    cost.put("nsPerUtilityTermAllIn", Math.round(nsPerRun / termsPerRun * 10) / 10.0);
    if (!json) {
      out.printf(Locale.ROOT, "  1 thread : %8.1f runs/s%s  %8.1f ns per actor-step  (%d runs%s)%n",
          one[0], range(ones), one[1], runs, repeats > 1 ? ", median of " + repeats : "");
      out.printf(Locale.ROOT, "  %d threads: %8.1f runs/s%s  %8.1f ns per actor-step%n",
          nThreads, many[0], range(manys), many[1]);
      out.printf(Locale.ROOT, "  work per run: %.1f steps, %.1f decisions, %.1f quantal-response"
          + " rows,%n                %.0f utility terms, %.0f counterpart types valued%n",
          one[2], (double) work[0] / runs, (double) work[1] / runs, termsPerRun,
          (double) work[3] / runs);
      out.printf(Locale.ROOT, "  1 thread, all work per utility term: %.1f ns%n",
          nsPerRun / termsPerRun);
      out.println();
      out.println("Synthetic scenarios (104 weekly steps, all threads):");
      out.println("  actors   runs      runs/s   ns/actor-step   ns/step");
    }
    ArrayNode syn = root.putArray("synthetic");
    for (int n : actors) {
      if (n < 2) {
        throw new InvalidInputException(Message.AT_LEAST, "--actors (each size)", 2, n);
      }
      CompiledModel sm = CompiledModel.compile(SyntheticScenarios.generate(n, 104, 1),
          ModelParameters.defaults(), null, DealForecaster.WEIGHTED_MEAN);
      int r = Math.max(20, runs * 10 / n / 2);
      progress.message(n + " actors");
      measure(sm, Math.max(5, r / 4), nThreads, null, progress);
      double[][] all = new double[repeats][];
      for (int k = 0; k < repeats; k++) {
        all[k] = measure(sm, r, nThreads, null, progress);
      }
      double[] res = median(all);
      ObjectNode o = syn.addObject();
      o.put("actors", n);
      put(o, all, nThreads, r);
      if (!json) {
        out.printf(Locale.ROOT, "  %6d %6d  %10.1f  %14.1f  %8.0f%s%n", n, r, res[0], res[1],
            res[1] * n, repeats > 1 ? "   runs/s range" + range(all) : "");
      }
    }
    if (!noMemory) {
      if (memoryRuns.size() != 2) {
        throw new UsageException(Message.OPTION_PROBLEM, "--memory-runs",
            "takes two counts, e.g. 10000,1000000");
      }
      boolean seedMemory = memoryModel == MemoryModel.seed;
      CompiledModel small = seedMemory ? model
          : CompiledModel.compile(SyntheticScenarios.generate(2, 8, 5),
              ModelParameters.defaults(), null, DealForecaster.WEIGHTED_MEAN);
      if (!json) {
        out.println();
        out.println(seedMemory
            ? "Memory, aggregate-only ensembles of the seed scenario:"
            : "Memory, aggregate-only ensembles of a 2-actor, 8-week synthetic scenario:");
      }
      ObjectNode mem = root.putObject("memory");
      mem.put("model", seedMemory ? sc.meta().id() : "synthetic-2-actors-8-weeks");
      long[][] res = new long[2][];
      for (int i = 0; i < 2; i++) {
        int n = memoryRuns.get(i);
        progress.message(String.format(Locale.ROOT, "memory, %,d runs", n));
        long[] pk = peakHeap(small, n, nThreads, progress.stage(UNITS, n));
        res[i] = pk;
        ObjectNode o = mem.putObject(i == 0 ? "short" : "long");
        o.put("runs", n);
        o.put("peakHeapBytes", pk[0]);
        o.put("heapAfterGcBytes", pk[1]);
        o.put("peakOldGenBytes", pk[4]);
        o.put("gcCount", pk[2]);
        o.put("seconds", pk[3] / 1000.0);
        if (!json) {
          out.printf(Locale.ROOT, "  %,10d runs: live heap after GC %,6.1f MB, peak old gen"
              + " %,6.1f MB, peak heap incl. young garbage %,6.1f MB, %d GCs, %.1f s%n", n,
              pk[1] / 1e6, pk[4] / 1e6, pk[0] / 1e6, pk[2], pk[3] / 1000.0);
        }
      }
      // retained memory: live heap after a full GC, and the old generation's peak (objects that
      // survive); the all-pools peak mostly measures when the collector last ran
      double live = (double) res[1][1] / Math.max(1, res[0][1]);
      double old = (double) Math.max(res[1][4], 1) / Math.max(1, res[0][4]);
      double all = (double) res[1][0] / Math.max(1, res[0][0]);
      mem.put("liveRatio", Math.round(live * 1000) / 1000.0);
      mem.put("oldGenPeakRatio", Math.round(old * 1000) / 1000.0);
      mem.put("allPoolsPeakRatio", Math.round(all * 1000) / 1000.0);
      mem.put("withinOnePointFive", live <= 1.5 && old <= 1.5);
      if (!json) {
        out.printf(Locale.ROOT, "  ratio long/short: live %.3f, old-gen peak %.3f (%s 1.5);"
            + " all-pools peak %.3f%n", live, old, live <= 1.5 && old <= 1.5 ? "within" : "ABOVE",
            all);
      }
    }
    if (json) {
      try {
        out.println(mapper.writeValueAsString(root));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void put(ObjectNode o, double[][] all, int threads, int runs) {
    double[] res = median(all);
    o.put("threads", threads);
    o.put("runs", runs);
    o.put("repeats", all.length);
    o.put("runsPerSecond", Math.round(res[0] * 10) / 10.0);
    o.put("runsPerSecondMin", Math.round(column(all, 0)[0] * 10) / 10.0);
    o.put("runsPerSecondMax", Math.round(column(all, 0)[all.length - 1] * 10) / 10.0);
    o.put("nsPerActorStep", Math.round(res[1] * 10) / 10.0);
    o.put("meanStepsPerRun", Math.round(res[2] * 10) / 10.0);
  }

  /** Each column's median over the repeats (the mean of the middle two for an even count). */
  private static double[] median(double[][] all) {
    double[] m = new double[all[0].length];
    for (int j = 0; j < m.length; j++) {
      double[] c = column(all, j);
      int k = c.length;
      m[j] = k % 2 == 1 ? c[k / 2] : (c[k / 2 - 1] + c[k / 2]) / 2;
    }
    return m;
  }

  private static double[] column(double[][] all, int j) {
    double[] c = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      c[i] = all[i][j];
    }
    Arrays.sort(c);
    return c;
  }

  /** " (min–max)" of the runs per second when repeated, else "". */
  private static String range(double[][] all) {
    if (all.length < 2) {
      return "";
    }
    double[] c = column(all, 0);
    return String.format(Locale.ROOT, " (%.1f–%.1f)", c[0], c[c.length - 1]);
  }

  /** {runs/s, ns per actor-step, mean steps per run}. */
  private static double[] measure(CompiledModel m, int runs, int threads, long[] work,
      Progress progress) {
    LongConsumer done = progress.stage(UNITS, runs);
    long[] steps = new long[1];
    int h = m.horizonWeeks();
    long t0 = System.nanoTime();
    Ensemble.run(m, 12345, runs, threads, r -> {
      steps[0] += Math.min(r.endWeek() + 1, h);
      if (work != null && r instanceof Simulator s) {
        long[] w = s.lastRunWork();
        for (int i = 0; i < work.length; i++) {
          work[i] += w[i];
        }
      }
    }, done);
    long ns = System.nanoTime() - t0;
    double rps = runs / (ns / 1e9);
    double perActorStep = (double) ns * threads / Math.max(1, steps[0]) / m.actorCount();
    return new double[] {rps, perActorStep, (double) steps[0] / runs};
  }

  /**
   * {peak heap bytes (all pools, includes garbage not yet collected), heap after GC, GC count,
   * millis, peak of the old generation} of an aggregate-only ensemble.
   */
  private static long[] peakHeap(CompiledModel m, int runs, int threads, LongConsumer done) {
    System.gc();
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.isValid()) {
        p.resetPeakUsage();
        pools.add(p);
      }
    }
    long gc0 = gcCount();
    long t0 = System.nanoTime();
    EnsembleSummary s = new EnsembleSummary(m);
    Ensemble.run(m, 99, runs, threads, s, done);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long peak = 0;
    long peakOld = 0;
    for (MemoryPoolMXBean p : pools) {
      peak += p.getPeakUsage().getUsed();
      String nm = p.getName();
      if (nm.contains("Old") || nm.contains("Tenured")) {
        peakOld += p.getPeakUsage().getUsed();
      }
    }
    long gcs = gcCount() - gc0;
    System.gc();
    long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    if (s.runs() != runs) {
      throw new IllegalStateException("summary saw " + s.runs() + " runs");
    }
    return new long[] {peak, after, gcs, ms, peakOld};
  }

  private static long gcCount() {
    long c = 0;
    for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
      c += Math.max(0, g.getCollectionCount());
    }
    return c;
  }
}
