package org.detente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detente.DetenteException;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.InvalidInputException;
import org.detente.analysis.EnsembleRunner;
import org.detente.analysis.EnsembleSummary;
import org.detente.analysis.Indicators;
import org.detente.analysis.ParameterSpace;
import org.detente.analysis.PolicyComparison;
import org.detente.engine.CompiledModel;
import org.detente.engine.RareTarget;
import org.detente.engine.Splitting;
import org.detente.engine.Ensemble;
import org.detente.engine.ModelParameters;
import org.detente.report.Borders;
import org.detente.report.HtmlReport;
import org.detente.report.ReportData;
import org.detente.report.ReportInput;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente report}: a self-contained HTML report. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a self-contained HTML report: inline SVG charts, no script, nothing " +
      "fetched when opened. Sections: the scenario's assumptions, outcome " +
      "probabilities with intervals, casualty distributions, time-to-event curves, " +
      "the most frequent escalation paths, policy comparison (with --policy), a " +
      "tornado chart (each parameter at the low and high end of its range) and a " +
      "map of theaters, control and strikes. The file is written atomically."
    })
public final class ReportCommand implements Callable<Integer> {

  /** Name of the report in the output folder. */
  static final String REPORT_FILE = "report.html";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  @Mixin SharedOptions.PolicyArms policyArms;

  @Mixin SharedOptions.Runs runsOption;

  @Mixin SharedOptions.Seed seedOption;

  @Mixin SharedOptions.Params params;

  @Mixin SharedOptions.Threads threadsOption;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Mixin RareOptions rare;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "Output folder: receives " + REPORT_FILE + ", atomically. As for every"
          + " --out, DIR must be new, empty, or a previous output folder holding only what"
          + " Detente wrote there.")
  Path out;

  @Option(names = "--tornado-runs", defaultValue = "200", paramLabel = "R",
      description = "Runs per tornado point; 0 leaves the tornado out (default: ${DEFAULT-VALUE}).")
  int tornadoRuns;

  /**
   * Which parameters the tornado varies.
   * The constants are the words of the command line, as picocli lists them in help and errors.
   */
  enum TornadoParameters {
    declared, all;
  }

  @Option(names = "--tornado-parameters", defaultValue = "all", paramLabel = "WHICH",
      description = "${COMPLETION-CANDIDATES}: the tornado over the parameters the scenario"
          + " declares or over every catalogue parameter (default: ${DEFAULT-VALUE}).")
  TornadoParameters tornadoParameters;

  @Option(names = "--tornado-output", defaultValue = AUTO, paramLabel = "NAME",
      description = "Output of the tornado: outcome class, nuclear_use, question id,"
          + " rung>=N, or auto: the outcome class, nuclear_use or question that varies most"
          + " across the baseline runs (default: ${DEFAULT-VALUE}).")
  String tornadoOutput;

  @Option(names = "--observed", paramLabel = "SERIES",
      description = "Add a section setting the baseline runs' weekly event mix against this"
          + " observed series (weekly.csv of 'events import --out', or that folder).")
  Path observed;

  @Option(names = "--dyads", split = ",", paramLabel = "A>B",
      description = "With --observed: the directed dyads compared (default: every dyad of the"
          + " series whose actors the scenario has).")
  List<String> dyads = new ArrayList<>();

  /** The --tornado-output value that lets the report choose the most variable indicator. */
  static final String AUTO = "auto";

  @Override
  public Integer call() throws Exception {
    if (out.getFileName() != null && out.getFileName().toString().endsWith(".html")) {
      throw new UsageException(Message.OPTION_VALUE, "--out", out,
          "--out names a folder, which receives " + REPORT_FILE + "; give a folder name (e.g. --out "
          + out.toString().replaceAll("\\.html$", "") + ")");
    }
    try (OutputFolder folder = OutputFolder.prepare("--out", out)) {
      return report(folder);
    }
  }

  private int report(OutputFolder folder) throws Exception {
    List<String> policies = policyArms.names();
    int runs = runsOption.value();
    long seed = seedOption.value();
    int nThreads = threadsOption.value();
    AnalysisSupport.checkPositive("--runs", runs);
    AnalysisSupport.checkPositive("--threads", nThreads);
    if (tornadoRuns < 0) {
      throw new InvalidInputException(Message.AT_LEAST, "--tornado-runs", 0, tornadoRuns);
    }
    Scenario s = AnalysisSupport.load(file, List.of(), params);
    Indicators ind = AnalysisSupport.indicators(s);
    boolean auto = tornadoOutput.equals(AUTO);
    var tornadoOut = auto ? null : AnalysisSupport.output(ind, tornadoOutput);
    List<Scenario> policyScenarios = new ArrayList<>();
    for (String p : policies) {
      policyScenarios.add(AnalysisSupport.load(file, List.of(p), params));
    }
    AnalysisSupport.Factors factors =
        AnalysisSupport.factors(s, tornadoParameters == TornadoParameters.all);
    ParameterSpace space = factors.space();
    long total = (long) runs * (1 + policies.size())
        + (tornadoRuns == 0 ? 0 : (long) tornadoRuns * (1 + 2L * space.size()));
    PolicyComparison.Result comparison = null;
    String tornadoName = tornadoOutput;
    String tornadoWhy = null;
    List<ReportInput.TornadoBar> tornado = new ArrayList<>();
    ReportData data;
    org.detente.events.EventComparison events = observed == null ? null
        : EventsCompareCommand.comparison(s, observed, dyads);
    try (Progress progress = Progress.start(spec, progressFlags, "report", total, " runs")) {
      CompiledModel baseModel = Models.compile(s, ModelParameters.from(s));
      data = new ReportData(new EnsembleSummary(baseModel));
      org.detente.engine.RunSink baseSink = events == null ? data
          : org.detente.analysis.TeeSink.of(data, events);
      EnsembleRunner baseRunner =
          AnalysisSupport.runner(baseModel, seed, runs, nThreads, progress);
      if (policies.isEmpty()) {
        baseRunner.run(baseSink);
      } else {
        List<PolicyComparison.Arm> arms = new ArrayList<>();
        arms.add(new PolicyComparison.Arm("baseline", baseRunner, baseSink));
        for (int i = 0; i < policies.size(); i++) {
          Scenario ps = policyScenarios.get(i);
          if (!AnalysisSupport.indicators(ps).names().equals(ind.names())) {
            throw new InvalidInputException(Message.POLICY_CHANGES_QUESTIONS,
                policies.get(i), "cannot compare");
          }
          CompiledModel m = Models.compile(ps, ModelParameters.from(ps));
          arms.add(new PolicyComparison.Arm(policies.get(i),
              AnalysisSupport.runner(m, seed, runs, nThreads, progress), null));
        }
        comparison = PolicyComparison.compare(arms, ind, runs);
      }

      if (auto) {
        EnsembleSummary sum = data.summary();
        int best = ind.mostVariable(sum);
        if (best < 0) {
          best = ind.indexOf(Indicators.NUCLEAR_USE);
          tornadoWhy = "Every outcome class and question holds in all " + sum.runs()
              + " baseline runs or in none, so no output varies; the tornado shows "
              + Indicators.NUCLEAR_USE + ".";
        } else {
          double p = ind.count(sum, best) / (double) sum.runs();
          tornadoWhy = String.format(Locale.ROOT, "The output was chosen (--tornado-output auto)"
              + " as the outcome class or question that varies most across the %d baseline runs:"
              + " p = %.1f%%, variance p(1 − p) = %.3f.", sum.runs(), 100 * p, p * (1 - p));
        }
        tornadoName = ind.names().get(best);
        tornadoOut = AnalysisSupport.output(ind, tornadoName);
      }

      if (tornadoRuns > 0) {
        double[] values = new double[space.size()];
        ModelParameters base = ModelParameters.from(s);
        for (int i = 0; i < values.length; i++) {
          values[i] = base.get(space.names().get(i));
        }
        double baseOut = fraction(baseModel, tornadoOut, nThreads, progress);
        for (int i = 0; i < space.size(); i++) {
          double[] lo = values.clone();
          lo[i] = space.low()[i];
          double[] hi = values.clone();
          hi[i] = space.high()[i];
          double outLo = fraction(Models.compile(s,
              AnalysisSupport.parameters(s, space.names(), lo)), tornadoOut, nThreads,
              progress);
          double outHi = fraction(Models.compile(s,
              AnalysisSupport.parameters(s, space.names(), hi)), tornadoOut, nThreads,
              progress);
          tornado.add(new ReportInput.TornadoBar(space.names().get(i), space.low()[i],
              space.high()[i], outLo, outHi, baseOut));
        }
      }
    }

    Map<String, String> options = new LinkedHashMap<>();
    options.put("command", reproduceCommand());
    options.put("scenario file", file.toString());
    options.put("scenario id", s.meta().id());
    options.put("seed", Long.toString(seed));
    options.put("runs", Integer.toString(runs));
    options.put("policies", policies.isEmpty() ? "(none)" : String.join(", ", policies));
    options.put("tornado runs per point", Integer.toString(tornadoRuns));
    options.put("tornado parameters", tornadoParameters + " (" + space.size() + ")");
    options.put("tornado output", auto ? tornadoName + " (auto)" : tornadoOutput);
    options.put("model parameters", ModelParameters.from(s).asMap().toString());
    String version = ReportCommand.class.getPackage().getImplementationVersion();
    options.put("detente version", version == null ? "development build" : version);

    ReportInput.RareEvent rareEvent = null;
    if (rare.on()) {
      CompiledModel model = Models.compile(s, ModelParameters.from(s));
      RareTarget target = rare.target(model);
      Splitting.Result r = RareOptions.estimate(spec, progressFlags, "report --rare", model, target,
          seed, rare.options(nThreads), RareOptions.KEEP_PATHS);
      List<ReportInput.RarePath> paths = new ArrayList<>();
      String args = RareOptions.replayArgs(file.toString(), seed, List.of(), null, List.of())
          + params.replayArgs();
      for (Splitting.PathGroup g : r.paths()) {
        if (paths.size() < 8) {
          paths.add(new ReportInput.RarePath(g.description(), g.probability(),
              RareOptions.replay(args, g.example(), r.tilt())));
        }
      }
      rareEvent = new ReportInput.RareEvent(target.id(), r.p(), r.lo(), r.hi(),
          r.relativeError(), r.replications(), r.simulatedWeeks(), r.bruteForceRuns(), paths);
      options.put("rare event", target.id() + " (multilevel splitting, relative error target "
          + rare.error + ", " + r.replications() + " replications)");
    }

    List<double[]> borders = Borders.load();
    if (observed != null) {
      options.put("observed event series", observed.toString());
    }
    String html = HtmlReport.render(new ReportInput(s, options, data, comparison, tornado,
        tornadoName, tornadoWhy, borders, borders == null ? null : Borders.CREDIT, rareEvent),
        events);
    OutputFiles.write(folder.staging().resolve(REPORT_FILE), html);
    folder.publish();
    PrintWriter pw = spec.commandLine().getOut();
    pw.println("report written to " + out.resolve(REPORT_FILE) + " (" + html.length() / 1024
        + " KiB, "
        + runs + " runs, seed " + seed + ")");
    pw.flush();
    return 0;
  }

  /**
   * The command that makes this report again, to paste in a shell at the repository root (the
   * launcher {@code ./detente}, the scenario and output paths as given), each argument quoted
   * when the shell would otherwise split or expand it.
   */
  String reproduceCommand() {
    List<String> a = new ArrayList<>(List.of("./detente", "report", file.toString(), "--runs",
        Integer.toString(runsOption.value()), "--seed", Long.toString(seedOption.value())));
    for (String p : policyArms.names()) {
      a.add("--policy");
      a.add(p);
    }
    a.addAll(List.of("--tornado-runs", Integer.toString(tornadoRuns), "--tornado-parameters",
        tornadoParameters.name(), "--tornado-output", tornadoOutput));
    if (observed != null) {
      a.add("--observed");
      a.add(observed.toString());
      if (!dyads.isEmpty()) {
        a.add("--dyads");
        a.add(String.join(",", dyads));
      }
    }
    if (rare.on()) {
      a.addAll(List.of("--rare", rare.target, "--rare-error", Double.toString(rare.error),
          "--rare-particles", Integer.toString(rare.particles), "--rare-tilt",
          Double.toString(rare.tilt)));
      if (rare.budget != null) {
        a.addAll(List.of("--rare-budget", rare.budget));
      }
    }
    a.addAll(List.of("--out", out.toString()));
    StringBuilder b = new StringBuilder();
    for (String x : a) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(x.matches("[A-Za-z0-9_./:=@%+,-]+") ? x : "'" + x.replace("'", "'\\''") + "'");
    }
    return b.toString();
  }

  private double fraction(CompiledModel model,
      java.util.function.Predicate<org.detente.engine.RunView> output, int nThreads,
      Progress progress) {
    long[] hits = new long[1];
    Ensemble.run(model, seedOption.value(), tornadoRuns, nThreads, run -> {
      if (output.test(run)) {
        hits[0]++;
      }
    }, progress.stage(tornadoRuns));
    return hits[0] / (double) tornadoRuns;
  }
}
