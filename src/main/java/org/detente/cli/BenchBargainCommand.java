package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.bargain.BargainInputs;
import org.detente.model.BargainProblem;
import org.detente.bargain.KtabSamples;
import org.detente.bargain.SmpResult;
import org.detente.bargain.SmpScenario;
import org.detente.bargain.SpatialModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detente bench bargain}: wall time of the negotiation model per run and per turn on
 * KTAB's samples (or given files) and a scaling table over synthetic problems.
 */
@Command(
    name = "bargain",
    mixinStandardHelpOptions = true,
    description = {
      "Time the negotiation model per run and per turn on KTAB's bundled samples " +
      "(or FILEs), then per turn on synthetic problems (N = 10..320, D = 1, 3, 6). " +
      "Each figure is the median of the timed runs after a warm-up."
    })
public final class BenchBargainCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "KTAB CSV/XML or Detente YAML files; default: the bundled KTAB samples.")
  List<Path> files = new ArrayList<>();

  @Option(names = {"--repeats", "--runs"}, paramLabel = "R",
      description = "Timed repetitions per file (default ${DEFAULT-VALUE}).")
  int runs = 3;

  @Option(names = "--warmup-seconds", paramLabel = "S", description = "Minimum warm-up time before timing (default ${DEFAULT-VALUE}).")
  double warmupSeconds = 2.0;

  @Mixin SharedOptions.Threads threadsOption = new SharedOptions.Threads(1);

  @Option(names = "--sizes", split = ",", paramLabel = "N", description = "Actor counts of the scaling table (default ${DEFAULT-VALUE}).")
  int[] sizes = {10, 20, 40, 80, 160, 320};

  @Option(names = "--dims", split = ",", paramLabel = "D", description = "Dimension counts of the scaling table (default ${DEFAULT-VALUE}).")
  int[] dims = {1, 3, 6};

  @Option(names = "--scaling-turns", paramLabel = "K", description = "Turns timed per synthetic problem (default ${DEFAULT-VALUE}).")
  int scalingTurns = 5;

  @Option(names = "--no-samples", description = "Skip the per-file table.")
  boolean noSamples;

  @Option(names = "--no-scaling", description = "Skip the scaling table.")
  boolean noScaling;

  @Mixin SharedOptions.Seed seedOption = new SharedOptions.Seed(20261125L);

  @Mixin SharedOptions.Json jsonOption;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Override
  public Integer call() {
    if (runs < 1 || threadsOption.value() < 1 || scalingTurns < 1 || warmupSeconds < 0) {
      throw new InvalidInputException(Message.OPTION_PROBLEM, "--runs, --threads, --scaling-turns",
          "each must be at least 1, and --warmup-seconds at least 0");
    }
    List<String> names = new ArrayList<>();
    List<SmpScenario> scs = new ArrayList<>();
    if (!noSamples) {
      if (files.isEmpty()) {
        for (String s : KtabSamples.RUNNABLE) {
          names.add(s);
          scs.add(KtabSamples.load(s));
        }
      } else {
        for (Path f : files) {
          names.add(f.toString());
          scs.add(BargainInputs.load(f, List.of()));
        }
      }
    }
    long steps = (noSamples ? 0 : scs.size())
        + (noScaling ? 0 : (long) sizes.length * dims.length);
    try (Progress progress = Progress.start(spec, progressFlags, "bench bargain", steps,
        " problems")) {
      bench(names, scs, progress.lines(spec.commandLine().getOut()), progress);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  private void bench(List<String> names, List<SmpScenario> scs, PrintWriter out,
      Progress progress) {
    int threads = threadsOption.value();
    long seed = seedOption.value();
    boolean json = jsonOption.value();
    ObjectMapper om = new ObjectMapper();
    ObjectNode root = om.createObjectNode();
    root.put("threads", threads);
    root.put("runs", runs);
    root.put("warmupSeconds", warmupSeconds);
    root.put("java", System.getProperty("java.version"));
    root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    if (!json) {
      out.printf(Locale.ROOT, "Negotiation model benchmark: Java %s, %d processor(s), %d model thread(s), median of %d run(s) after >= %.1f s warm-up%n",
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), threads, runs, warmupSeconds);
    }
    if (!noSamples) {
      ArrayNode arr = root.putArray("files");
      if (!json) {
        out.println();
        out.printf(Locale.ROOT, "%-58s %6s %4s %6s %12s %12s%n", "file", "actors", "dims", "turns", "s/run", "ms/turn");
      }
      for (int q = 0; q < scs.size(); q++) {
        SmpScenario sc = scs.get(q);
        progress.message(names.get(q));
        double[] t = time(sc, SpatialModel.MAX_TURNS, threads);
        progress.step(1);
        int turns = (int) t[1];
        ObjectNode o = arr.addObject();
        o.put("file", names.get(q));
        o.put("actors", sc.problem().actors().size());
        o.put("dimensions", sc.problem().dimensions().size());
        o.put("turns", turns);
        o.put("secondsPerRun", t[0]);
        o.put("msPerTurn", 1000 * t[0] / turns);
        if (!json) {
          out.printf(Locale.ROOT, "%-58s %6d %4d %6d %12.4f %12.3f%n", names.get(q), sc.problem().actors().size(),
              sc.problem().dimensions().size(), turns, t[0], 1000 * t[0] / turns);
          out.flush();
        }
      }
    }
    if (!noScaling) {
      ArrayNode arr = root.putArray("scaling");
      root.put("scalingTurns", scalingTurns);
      root.put("seed", seed);
      if (!json) {
        out.println();
        out.printf(Locale.ROOT, "Scaling on synthetic problems (first %d turns, KTAB defaults), ms per turn:%n", scalingTurns);
        out.printf(Locale.ROOT, "%8s", "N \\ D");
        for (int d : dims) {
          out.printf(Locale.ROOT, " %12d", d);
        }
        out.println();
      }
      for (int nAct : sizes) {
        if (!json) {
          out.printf(Locale.ROOT, "%8d", nAct);
        }
        for (int d : dims) {
          if (nAct < 3 || d < 1) {
            throw new InvalidInputException(Message.OPTION_PROBLEM, "--sizes, --dims",
                "each size must be at least 3 and each dimension count at least 1");
          }
          SmpScenario sc = SmpScenario.ofDefaults(synthetic(nAct, d, seed));
          progress.message("synthetic " + nAct + " x " + d);
          double[] t = time(sc, scalingTurns, threads);
          progress.step(1);
          double msPerTurn = 1000 * t[0] / t[1];
          ObjectNode o = arr.addObject();
          o.put("actors", nAct);
          o.put("dimensions", d);
          o.put("turns", (int) t[1]);
          o.put("msPerTurn", msPerTurn);
          if (!json) {
            out.printf(Locale.ROOT, " %12.3f", msPerTurn);
            out.flush();
          }
        }
        if (!json) {
          out.println();
        }
      }
    }
    if (json) {
      out.println(root.toString());
    }
  }

  /** Median seconds per run and the number of turns, after warm-up. */
  private double[] time(SmpScenario sc, int maxTurns, int threads) {
    long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    int turns = SpatialModel.run(sc, maxTurns, threads).turns();
    while (System.nanoTime() < warmEnd) {
      SpatialModel.run(sc, maxTurns, threads);
    }
    double[] s = new double[runs];
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      SmpResult res = SpatialModel.run(sc, maxTurns, threads);
      s[r] = (System.nanoTime() - t0) / 1e9;
      turns = res.turns();
    }
    Arrays.sort(s);
    return new double[] {s[runs / 2], turns};
  }

  /**
   * A random problem in the style of KTAB's random SMP: capability uniform on [10, 200], total
   * salience uniform on [75, 99] split at random over the dimensions, positions uniform on
   * [0, 100] (two decimals).
   */
  public static BargainProblem synthetic(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ (31L * n + d));
    List<String> actors = new ArrayList<>();
    List<String> dn = new ArrayList<>();
    for (int k = 0; k < d; k++) {
      dn.add("dim" + k);
    }
    double[] cap = new double[n];
    double[][] pos = new double[n][d];
    double[][] sal = new double[n][d];
    for (int i = 0; i < n; i++) {
      actors.add(String.format(Locale.ROOT, "A%03d", i));
      cap[i] = 10 + 190 * r.nextDouble();
      double total = 75 + 24 * r.nextDouble();
      double[] raw = new double[d];
      double sum = 0;
      for (int k = 0; k < d; k++) {
        raw[k] = 0.1 + 0.9 * r.nextDouble();
        sum += raw[k];
        pos[i][k] = Math.rint(10000 * r.nextDouble()) / 100;
      }
      for (int k = 0; k < d; k++) {
        sal[i][k] = total * raw[k] / sum;
      }
    }
    return new BargainProblem("synthetic-" + n + "x" + d, actors, dn, cap, pos, sal);
  }
}
