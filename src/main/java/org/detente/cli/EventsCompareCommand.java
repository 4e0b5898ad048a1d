package org.detente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.engine.ModelParameters;
import org.detente.events.Cameo;
import org.detente.events.EventComparison;
import org.detente.events.WeeklySeries;
import org.detente.report.EventsChart;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente events compare}: simulated against observed weekly event mix. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Set the simulated weekly event mix of an ensemble against an observed weekly series"
          + " (from 'events import') for the same directed dyads and weeks: quad-class shares,"
          + " the weekly mean Goldstein value with the ensemble's bands, the CRPS of the"
          + " observed weekly means under the ensemble (with a climatological reference) and"
          + " the energy distance between the weekly quad-share distributions."
    })
public final class EventsCompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
  Path file;

  @Parameters(index = "1", paramLabel = "OBSERVED",
      description = "Observed weekly series: weekly.csv of 'events import --out', or that"
          + " folder.")
  Path observedPath;

  @Option(names = "--dyads", split = ",", paramLabel = "A>B",
      description = "Directed dyads compared (default: every dyad of the series whose actors"
          + " the scenario has).")
  List<String> dyads = new ArrayList<>();

  @Option(names = "--svg", paramLabel = "FILE", description = "Write the chart (SVG) here.")
  Path svg;

  @Mixin SharedOptions.Policies policies;

  @Mixin SharedOptions.Runs runs;

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.Threads threads;

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Override
  public Integer call() throws Exception {
    AnalysisSupport.checkPositive("--runs", runs.value());
    AnalysisSupport.checkPositive("--threads", threads.value());
    Scenario s = AnalysisSupport.load(file, policies.names());
    EventComparison c = comparison(s, observedPath, dyads);
    CompiledModel model = Models.compile(s, ModelParameters.from(s));
    try (Progress progress = Progress.start(spec, progressFlags, "events compare",
        runs.value(), " runs")) {
      Ensemble.run(model, seed.value(), runs.value(), threads.value(), c,
          progress.stage(runs.value()));
    }
    if (svg != null) {
      OutputFiles.write(svg, EventsChart.document(c));
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json.value()) {
      o.println(AnalysisSupport.mapper().writeValueAsString(toJson(c)));
    } else {
      print(o, c);
    }
    o.flush();
    return 0;
  }

  /**
   * The comparison of scenario {@code s} with the series at {@code path} over {@code dyads}
   * (empty: every dyad of the series), checked: dyads of two different actors of the scenario,
   * at least one dyad, weeks from the scenario's week 0 on.
   */
  static EventComparison comparison(Scenario s, Path path, List<String> dyads) {
    WeeklySeries observed = WeeklySeries.read(EventsEvidenceCommand.resolve(path));
    for (String d : dyads) {
      String[] p = d.split(">", -1);
      if (p.length != 2 || s.actorIndex(p[0]) < 0 || s.actorIndex(p[1]) < 0
          || p[0].equals(p[1])) {
        throw new UsageException(Message.OPTION_VALUE, "--dyads", d,
            "expected SOURCE>TARGET, two different actor ids of the scenario");
      }
    }
    EventComparison c = new EventComparison(s, observed, dyads);
    if (c.dyads().isEmpty()) {
      throw new InvalidInputException(Message.FILE_PROBLEM, path,
          "no dyad of the series has two actors of scenario '" + s.meta().id() + "'");
    }
    if (c.weeks() == 0) {
      throw new InvalidInputException(Message.FILE_PROBLEM, path,
          "the series ends before the scenario's week 0 (" + s.meta().asOf() + ")");
    }
    return c;
  }

  private ObjectNode toJson(EventComparison c) {
    ObjectNode root = AnalysisSupport.mapper().createObjectNode();
    root.put("command", "events compare");
    root.put("file", file.toString());
    root.put("observed", observedPath.toString());
    ArrayNode in = root.putArray("inputs");
    c.observed().inputs().forEach(in::add);
    root.put("seed", seed.value());
    root.put("runs", runs.value());
    ArrayNode dy = root.putArray("dyads");
    c.dyads().forEach(dy::add);
    root.put("weeks", c.weeks());
    root.put("week0", c.scenario().meta().asOf().toString());
    ObjectNode shares = root.putObject("quadShares");
    for (int q = 1; q <= 4; q++) {
      ObjectNode o = shares.putObject(Integer.toString(q));
      o.put("name", Cameo.QUAD_NAMES.get(q));
      AnalysisSupport.put(o, "observed", c.observedShare(q));
      double[] m = c.simulatedShare(q);
      AnalysisSupport.put(o, "simulated", m[0]);
      AnalysisSupport.put(o, "simulatedP05", m[1]);
      AnalysisSupport.put(o, "simulatedP95", m[2]);
    }
    ArrayNode perDyad = root.putArray("byDyad");
    for (int d = 0; d < c.dyads().size(); d++) {
      ObjectNode o = perDyad.addObject();
      o.put("dyad", c.dyads().get(d));
      ObjectNode ob = o.putObject("observed");
      ObjectNode sm = o.putObject("simulated");
      for (int q = 1; q <= 4; q++) {
        ob.put(Integer.toString(q), c.observedDyad(d, q));
        sm.put(Integer.toString(q), c.simulatedDyad(d, q));
      }
    }
    double[] crps = c.crps();
    ObjectNode cr = root.putObject("crps");
    AnalysisSupport.put(cr, "ensemble", crps[0]);
    AnalysisSupport.put(cr, "climatology", crps[1]);
    AnalysisSupport.put(cr, "skill", 1 - crps[0] / crps[1]);
    cr.put("weeksScored", (int) crps[2]);
    double[] e = c.energyDistance();
    ObjectNode en = root.putObject("energyDistance");
    AnalysisSupport.put(en, "d2", e[0]);
    en.put("simulatedRunWeeks", (int) e[1]);
    en.put("observedWeeks", (int) e[2]);
    ArrayNode weeks = root.putArray("weekly");
    for (int w = 0; w < c.weeks(); w++) {
      ObjectNode o = weeks.addObject();
      o.put("week", w);
      o.put("observedEvents", c.observedEvents(w));
      AnalysisSupport.put(o, "observedGoldstein", c.observedGoldstein(w));
      AnalysisSupport.put(o, "simulatedEvents", c.simulatedEvents(w));
      double[] v = c.simulatedGoldstein(w);
      o.put("simulatedRunsWithEvents", v.length);
      AnalysisSupport.put(o, "simulatedP05", EventComparison.quantile(v, 0.05));
      AnalysisSupport.put(o, "simulatedP25", EventComparison.quantile(v, 0.25));
      AnalysisSupport.put(o, "simulatedMedian", EventComparison.quantile(v, 0.5));
      AnalysisSupport.put(o, "simulatedP75", EventComparison.quantile(v, 0.75));
      AnalysisSupport.put(o, "simulatedP95", EventComparison.quantile(v, 0.95));
    }
    return root;
  }

  private void print(PrintWriter o, EventComparison c) {
    o.println(String.format(Locale.ROOT, "events compare %s against %s: %d runs, seed %d,"
        + " dyads %s, weeks 0-%d (week 0 = %s)", file, observedPath, c.runs(), seed.value(),
        String.join(", ", c.dyads()), c.weeks() - 1, c.scenario().meta().asOf()));
    o.println("observed: " + String.join("; ", c.observed().inputs()));
    o.println();
    o.println(String.format(Locale.ROOT, "  %-22s %10s %12s %18s", "quad class", "observed",
        "simulated", "5-95% of runs"));
    for (int q = 1; q <= 4; q++) {
      double[] m = c.simulatedShare(q);
      o.println(String.format(Locale.ROOT, "  %d %-20s %9.1f%% %11.1f%% %8.1f-%5.1f%%", q,
          Cameo.QUAD_NAMES.get(q), 100 * c.observedShare(q), 100 * m[0], 100 * m[1],
          100 * m[2]));
    }
    o.println();
    o.println(String.format(Locale.ROOT, "  %-10s %28s %28s", "dyad",
        "observed events q1/q2/q3/q4", "simulated per run q1/q2/q3/q4"));
    for (int d = 0; d < c.dyads().size(); d++) {
      StringBuilder ob = new StringBuilder();
      StringBuilder sm = new StringBuilder();
      for (int q = 1; q <= 4; q++) {
        ob.append(q == 1 ? "" : "/").append(c.observedDyad(d, q));
        sm.append(q == 1 ? "" : "/").append(String.format(Locale.ROOT, "%.1f",
            (double) c.simulatedDyad(d, q) / Math.max(1, c.runs())));
      }
      o.println(String.format(Locale.ROOT, "  %-10s %28s %28s", c.dyads().get(d), ob, sm));
    }
    o.println();
    double[] crps = c.crps();
    double[] e = c.energyDistance();
    o.println(String.format(Locale.ROOT, "CRPS of the observed weekly mean Goldstein value: %.2f"
        + " under the ensemble, %.2f under observed climatology (skill %.2f), %d weeks scored",
        crps[0], crps[1], 1 - crps[0] / crps[1], (int) crps[2]));
    o.println(String.format(Locale.ROOT, "energy distance D² of weekly quad-share vectors: %.3f"
        + " (%d simulated run-weeks, %d observed weeks; 0 = same distribution)", e[0], (int) e[1],
        (int) e[2]));
    o.println();
    o.println(String.format(Locale.ROOT, "  %4s %9s %10s %10s %22s", "week", "observed",
        "obs. mean", "sim. runs", "sim. median (5-95%)"));
    for (int w = 0; w < c.weeks(); w++) {
      double[] v = c.simulatedGoldstein(w);
      o.println(String.format(Locale.ROOT, "  %4d %9d %10s %10d %22s", w, c.observedEvents(w),
          Double.isNaN(c.observedGoldstein(w)) ? "-"
              : String.format(Locale.ROOT, "%.2f", c.observedGoldstein(w)), v.length,
          v.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f (%.2f to %.2f)",
              EventComparison.quantile(v, 0.5), EventComparison.quantile(v, 0.05),
              EventComparison.quantile(v, 0.95))));
    }
    if (svg != null) {
      o.println();
      o.println("chart: " + svg);
    }
  }
}
