package org.detente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.InvalidInputException;
import org.detente.analysis.Indicators;
import org.detente.analysis.Morris;
import org.detente.analysis.ParameterSpace;
import org.detente.analysis.Sobol;
import org.detente.engine.CompiledModel;
import org.detente.engine.Splitting;
import org.detente.engine.Ensemble;
import org.detente.engine.ModelParameters;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente sensitivity}: which uncertain parameters move an answer. */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description = {
      "Rank the scenario's uncertain parameters by their influence on one output:",
      "the probability of an outcome class, nuclear_use, a question, or rung>=N.",
      "  morris  elementary effects (Morris 1991) with mu* (Campolongo et al. 2007):",
      "          K trajectories, K(k+1) design points",
      "  sobol   first-order and total Sobol indices (Saltelli et al. 2010, Jansen):",
      "          K base samples, K(k+2) points, bootstrap 95%% intervals",
      "  both    Morris, then Sobol",
      "Each point is estimated from R runs from the same master seed (common random",
      "numbers across points). Factors: the parameters the scenario declares with",
      "ranges; --all-parameters uses every catalogue parameter (also the fallback",
      "when the scenario declares none); --parameter picks factors by name."
    })
public class SensitivityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  /**
   * The sensitivity methods.
   * The constants are the words of the command line, as picocli lists them in help and errors.
   */
  enum Method {
    morris, sobol, both;
  }

  @Option(names = "--method", defaultValue = "morris", paramLabel = "METHOD",
      description = "Method: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Method method;

  @Option(names = "--samples", paramLabel = "K",
      description = "Morris trajectories (default 10) or Sobol base samples (default 64).")
  Integer samples;

  @Option(names = "--output", defaultValue = Indicators.NUCLEAR_USE, paramLabel = "NAME",
      description = "Outcome class, nuclear_use, question id, or rung>=N (the run reached"
          + " rung N of the ladder) (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--runs-per-point", defaultValue = "200", paramLabel = "R",
      description = "Runs per design point (default: ${DEFAULT-VALUE}).")
  int runsPerPoint;

  @Option(names = "--levels", defaultValue = "4", paramLabel = "P",
      description = "Morris grid levels, even (default: ${DEFAULT-VALUE}).")
  int levels;

  @Option(names = "--candidates", paramLabel = "M",
      description = "Morris: draw M candidate trajectories and keep the K most spread out"
          + " (Campolongo et al. 2007); 0 = no selection (default: 4K).")
  Integer candidates;

  @Option(names = "--bootstrap", defaultValue = "200", paramLabel = "B",
      description = "Sobol bootstrap replicates (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--all-parameters",
      description = "Use every catalogue parameter as a factor, not only the declared ones.")
  boolean allParameters;

  @Option(names = "--parameter", paramLabel = "NAME",
      description = "Only these parameters as factors (repeatable; range from the scenario,"
          + " else the catalogue).")
  List<String> only = new ArrayList<>();

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.Params params;

  @Mixin SharedOptions.Threads threads;

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Mixin RareOptions rare;

  @Mixin StoreOption db;

  @Mixin SparkMaster master;

  private StoreSession store;

  @Override
  public Integer call() throws Exception {
    if (!db.on()) {
      return compute();
    }
    String id = AnalysisSupport.load(file, List.of()).meta().id();
    try (StoreSession st = StoreSession.begin(db, spec, file, id, List.of(), seed.value(),
        runsPerPoint, java.util.Map.of())) {
      store = st;
      return compute();
    }
  }

  private int compute() throws Exception {
    master.check("sensitivity", onSpark());
    if (master.value() != null && rare.on()) {
      throw new UsageException(Message.OPTION_VALUE, "--master", master.value(),
          "--rare estimates run on this machine only");
    }
    AnalysisSupport.checkPositive("--runs-per-point", runsPerPoint);
    if (levels < 2 || levels % 2 != 0) {
      throw new InvalidInputException(Message.OPTION_VALUE, "--levels", levels, "expected an even number >= 2");
    }
    if (bootstrap < 2) {
      // Sobol's bootstrap intervals need at least two replicates (0 gave NaN intervals)
      throw new InvalidInputException(Message.AT_LEAST, "--bootstrap", 2, bootstrap);
    }
    int morrisK = samples == null ? 10 : samples;
    int sobolN = samples == null ? 64 : samples;
    AnalysisSupport.checkPositive("--samples", morrisK);
    if (method != Method.sobol && morrisK < 2) {
      throw new InvalidInputException(Message.AT_LEAST, "--samples (Morris)", 2, morrisK);
    }
    if (candidates != null && candidates < morrisK) {
      throw new InvalidInputException(Message.AT_LEAST, "--candidates", "--samples (" + morrisK
          + ")", candidates);
    }
    AnalysisSupport.checkPositive("--threads", threads.value());
    Scenario s = AnalysisSupport.load(file, List.of(), params);
    Indicators ind = AnalysisSupport.indicators(s);
    var out = AnalysisSupport.output(ind, output);
    if (rare.on()) {
      rare.target(Models.compile(s, ModelParameters.from(s))); // a bad name fails here
      rare.options(threads.value());
      output = "log10 P(" + rare.target + ")";
    }
    AnalysisSupport.Factors factors = AnalysisSupport.factors(s, allParameters, only);
    ParameterSpace space = factors.space();
    int k = space.size();
    long points = 0;
    if (method != Method.sobol) {
      points += (long) morrisK * (k + 1);
    }
    if (method != Method.morris) {
      points += (long) sobolN * (k + 2);
    }
    double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    // with --rare, every design point's estimate, in the order the design evaluated them
    List<RarePoint> rarePoints = new ArrayList<>();
    List<Morris.Effect> morris;
    Sobol.Result sobol;
    try (Progress progress = Progress.start(spec, progressFlags, "sensitivity",
        points * runsPerPoint, " runs")) {
      ToDoubleFunction<double[]> f = x -> {
        if (rare.on()) {
          ModelParameters p = AnalysisSupport.parameters(s, space.names(), x);
          CompiledModel model = Models.compile(s, p);
          // log10 of the splitting estimate (its upper bound where no trajectory got there)
          Splitting.Options opt = rare.options(threads.value());
          Splitting.Result res = Splitting.estimate(model, rare.target(model), seed.value(),
              opt, 0, RareOptions.monitor(progress, opt, runsPerPoint));
          double v = Math.log10(res.p() > 0 ? res.p() : res.hi());
          rarePoints.add(new RarePoint(x.clone(), res));
          range[0] = Math.min(range[0], v);
          range[1] = Math.max(range[1], v);
          return v;
        }
        double v = pointValue(s, space.names(), x, output, seed.value(), runsPerPoint,
            threads.value(), progress.stage(runsPerPoint));
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
        return v;
      };
      ToDoubleFunction<double[]> g = f;
      if (onSpark()) {
        java.util.function.LongConsumer done = progress.stage(points * runsPerPoint);
        List<double[]> all = new ArrayList<>();
        if (method != Method.sobol) {
          Morris.screen(space, morrisK, levels, candidates == null ? 4 * morrisK : candidates,
              seed.value(), x -> record(all, x));
        }
        if (method != Method.morris) {
          Sobol.analyse(space, sobolN, seed.value(), bootstrap, x -> record(all, x));
        }
        double[] values = evaluate(s, space.names(), all, output, seed.value(), runsPerPoint,
            done);
        int[] next = {0};
        g = x -> {
          int i = next[0]++;
          if (!java.util.Arrays.equals(x, all.get(i))) {
            throw new IllegalStateException("design point " + i + " differs between passes");
          }
          range[0] = Math.min(range[0], values[i]);
          range[1] = Math.max(range[1], values[i]);
          return values[i];
        };
      }
      morris = method == Method.sobol ? null
          : Morris.screen(space, morrisK, levels, candidates == null ? 4 * morrisK : candidates,
              seed.value(), g);
      sobol = method == Method.morris ? null
          : Sobol.analyse(space, sobolN, seed.value(), bootstrap, g);
    }
    // the half-width of each mu*'s bootstrap 95% interval, once for the JSON and the table
    double[] muStarConf = new double[k];
    for (int i = 0; morris != null && i < k; i++) {
      muStarConf[i] = Morris.muStarConfidence(morris.get(i), i, seed.value());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      order.add(i);
    }
    Comparator<Integer> rank = sobol != null
        ? Comparator.comparingDouble(i -> -sobol.indices().get(i).st())
        : Comparator.comparingDouble(i -> -morris.get(i).muStar());
    order.sort(rank.thenComparing(i -> space.names().get(i)));
    PrintWriter pw = spec.commandLine().getOut();
    if (json.value() || store != null) {
      ObjectNode root = AnalysisSupport.mapper().createObjectNode();
      root.put("command", "sensitivity");
      root.put("file", file.toString());
      root.put("method", method.toString());
      root.put("output", output);
      root.put("seed", seed.value());
      root.put("runsPerPoint", runsPerPoint);
      if (morris != null) {
        root.put("morrisTrajectories", morrisK);
        root.put("morrisLevels", levels);
        root.put("morrisCandidates", candidates == null ? 4 * morrisK : candidates);
      }
      if (sobol != null) {
        root.put("sobolBaseSamples", sobolN);
        root.put("bootstrap", bootstrap);
        AnalysisSupport.put(root, "outputVariance", sobol.variance());
      }
      root.put("points", points);
      AnalysisSupport.put(root, "outputMin", range[0]);
      AnalysisSupport.put(root, "outputMax", range[1]);
      root.put("factors", !only.isEmpty() ? "selected" : factors.catalogue() ? "catalogue"
          : "declared");
      ArrayNode params = root.putArray("parameters");
      for (int i : order) {
        ObjectNode o = params.addObject();
        o.put("name", space.names().get(i));
        o.put("low", space.low()[i]);
        o.put("high", space.high()[i]);
        o.put("rangeSource", factors.sources().get(i));
        if (morris != null) {
          Morris.Effect e = morris.get(i);
          AnalysisSupport.put(o, "mu", e.mu());
          AnalysisSupport.put(o, "mu_star", e.muStar());
          AnalysisSupport.put(o, "sigma", e.sigma());
          AnalysisSupport.put(o, "mu_star_conf", muStarConf[i]);
        }
        if (sobol != null) {
          Sobol.Index x = sobol.indices().get(i);
          AnalysisSupport.put(o, "S1", x.s1());
          AnalysisSupport.put(o, "S1_lo", x.s1Lo());
          AnalysisSupport.put(o, "S1_hi", x.s1Hi());
          AnalysisSupport.put(o, "ST", x.st());
          AnalysisSupport.put(o, "ST_lo", x.stLo());
          AnalysisSupport.put(o, "ST_hi", x.stHi());
        }
      }
      if (rare.on()) {
        ArrayNode pts = root.putArray("rarePoints");
        for (RarePoint rp : rarePoints) {
          ObjectNode o = pts.addObject();
          ObjectNode at = o.putObject("parameters");
          for (int i = 0; i < k; i++) {
            AnalysisSupport.put(at, space.names().get(i), rp.x()[i]);
          }
          AnalysisSupport.put(o, "p", rp.result().p());
          AnalysisSupport.put(o, "lo", rp.result().lo());
          AnalysisSupport.put(o, "hi", rp.result().hi());
          AnalysisSupport.put(o, "relativeError", rp.result().relativeError());
          o.put("replications", rp.result().replications());
          o.put("simulatedWeeks", rp.result().simulatedWeeks());
          o.put("stop", rp.result().stop());
          o.put("upperBoundUsed", !(rp.result().p() > 0));
        }
      }
      StoreSession.finishAndPrint(store, root, json.value(), pw, AnalysisSupport.mapper());
    }
    if (!json.value()) {
      String perPoint = rare.on() ? ", a splitting estimate each"
          : AnalysisSupport.f(" x %d runs", runsPerPoint);
      pw.println(AnalysisSupport.f("sensitivity %s: output %s, method %s, %d factors (%s),"
          + " %d points%s, seed %d", file, output, method, k,
          !only.isEmpty() ? "selected" : factors.catalogue() ? "catalogue" : "declared", points,
          perPoint, seed.value()));
      pw.println((rare.on() ? "Effects are in decades of the rare-event probability (log10 of"
          + " its multilevel-splitting estimate) per whole range of the parameter; ranked by "
          : "Effects are in probability per whole range of the parameter; ranked by ")
          + (sobol != null ? "total Sobol index ST." : "Morris mu*."));
      pw.println();
      StringBuilder head = new StringBuilder(AnalysisSupport.f("%-4s %-26s %-19s", "rank",
          "parameter", "range"));
      if (morris != null) {
        head.append(AnalysisSupport.f(" %8s %8s %8s %8s", "mu*", "mu", "sigma", "mu*+-95%"));
      }
      if (sobol != null) {
        head.append(AnalysisSupport.f(" %20s %20s", "S1 [95%]", "ST [95%]"));
      }
      pw.println(head);
      int r = 1;
      for (int i : order) {
        StringBuilder row = new StringBuilder(AnalysisSupport.f("%-4d %-26s [%7.4g, %7.4g]", r++,
            space.names().get(i), space.low()[i], space.high()[i]));
        if (morris != null) {
          Morris.Effect e = morris.get(i);
          row.append(AnalysisSupport.f(" %8.4f %+8.4f %8.4f %8.4f", e.muStar(), e.mu(),
              e.sigma(), muStarConf[i]));
        }
        if (sobol != null) {
          Sobol.Index x = sobol.indices().get(i);
          row.append(AnalysisSupport.f(" %6.3f [%5.2f,%5.2f] %6.3f [%5.2f,%5.2f]", x.s1(),
              x.s1Lo(), x.s1Hi(), x.st(), x.stLo(), x.stHi()));
        }
        pw.println(row);
      }
      pw.println();
      if (morris != null) {
        pw.println("mu*+-95%: half-width of a bootstrap 95% interval of mu* over the"
            + " trajectories; parameters whose mu* differ by less are not ranked apart.");
      }
      if (rare.on()) {
        pw.println(AnalysisSupport.f("%s ranged from %.2f to %.2f over the design points.",
            output, range[0], range[1]));
        pw.println(rarePrecision(rarePoints));
      } else if (range[0] == range[1]) {
        pw.println(AnalysisSupport.f("The output did not change at any design point: P(%s) ="
            + " %.4f everywhere; no parameter can be ranked.", output, range[0]));
      } else {
        pw.println(AnalysisSupport.f("P(%s) ranged from %.4f to %.4f over the design points.",
            output, range[0], range[1]));
      }
      if (store != null) {
        pw.println(store.line());
      }
    }
    pw.flush();
    return 0;
  }

  private static double record(List<double[]> points, double[] x) {
    points.add(x.clone());
    return 0; // the designs do not depend on the outputs
  }

  /**
   * The output at one design point, as this command computes it: the share of
   * {@code runs} runs from {@code seed} (the same runs at every point: common random numbers)
   * in which the output {@code output} happened, with the factors {@code names} set to
   * {@code x} over the scenario {@code s}.
   *
   * @param progress receives the runs done (may be null)
   */
  public static double pointValue(Scenario s, List<String> names, double[] x, String output,
      long seed, int runs, int threads, java.util.function.LongConsumer progress) {
    var out = AnalysisSupport.output(AnalysisSupport.indicators(s), output);
    CompiledModel model = Models.compile(s, AnalysisSupport.parameters(s, names, x));
    long[] hits = new long[1];
    Ensemble.run(model, seed, runs, threads, run -> {
      if (out.test(run)) {
        hits[0]++;
      }
    }, progress);
    return hits[0] / (double) runs;
  }

  /** Whether {@link #evaluate} hands the points to Spark (the Spark module's subclass). */
  protected boolean onSpark() {
    return false;
  }

  /** The Spark master given with {@code --master}, or null. */
  protected final String master() {
    return master.value();
  }

  /** The scenario file. */
  protected final Path file() {
    return file;
  }

  /** The {@code --param NAME=VALUE} values given. */
  protected final List<String> fixedParameters() {
    return List.copyOf(params.specs);
  }

  /**
   * The output at every design point, in order (the Spark module's subclass computes them on
   * Spark with {@link #pointValue}); called only when {@link #onSpark()}.
   *
   * @param done receives the runs done over all points
   */
  protected double[] evaluate(Scenario s, List<String> names, List<double[]> points,
      String output, long seed, int runs, java.util.function.LongConsumer done) {
    throw new IllegalStateException("not on Spark");
  }

  /** One design point of a {@code --rare} screen: its parameter values and the estimate. */
  private record RarePoint(double[] x, Splitting.Result result) {}

  /**
   * How precise the design points' estimates were: the median and the largest relative error
   * of the points with an estimate, and how many had no trajectory at the event (their upper
   * bound stands in for the estimate).
   */
  static String rarePrecision(List<RarePoint> points) {
    List<Double> re = new ArrayList<>();
    int bounds = 0;
    for (RarePoint rp : points) {
      if (rp.result().p() > 0 && Double.isFinite(rp.result().relativeError())) {
        re.add(rp.result().relativeError());
      } else {
        bounds++;
      }
    }
    java.util.Collections.sort(re);
    String head = re.isEmpty() ? "No design point had an estimate above 0"
        : AnalysisSupport.f("Design points' relative errors: median %.1f%%, largest %.1f%%"
            + " (%d points)", 100 * (re.size() % 2 == 1 ? re.get(re.size() / 2)
                : (re.get(re.size() / 2 - 1) + re.get(re.size() / 2)) / 2),
            100 * re.get(re.size() - 1), re.size());
    return head + AnalysisSupport.f("; %d of %d points with no trajectory at the event (log10 of"
        + " the upper bound used).", bounds, points.size());
  }
}
