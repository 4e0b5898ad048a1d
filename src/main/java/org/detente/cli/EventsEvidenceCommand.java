package org.detente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.analysis.Evidence;
import org.detente.events.Cameo;
import org.detente.events.EvidenceBuilder;
import org.detente.events.WeeklySeries;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente events evidence}: thresholds on a weekly series to an evidence file. */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description = {
      "Turn thresholds on a weekly series (from 'events import') into an evidence file for"
          + " 'hypotheses': an observed event for each dyad, CAMEO root code with Detente"
          + " actions and window of weeks with at least --min events of it each week; a"
          + " non-event for each dyad and --absent root that never reaches --min. Each item"
          + " cites its rows (FILE:LINE of the inputs)."
    })
public final class EventsEvidenceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERIES",
      description = "Weekly series: the weekly.csv of 'events import --out', or that folder.")
  Path seriesPath;

  @Option(names = "--scenario", required = true, paramLabel = "FILE",
      description = "Scenario whose clock and actor ids the evidence uses.")
  Path scenarioFile;

  @Option(names = "--min", defaultValue = "3", paramLabel = "N",
      description = "Events of a root code in a week for the week to count"
          + " (default: ${DEFAULT-VALUE}).")
  int minEvents;

  @Option(names = "--gap", defaultValue = "1", paramLabel = "G",
      description = "Weeks below --min that may separate two counted weeks of one window"
          + " (default: ${DEFAULT-VALUE}).")
  int gap;

  @Option(names = "--absent", split = ",", defaultValue = "18,19,20", paramLabel = "ROOT",
      description = "Root codes whose absence from a dyad is a non-event item"
          + " (default: ${DEFAULT-VALUE}: assault, fight, mass violence).")
  List<Integer> absent = new ArrayList<>();

  @Option(names = "--dyads", split = ",", paramLabel = "A>B",
      description = "Directed dyads to build items for (default: every dyad of the series whose"
          + " actors the scenario has).")
  List<String> dyads = new ArrayList<>();

  @Option(names = "--title", paramLabel = "TEXT", description = "Title of the evidence file.")
  String title;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Output folder, as for every command: the evidence file is written there as"
          + " " + EVIDENCE + " (the folder is replaced atomically); default: standard output.")
  Path out;

  /** Name of the evidence file in the --out folder. */
  static final String EVIDENCE = "evidence.yaml";

  @Mixin SharedOptions.Json json;

  @Override
  public Integer call() throws Exception {
    if (minEvents < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--min", 1, minEvents);
    }
    if (gap < 0) {
      throw new InvalidInputException(Message.AT_LEAST, "--gap", 0, gap);
    }
    for (int r : absent) {
      if (r < 1 || r > Cameo.ROOTS) {
        throw new InvalidInputException(Message.OUT_OF_RANGE, "--absent root code", 1,
            Cameo.ROOTS, r);
      }
    }
    Scenario s = AnalysisSupport.load(scenarioFile, List.of());
    for (String d : dyads) {
      String[] p = d.split(">", -1);
      if (p.length != 2 || s.actorIndex(p[0]) < 0 || s.actorIndex(p[1]) < 0
          || p[0].equals(p[1])) {
        throw new org.detente.UsageException(Message.OPTION_VALUE, "--dyads", d,
            "expected SOURCE>TARGET, two different actor ids of the scenario");
      }
    }
    WeeklySeries series = WeeklySeries.read(resolve(seriesPath));
    EvidenceBuilder b = new EvidenceBuilder(series, s, minEvents, gap, absent, dyads);
    if (b.items().isEmpty()) {
      throw new InvalidInputException(Message.FILE_PROBLEM, seriesPath, "no dyad of scenario '"
          + s.meta().id() + "' reaches --min " + minEvents + " in any week from its asOf date"
          + " on, and no --absent root is absent: nothing to write");
    }
    String yaml = b.yaml(title != null ? title : "Event data: " + String.join("; ",
        series.inputs()), "detente events evidence " + seriesPath + " --scenario "
        + scenarioFile + (dyads.isEmpty() ? "" : " --dyads '" + String.join(",", dyads) + "'")
        + " --min " + minEvents + " --gap " + gap + " --absent "
        + absent.stream().map(String::valueOf).reduce((a, c) -> a + "," + c).orElse(""));
    // what the hypotheses command will read: check it before writing
    Path file = out == null ? null : out.resolve(EVIDENCE);
    Evidence.parse(out == null ? "evidence" : file.toString(), yaml, s);
    PrintWriter o = spec.commandLine().getOut();
    if (out == null && !json.value()) {
      o.print(yaml);
      o.flush();
      return 0;
    }
    if (out != null) {
      try (OutputFolder folder = OutputFolder.prepare("--out", out)) {
        OutputFiles.write(folder.staging().resolve(EVIDENCE), yaml);
        folder.publish();
      }
    }
    if (json.value()) {
      ObjectNode root = AnalysisSupport.mapper().createObjectNode();
      root.put("command", "events evidence");
      root.put("series", seriesPath.toString());
      root.put("scenario", s.meta().id());
      root.put("min", minEvents);
      root.put("gap", gap);
      ArrayNode items = root.putArray("items");
      for (EvidenceBuilder.Item it : b.items()) {
        ObjectNode n = items.addObject();
        n.put("id", it.id());
        n.put("observed", it.observed());
        n.put("actor", it.actor());
        n.put("target", it.target());
        n.put("root", Cameo.rootText(it.root()));
        n.put("fromWeek", it.fromWeek());
        n.put("toWeek", it.toWeek());
        n.put("events", it.events());
        ArrayNode rows = n.putArray("rows");
        it.rows().forEach(rows::add);
      }
      if (out == null) {
        root.put("evidence", yaml);
      }
      o.println(AnalysisSupport.mapper().writeValueAsString(root));
    } else {
      o.println(String.format(Locale.ROOT, "%s: %d items (%d events, %d non-events) for"
          + " scenario %s", file, b.items().size(), b.counts().get("events"),
          b.counts().get("nonEvents"), s.meta().id()));
      for (EvidenceBuilder.Item it : b.items()) {
        o.println(String.format(Locale.ROOT, "  %s %-28s weeks %3d-%-3d %,8d events", it
            .observed() ? "+" : "-", it.id(), it.fromWeek(), it.toWeek(), it.events()));
      }
    }
    o.flush();
    return 0;
  }

  /** The series file: the path itself, or the weekly.csv inside an import's output folder. */
  static Path resolve(Path p) {
    return Files.isDirectory(p) ? p.resolve(EventsImportCommand.WEEKLY) : p;
  }
}
