package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.backtest.Backtest;
import org.detente.backtest.Calibration;
import org.detente.backtest.CrisisCase;
import org.detente.backtest.CrisisForecast;
import org.detente.backtest.Evaluation;
import org.detente.backtest.IcbData;
import org.detente.backtest.Variable;
import org.detente.engine.ModelParameters;
import org.detente.model.ParameterCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detente calibrate}: fits global catalogue parameters on the training ICB crises with
 * CMA-ES over common random numbers, and reports the back-test scores before and after.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Fit global parameters of the catalogue on the training ICB crises (triggered before"
          + " --split) with CMA-ES: the objective is one minus the weighted mean Brier skill"
          + " (against the training climatology) of violence, outcome form, duration and the"
          + " actors' outcomes (--weights, 2, 2, 1, 1 by default), each crisis run with the same"
          + " seeds for"
          + " every candidate (common random numbers). Prints the fitted values, the objective"
          + " before and after, and the back-test scores of the training and held-out crises"
          + " before and after. The bundled scenarios take no part. Exit code 0 on success, 1 for"
          + " invalid input, 2 for a usage error."
    })
public final class CalibrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-n", "--runs"}, paramLabel = "N", defaultValue = "100",
      description = "Runs per training crisis and candidate (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--eval-runs", paramLabel = "N", defaultValue = "1000",
      description = "Runs per crisis of the back-tests before and after (default:"
          + " ${DEFAULT-VALUE}).")
  int evalRuns;

  @Option(names = "--generations", paramLabel = "G", defaultValue = "12",
      description = "Most CMA-ES generations (default: ${DEFAULT-VALUE}).")
  int generations;

  @Option(names = "--population", paramLabel = "P", defaultValue = "8",
      description = "Candidates per CMA-ES generation (default: ${DEFAULT-VALUE}).")
  int population;

  @Option(names = "--parameters", paramLabel = "NAMES", split = ",",
      description = "Catalogue parameters to fit (default: qreLambda, warCost, crisisCost,"
          + " consultValue, audienceCost, dealAudienceShare, attackCommit, offerShift,"
          + " incidentRate) or, with --screen,"
          + " to screen (default: all of the catalogue).")
  List<String> parameters;

  @Option(names = "--screen", description = "Instead of fitting, screen the parameters one at a"
      + " time: the training objective with each at the low and the high end of its catalogue"
      + " range, the others at their defaults (--runs runs per crisis, common random numbers),"
      + " largest effect first.")
  boolean screen;

  @Option(names = "--weights", paramLabel = "W", split = ",",
      description = "Weights of violence, outcome form, duration and the actors' outcomes in the"
          + " objective: four non-negative numbers, not all zero (default: 2,2,1,1).")
  List<String> weights;

  @Option(names = "--split", paramLabel = "YEAR",
      defaultValue = "" + BacktestCommand.DEFAULT_SPLIT,
      description = "First trigger year of the held-out crises (default: ${DEFAULT-VALUE}).")
  int split;

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.Threads threads;

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Option(names = "--no-timing", description = "Leave the seconds out.")
  boolean noTiming;

  @Override
  public Integer call() throws IOException {
    for (String[] o : new String[][] {{"--runs", "" + runs}, {"--eval-runs", "" + evalRuns},
        {"--generations", "" + generations}, {"--threads", "" + threads.value()}}) {
      if (Integer.parseInt(o[1]) < 1) {
        throw new InvalidInputException(Message.AT_LEAST, o[0], 1, Integer.parseInt(o[1]));
      }
    }
    if (population < 2) {
      throw new InvalidInputException(Message.AT_LEAST, "--population", 2, population);
    }
    if (parameters == null) {
      parameters = new ArrayList<>(screen ? ParameterCatalog.names()
          : Calibration.DEFAULT_PARAMETERS);
    }
    for (String p : parameters) {
      if (ParameterCatalog.indexOf(p) < 0) {
        throw new UsageException(Message.UNKNOWN_NAME, "model parameter", p,
            String.join(", ", ParameterCatalog.names()));
      }
    }
    double[] wts = weights();
    long t0 = System.nanoTime();
    IcbData data = IcbData.bundled();
    Backtest.Prepared prepared = Backtest.prepare(data, Set.of(), Models::compile, null);
    List<CrisisCase> training = new ArrayList<>();
    for (CrisisCase c : prepared.cases()) {
      if (c.year() < split) {
        training.add(c);
      }
    }
    ModelParameters start = ModelParameters.defaults();
    if (screen) {
      return screen(prepared, training, start, wts, t0);
    }
    long evalWork = 2L * evalRuns * prepared.cases().size();
    long fitWork = (long) (generations * population + 2) * runs * training.size();
    Calibration.Fitted fitted;
    Evaluation before;
    Evaluation after;
    try (Progress progress = Progress.start(spec, progressFlags, "calibrate",
        fitWork + evalWork, " runs")) {
      java.util.function.LongConsumer fitBar = progress.stage(fitWork,
          (long) generations * population + 2);
      fitted = Calibration.fit(training, Models::compile, start, parameters, wts, runs,
          seed.value(), threads.value(), generations, population, fitBar);
      List<CrisisForecast> fb = Backtest.run(prepared.cases(), Models::compile, start, evalRuns,
          seed.value(), threads.value(), progress.stage(evalWork / 2));
      before = Evaluation.evaluate(prepared.cases(), fb, split);
      ModelParameters fittedParams = Calibration.apply(start, fitted.values());
      List<CrisisForecast> fa = Backtest.run(prepared.cases(), Models::compile, fittedParams,
          evalRuns, seed.value(), threads.value(), progress.stage(evalWork / 2));
      after = Evaluation.evaluate(prepared.cases(), fa, split);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("method", "CMA-ES (Hipparchus), common random numbers");
    root.put("runs", runs);
    root.put("evalRuns", evalRuns);
    root.put("generations", fitted.generations());
    root.put("population", population);
    root.put("evaluations", fitted.evaluations());
    root.put("seed", seed.value());
    root.put("split", split);
    root.put("trainingCrises", training.size());
    weightsJson(root, wts);
    ObjectNode ps = root.putObject("parameters");
    for (String p : parameters) {
      ObjectNode o = ps.putObject(p);
      o.put("default", start.get(p));
      o.put("fitted", r4(fitted.values().get(p)));
      o.put("spread", r4(fitted.spread().get(p)));
      o.put("low", ParameterCatalog.byName(p).low());
      o.put("high", ParameterCatalog.byName(p).high());
    }
    ObjectNode obj = root.putObject("objective");
    obj.put("before", r4(fitted.before()));
    obj.put("after", r4(fitted.after()));
    for (String which : new String[] {"before", "after"}) {
      Evaluation ev = which.equals("before") ? before : after;
      ObjectNode w = root.putObject(which + "Scores");
      for (String set : BacktestReport.SETS) {
        Evaluation.SetScores s = set.equals("training") ? ev.training() : ev.heldOut();
        ObjectNode so = w.putObject(set);
        for (Variable v : Variable.values()) {
          Evaluation.VariableScores vs = s.scores().get(v);
          ObjectNode vo = so.putObject(v.key());
          vo.put("brier", r4(vs.brier()));
          vo.put("rps", r4(vs.rps()));
          vo.put("log", r4(vs.log()));
          vo.put("brierSkill", r4(vs.brierSkill()));
          vo.put("rpsSkill", r4(vs.rpsSkill()));
          vo.put("brierSkillVsBaseline", r4(vs.brierSkillVsBaseline()));
          vo.put("rpsSkillVsBaseline", r4(vs.rpsSkillVsBaseline()));
        }
      }
    }
    if (!noTiming) {
      root.put("seconds", Math.round(seconds * 10) / 10.0);
    }
    PrintWriter pw = spec.commandLine().getOut();
    if (json.value()) {
      pw.println(mapper.writeValueAsString(root));
    } else {
      pw.printf(Locale.ROOT, "Calibration on %d training ICB crises (triggered before %d): CMA-ES,"
              + " %d generations of %d, %d runs per crisis and candidate, seed %d%n",
          training.size(), split, fitted.generations(), population, runs, seed.value());
      pw.printf(Locale.ROOT, "objective (1 - weighted mean Brier skill on the training crises,"
              + " weights %s): %.4f -> %.4f%n%n", weightsText(wts), fitted.before(),
          fitted.after());
      pw.printf(Locale.ROOT, "  %-14s %9s %9s %9s   %s%n", "parameter", "default", "fitted",
          "spread", "range");
      for (String p : parameters) {
        pw.printf(Locale.ROOT, "  %-14s %9.4f %9.4f %9.4f   [%s, %s]%n", p, start.get(p),
            fitted.values().get(p), fitted.spread().get(p), ParameterCatalog.byName(p).low(),
            ParameterCatalog.byName(p).high());
      }
      pw.printf(Locale.ROOT, "%nBrier skill against climatology, before -> after (%d runs per"
          + " crisis)%n", evalRuns);
      pw.printf(Locale.ROOT, "  %-13s %17s %17s%n", "variable", "training", "held out");
      for (Variable v : Variable.values()) {
        pw.printf(Locale.ROOT, "  %-13s %+7.3f -> %+7.3f %+7.3f -> %+7.3f%n", v.key(),
            before.training().scores().get(v).brierSkill(),
            after.training().scores().get(v).brierSkill(),
            before.heldOut().scores().get(v).brierSkill(),
            after.heldOut().scores().get(v).brierSkill());
      }
      if (!noTiming) {
        pw.printf(Locale.ROOT, "%.1f s%n", seconds);
      }
    }
    pw.flush();
    return 0;
  }

  /** The objective's weights from --weights, or {@link Calibration#WEIGHTS}. */
  private double[] weights() {
    if (weights == null) {
      return Calibration.WEIGHTS.clone();
    }
    if (weights.size() != Calibration.WEIGHTS.length) {
      throw new UsageException(Message.COUNT, "--weights", Calibration.WEIGHTS.length,
          "comma-separated numbers (violence, outcome form, duration, actor outcome), got "
              + weights.size());
    }
    double[] w = new double[weights.size()];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      try {
        w[i] = Double.parseDouble(weights.get(i).trim());
      } catch (NumberFormatException e) {
        throw new UsageException(Message.OPTION_VALUE, "--weights", weights.get(i),
            "expected a number");
      }
      if (!Double.isFinite(w[i]) || w[i] < 0) {
        throw new UsageException(Message.OPTION_VALUE, "--weights", weights.get(i),
            "expected a finite number of at least 0");
      }
      sum += w[i];
    }
    if (sum == 0) {
      throw new UsageException(Message.ALL_ZERO, "--weights");
    }
    return w;
  }

  private static void weightsJson(ObjectNode root, double[] w) {
    ObjectNode o = root.putObject("weights");
    Variable[] vs = Variable.values();
    for (int i = 0; i < vs.length; i++) {
      o.put(vs[i].key(), w[i]);
    }
  }

  private static String weightsText(double[] w) {
    StringBuilder b = new StringBuilder();
    for (double x : w) {
      b.append(b.length() == 0 ? "" : ",")
          .append(x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
              : Double.toString(x));
    }
    return b.toString();
  }

  private int screen(Backtest.Prepared prepared, List<CrisisCase> training,
      ModelParameters start, double[] w, long t0) throws IOException {
    long evals = 1 + 2L * parameters.size();
    List<Calibration.Screened> rows;
    try (Progress progress = Progress.start(spec, progressFlags, "screen",
        evals * runs * training.size(), " runs")) {
      rows = Calibration.screen(training, Models::compile, start, parameters, w, runs,
          seed.value(), threads.value(), progress.stage(evals * runs * training.size(), evals));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    PrintWriter pw = spec.commandLine().getOut();
    if (json.value()) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      root.put("method", "one at a time, catalogue range ends, common random numbers");
      root.put("runs", runs);
      root.put("seed", seed.value());
      root.put("split", split);
      root.put("trainingCrises", training.size());
      weightsJson(root, w);
      root.put("objectiveAtDefaults", r4(rows.isEmpty() ? Double.NaN : rows.get(0).atDefault()));
      ObjectNode ps = root.putObject("parameters");
      for (Calibration.Screened r : rows) {
        ObjectNode o = ps.putObject(r.name());
        o.put("low", r.low());
        o.put("high", r.high());
        o.put("atLow", r4(r.atLow()));
        o.put("atHigh", r4(r.atHigh()));
        o.put("effect", r4(r.effect()));
      }
      if (!noTiming) {
        root.put("seconds", Math.round(seconds * 10) / 10.0);
      }
      pw.println(mapper.writeValueAsString(root));
    } else {
      pw.printf(Locale.ROOT, "Screen on %d training ICB crises (triggered before %d): each"
              + " parameter at either end of its range, %d runs per crisis, seed %d%n",
          training.size(), split, runs, seed.value());
      pw.printf(Locale.ROOT, "objective (1 - weighted mean Brier skill, weights %s) at the"
          + " defaults: %.4f%n%n", weightsText(w),
          rows.isEmpty() ? Double.NaN : rows.get(0).atDefault());
      pw.printf(Locale.ROOT, "  %-22s %9s %9s %9s %9s %8s%n", "parameter", "low", "high",
          "at low", "at high", "effect");
      for (Calibration.Screened r : rows) {
        pw.printf(Locale.ROOT, "  %-22s %9.4g %9.4g %9.4f %9.4f %8.4f%n", r.name(), r.low(),
            r.high(), r.atLow(), r.atHigh(), r.effect());
      }
      if (!noTiming) {
        pw.printf(Locale.ROOT, "%.1f s%n", seconds);
      }
    }
    pw.flush();
    return 0;
  }

  private static double r4(double v) {
    return Double.isFinite(v) ? Math.round(v * 10000) / 10000.0 : Double.NaN;
  }
}
