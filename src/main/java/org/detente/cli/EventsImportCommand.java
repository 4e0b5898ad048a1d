package org.detente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.events.ActorMapping;
import org.detente.events.Cameo;
import org.detente.events.EventFormat;
import org.detente.events.EventRow;
import org.detente.events.ImportTotals;
import org.detente.events.Importer;
import org.detente.events.WeeklySeries;
import org.detente.scenario.Actor;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente events import}: event files to a weekly series per directed dyad. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Stream event files (GDELT 1.0 and 2.0 event tables, ICEWS coded events, PLOVER JSON"
          + " lines; plain, .gz or .zip) in constant memory, map actor codes to a scenario's"
          + " actors, and count events per week and directed dyad: by quad class and CAMEO"
          + " root code, with Goldstein sums and the source rows. Every line is accounted for:"
          + " kept, left out for a stated cause, malformed (reported by line), header or blank."
    })
public final class EventsImportCommand implements Callable<Integer> {

  /** The weekly series in the output folder. */
  static final String WEEKLY = "weekly.csv";
  /** Every kept row in the output folder. */
  static final String ROWS = "rows.tsv";
  /** The totals in the output folder. */
  static final String TOTALS = "totals.json";

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Event files.")
  List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES} (default: told from each file's first line).")
  EventFormat format;

  @Option(names = "--actors", split = ",", paramLabel = "CODE",
      description = "Actor codes to keep, each standing for the scenario actor of the same id"
          + " (e.g. USA,RUS).")
  List<String> actorCodes;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "Mapping file of CODE=ACTOR lines (several codes may map to one actor).")
  Path mapping;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Scenario whose actors the codes map to: week 0 is its asOf date, and"
          + " without --actors or --mapping every actor id maps itself.")
  Path scenarioFile;

  @Option(names = "--from", paramLabel = "DATE", description = "First day kept (YYYY-MM-DD).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day kept (YYYY-MM-DD).")
  LocalDate to;

  @Option(names = "--week0", paramLabel = "DATE",
      description = "First day of week 0 (default: the scenario's asOf date, else the Monday"
          + " of the earliest kept row).")
  LocalDate week0;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Output folder: " + WEEKLY + " (the weekly series), " + ROWS
          + " (every kept row with its file and line) and " + TOTALS + ".")
  Path out;

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Override
  public Integer call() throws Exception {
    if (from != null && to != null && to.isBefore(from)) {
      throw new UsageException(Message.OPTION_PROBLEM, "--from, --to",
          "--to " + to + " is before --from " + from);
    }
    Scenario scenario = scenarioFile == null ? null : AnalysisSupport.load(scenarioFile,
        List.of());
    List<String> ids = scenario == null ? null
        : scenario.actors().stream().map(Actor::id).toList();
    ActorMapping actors = mapping(ids);
    LocalDate w0 = week0 != null ? week0 : scenario == null ? null : scenario.meta().asOf();
    long total = 0;
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new InvalidInputException(Message.FILE_PROBLEM, f, Files.isDirectory(f)
            ? Message.IS_DIRECTORY.format("an event file") : Message.NO_SUCH_FILE.format());
      }
      total += Files.size(f);
    }
    if (out == null) {
      Importer imp = run(actors, w0, null, total);
      report(imp);
      return 0;
    }
    try (OutputFolder folder = OutputFolder.prepare("--out", out)) {
      Path dir = folder.staging();
      Importer imp;
      try (BufferedWriter rows = Files.newBufferedWriter(dir.resolve(ROWS),
          StandardCharsets.UTF_8)) {
        rows.write("file\tline\tid\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\n");
        StringBuilder sb = new StringBuilder(128);
        imp = run(actors, w0, (file, line, row, s, t) -> writeRow(rows, sb, file, line, row,
            s, t), total);
      }
      WeeklySeries series = imp.series();
      try (Writer w = Files.newBufferedWriter(dir.resolve(WEEKLY), StandardCharsets.UTF_8)) {
        series.write(w);
      }
      Files.writeString(dir.resolve(TOTALS), AnalysisSupport.mapper()
          .writeValueAsString(totalsJson(imp)) + "\n", StandardCharsets.UTF_8);
      folder.publish();
      report(imp);
    }
    return 0;
  }

  private ActorMapping mapping(List<String> scenarioIds) throws IOException {
    if (actorCodes != null && mapping != null) {
      throw new UsageException(Message.OPTIONS_EXCLUSIVE, "--actors", "--mapping");
    }
    if (mapping != null) {
      if (!Files.isRegularFile(mapping)) {
        throw new InvalidInputException(Message.FILE_PROBLEM, mapping,
            Message.NO_SUCH_FILE.format());
      }
      return ActorMapping.parse(mapping.toString(), Files.readAllLines(mapping,
          StandardCharsets.UTF_8), scenarioIds);
    }
    if (actorCodes != null) {
      return ActorMapping.ofIds(actorCodes, scenarioIds);
    }
    if (scenarioIds != null) {
      return ActorMapping.ofIds(scenarioIds, scenarioIds);
    }
    throw new UsageException(Message.MISSING, "events import",
        "--actors CODES, --mapping FILE or --scenario FILE (which actors to keep)");
  }

  private Importer run(ActorMapping actors, LocalDate w0, Importer.RowSink sink, long total)
      throws IOException {
    Importer imp = new Importer(actors, format, from, to, w0, sink);
    try (Progress progress = Progress.start(spec, progressFlags, "events import", total,
        " MB", 1L << 20)) {
      for (Path f : files) {
        try (InputStream in = Importer.open(f, progress::step)) {
          imp.read(f.toString(), in);
        }
      }
    }
    return imp;
  }

  private static void writeRow(Writer w, StringBuilder sb, int file, long line, EventRow row,
      String s, String t) throws IOException {
    sb.setLength(0);
    sb.append(file).append('\t').append(line).append('\t').append(row.id()).append('\t')
        .append(LocalDate.ofEpochDay(row.day())).append('\t').append(s).append('\t').append(t)
        .append('\t').append(row.code()).append('\t').append(Cameo.rootText(row.root()))
        .append('\t').append(row.quad()).append('\t').append(row.goldstein()).append('\n');
    w.append(sb);
  }

  private void report(Importer imp) throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    if (json.value()) {
      o.println(AnalysisSupport.mapper().writeValueAsString(totalsJson(imp)));
    } else {
      print(o, imp);
    }
    o.flush();
  }

  private ObjectNode totalsJson(Importer imp) {
    ImportTotals t = imp.totals();
    WeeklySeries s = imp.series();
    ObjectNode root = AnalysisSupport.mapper().createObjectNode();
    root.put("command", "events import");
    ArrayNode fs = root.putArray("files");
    for (ImportTotals.FileTotals f : t.files()) {
      ObjectNode o = fs.addObject();
      o.put("file", f.file());
      o.put("format", f.format() == null ? null : f.format().name());
      o.put("lines", f.lines());
    }
    root.put("actors", String.join(",", imp.series().cells().stream().flatMap(c ->
        java.util.stream.Stream.of(c.source(), c.target())).distinct().sorted().toList()));
    root.put("from", from == null ? null : from.toString());
    root.put("to", to == null ? null : to.toString());
    root.put("week0", s.week0().toString());
    root.put("lines", t.lines());
    root.put("rowsRead", t.rowsRead());
    root.put("rowsKept", t.kept());
    root.put("malformed", t.malformed());
    root.put("outsideDates", t.outsideDates());
    root.put("unmappedActor", t.unmappedActor());
    root.put("sameActor", t.sameActor());
    root.put("headers", t.headers());
    root.put("blank", t.blank());
    ObjectNode rq = root.putObject("readByQuadClass");
    ObjectNode kq = root.putObject("keptByQuadClass");
    for (int q = 1; q <= 4; q++) {
      rq.put(Integer.toString(q), t.readByQuad(q));
      kq.put(Integer.toString(q), t.keptByQuad(q));
    }
    ObjectNode rr = root.putObject("readByRootCode");
    ObjectNode kr = root.putObject("keptByRootCode");
    for (int r = 1; r <= Cameo.ROOTS; r++) {
      rr.put(Cameo.rootText(r), t.readByRoot(r));
      kr.put(Cameo.rootText(r), t.keptByRoot(r));
    }
    root.put("weeks", s.cells().stream().mapToInt(WeeklySeries.Cell::week).distinct().count());
    root.put("dyads", s.cells().stream().map(c -> c.source() + ">" + c.target()).distinct()
        .count());
    ArrayNode bad = root.putArray("malformedRows");
    for (ImportTotals.Malformed m : t.listedMalformed()) {
      ObjectNode o = bad.addObject();
      o.put("file", m.file());
      o.put("line", m.line());
      o.put("reason", m.reason());
    }
    return root;
  }

  private void print(PrintWriter o, Importer imp) {
    ImportTotals t = imp.totals();
    WeeklySeries s = imp.series();
    for (ImportTotals.FileTotals f : t.files()) {
      o.println(String.format(Locale.ROOT, "%s: %s, %,d lines", f.file(),
          f.format() == null ? "empty" : f.format().label(), f.lines()));
    }
    o.println(String.format(Locale.ROOT, "rows read %,d: kept %,d, malformed %,d, outside the"
        + " dates %,d, actor not mapped %,d, same actor on both sides %,d (and %,d header, %,d"
        + " blank lines)", t.rowsRead(), t.kept(), t.malformed(), t.outsideDates(),
        t.unmappedActor(), t.sameActor(), t.headers(), t.blank()));
    long dyads = s.cells().stream().map(c -> c.source() + ">" + c.target()).distinct().count();
    long weeks = s.cells().stream().mapToInt(WeeklySeries.Cell::week).distinct().count();
    o.println(String.format(Locale.ROOT, "weekly series: %d directed dyads, %d weeks with"
        + " events, week 0 = %s", dyads, weeks, s.week0()));
    o.println();
    o.println(String.format(Locale.ROOT, "  %-24s %12s %12s", "quad class", "read", "kept"));
    for (int q = 1; q <= 4; q++) {
      o.println(String.format(Locale.ROOT, "  %d %-22s %,12d %,12d", q, Cameo.QUAD_NAMES.get(q),
          t.readByQuad(q), t.keptByQuad(q)));
    }
    o.println();
    o.println(String.format(Locale.ROOT, "  %-34s %12s %12s", "CAMEO root code", "read",
        "kept"));
    for (int r = 1; r <= Cameo.ROOTS; r++) {
      o.println(String.format(Locale.ROOT, "  %s %-31s %,12d %,12d", Cameo.rootText(r),
          Cameo.ROOT_NAMES.get(r - 1), t.readByRoot(r), t.keptByRoot(r)));
    }
    if (t.malformed() > 0) {
      o.println();
      o.println(String.format(Locale.ROOT, "malformed rows (%,d; the first %d listed):",
          t.malformed(), Math.min(ImportTotals.MAX_LISTED, t.listedMalformed().size())));
      for (ImportTotals.Malformed m : t.listedMalformed()) {
        o.println("  " + m.file() + ":" + m.line() + ": " + m.reason());
      }
    }
    if (out != null) {
      o.println();
      o.println("written: " + out.resolve(WEEKLY) + ", " + out.resolve(ROWS) + ", "
          + out.resolve(TOTALS));
    }
  }
}
