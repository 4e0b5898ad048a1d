package org.detente.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.store.ResultStore;
import org.detente.store.StoredResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente db}: the results store, for scripts (list, show, sql, export, replay). */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = {
      "The results store (docs/store.md): results kept by --db on run, compare, sensitivity,"
          + " hypotheses and backtest. Tables: results (one row per result: inputs, state,"
          + " summary), runs (one row per run: result_id, arm, then the columns of runs.csv),"
          + " events (one row per logged event), sweep_points (a sweep's design: one row per"
          + " point and swept parameter)."
    },
    subcommands = {DbCommand.ListResults.class, DbCommand.Show.class, DbCommand.Sql.class,
        DbCommand.Export.class, DbCommand.Replay.class, DbCommand.Import.class})
public final class DbCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code --db FILE} of the {@code db} commands: the default database unless given. */
  static final class DbFile {
    @Option(names = "--db", paramLabel = "FILE",
        description = "The database (default: $XDG_DATA_HOME/detente/results.duckdb, or"
            + " ~/.local/share/detente/results.duckdb).")
    String value;

    ResultStore open() {
      Path f = StoreOption.resolve(value);
      if (!Files.exists(f)) {
        throw new InvalidInputException(Message.STORE_PROBLEM, f, Message.NO_SUCH_FILE.format());
      }
      return ResultStore.open(f);
    }
  }

  /** {@code detente db list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the stored results, newest first.")
  static final class ListResults implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DbFile db;
    @Mixin SharedOptions.Json json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (ResultStore s = db.open()) {
        List<StoredResult> all = s.list();
        if (json.value()) {
          ArrayNode arr = AnalysisSupport.mapper().createArrayNode();
          for (StoredResult r : all) {
            arr.add(brief(r));
          }
          out.println(AnalysisSupport.mapper().writeValueAsString(arr));
        } else {
          out.println(AnalysisSupport.f("%5s  %-11s  %-10s  %-19s  %-24s  %9s  %s", "id",
              "command", "state", "created (UTC)", "scenario", "runs", "options"));
          for (StoredResult r : all) {
            out.println(AnalysisSupport.f("%5d  %-11s  %-10s  %-19s  %-24s  %9d  %s", r.id(),
                r.inputs().command(), r.complete() ? "complete" : "INCOMPLETE",
                r.created() == null ? "" : r.created().withNano(0).toString().replace('T', ' '),
                r.inputs().scenarioId() == null ? "-" : r.inputs().scenarioId(), r.runRows(),
                String.join(" ", r.inputs().options())));
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  static ObjectNode brief(StoredResult r) {
    ObjectNode o = AnalysisSupport.mapper().createObjectNode();
    o.put("id", r.id());
    o.put("command", r.inputs().command());
    o.put("complete", r.complete());
    o.put("created", r.created() == null ? null : r.created().toString());
    o.put("version", r.inputs().version());
    o.put("scenario", r.inputs().scenarioId());
    o.put("scenarioFile", r.inputs().scenarioName());
    ArrayNode p = o.putArray("policies");
    r.inputs().policies().forEach(p::add);
    ArrayNode op = o.putArray("options");
    r.inputs().options().forEach(op::add);
    o.put("seed", r.inputs().seed());
    o.put("runs", r.inputs().runs());
    o.put("runRows", r.runRows());
    o.put("eventRows", r.eventRows());
    return o;
  }

  /** {@code detente db show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a stored result: its inputs, its state and its summary (the command's"
          + " JSON output), as one JSON object.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "ID", description = "The result's id (db list).")
    long id;
    @Mixin DbFile db;
    @Option(names = "--scenario", description = "Print the stored scenario text instead.")
    boolean scenario;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (ResultStore s = db.open()) {
        StoredResult r = s.get(id);
        if (scenario) {
          out.print(r.inputs().scenarioText() == null ? "" : r.inputs().scenarioText());
        } else {
          ObjectMapper m = AnalysisSupport.mapper();
          ObjectNode o = brief(r);
          ObjectNode files = o.putObject("files");
          r.inputs().files().forEach(files::put);
          o.set("summary", r.summary() == null ? null : m.readTree(r.summary()));
          out.println(m.writeValueAsString(o));
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code detente db sql "SELECT ..."}. */
  @Command(name = "sql", mixinStandardHelpOptions = true,
      description = "Run one SQL statement (DuckDB's dialect) on the store and print its answer"
          + " as tab-separated text with a header, or as JSON.")
  static final class Sql implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "SQL", description = "The statement, e.g. \"SELECT"
        + " outcome, count(*) FROM runs WHERE result_id = 1 GROUP BY ALL\".")
    String sql;
    @Mixin DbFile db;
    @Mixin SharedOptions.Json json;
    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000",
        description = "Print at most N rows (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Override
    public Integer call() throws IOException {
      AnalysisSupport.checkPositive("--max-rows", maxRows);
      PrintWriter out = spec.commandLine().getOut();
      try (ResultStore s = db.open()) {
        ResultStore.Table t = s.query(sql, maxRows);
        if (json.value()) {
          ObjectNode o = AnalysisSupport.mapper().createObjectNode();
          ArrayNode cols = o.putArray("columns");
          t.columns().forEach(cols::add);
          ArrayNode rows = o.putArray("rows");
          for (List<String> row : t.rows()) {
            ArrayNode r = rows.addArray();
            row.forEach(r::add);
          }
          o.put("truncated", t.truncated());
          out.println(AnalysisSupport.mapper().writeValueAsString(o));
        } else {
          out.println(String.join("\t", t.columns()));
          for (List<String> row : t.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (String c : row) {
              cells.add(c == null ? "" : c);
            }
            out.println(String.join("\t", cells));
          }
          if (t.truncated()) {
            spec.commandLine().getErr().println("detente: only the first " + maxRows
                + " rows are printed (--max-rows)");
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code detente db export ID --parquet DIR}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write a stored result as Parquet files (runs.parquet, events.parquet,"
          + " result.parquet) into a folder, for pandas, R (arrow) or DuckDB.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "ID", description = "The result's id (db list).")
    long id;
    @Option(names = "--parquet", required = true, paramLabel = "DIR",
        description = "The folder to write into (created if needed).")
    Path dir;
    @Mixin DbFile db;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (ResultStore s = db.open()) {
        for (Path f : s.exportParquet(id, dir)) {
          out.println(dir.resolve(f.getFileName()));
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code detente db import DIR}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import the output folder of detente sweep (sweep.json, scenario.yaml,"
          + " runs/*.parquet) as one stored result: its runs (arm point-NNNNNN), its design"
          + " (table sweep_points) and sweep.json as the summary; db replay recomputes every"
          + " point on this machine. The database is created if needed.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's --out folder.")
    Path dir;
    @Option(names = "--db", paramLabel = "FILE",
        description = "The database (default: $XDG_DATA_HOME/detente/results.duckdb, or"
            + " ~/.local/share/detente/results.duckdb); created if needed.")
    String value;

    @Override
    public Integer call() {
      if (!Files.isDirectory(dir)) {
        throw new InvalidInputException(Message.FILE_PROBLEM, dir,
            "no such folder (the --out folder of detente sweep)");
      }
      try (ResultStore s = ResultStore.open(StoreOption.resolve(value))) {
        long id = org.detente.store.SweepImport.importSweep(s, dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("stored as result " + id + " in " + s.file());
        out.flush();
      }
      return 0;
    }
  }

  /** Keys of a command's JSON that name local files or timings: a replay differs there only. */
  static final Set<String> VOLATILE = Set.of("file", "evidence", "seconds", "runsPerSecond",
      "threads", "stored");

  /** {@code detente db replay ID}. */
  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Recompute a stored result from its stored inputs (scenario text, input"
          + " files, options, seed) and check that it gives the same summary, leaving timings"
          + " and file names aside. Exit code 0 when it does, 1 when it does not.")
  static final class Replay implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "ID", description = "The result's id (db list).")
    long id;
    @Mixin DbFile db;
    @Mixin SharedOptions.Threads threads;

    @Override
    public Integer call() throws IOException {
      StoredResult r;
      try (ResultStore s = db.open()) {
        r = s.get(id);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (!r.complete() || r.summary() == null) {
        throw new InvalidInputException(Message.STORE_PROBLEM, StoreOption.resolve(db.value),
            "result " + id + " is incomplete (interrupted): it has no summary to check");
      }
      String replayed = replay(r, threads.value());
      ObjectMapper m = AnalysisSupport.mapper();
      List<String> diffs = new ArrayList<>();
      diff("", strip(m.readTree(r.summary())), strip(m.readTree(replayed)), diffs);
      if (diffs.isEmpty()) {
        out.println("result " + id + " replayed: the same summary");
        out.flush();
        return 0;
      }
      out.println("result " + id + " replayed: " + diffs.size() + " differences");
      diffs.stream().limit(20).forEach(d -> out.println("  " + d));
      out.flush();
      return 1;
    }
  }

  /**
   * Recomputes {@code r} from its stored inputs: the scenario and input files written into a
   * temporary folder, the stored command with the stored options and {@code --json}. Returns
   * the command's JSON output.
   */
  static String replay(StoredResult r, int threads) throws IOException {
    Path tmp = Files.createTempDirectory("detente-replay");
    try {
      if ("sweep".equals(r.inputs().command())) {
        Path sc = tmp.resolve(r.inputs().scenarioName() == null ? "scenario.yaml"
            : Path.of(r.inputs().scenarioName()).getFileName().toString());
        Files.writeString(sc, r.inputs().scenarioText(), StandardCharsets.UTF_8);
        return SweepReplay.replay(sc, r.summary(), threads);
      }
      List<String> args = new ArrayList<>();
      args.add(r.inputs().command());
      if (r.inputs().scenarioText() != null) {
        Path sc = tmp.resolve("scenario.yaml");
        Files.writeString(sc, r.inputs().scenarioText(), StandardCharsets.UTF_8);
        args.add(sc.toString());
      }
      List<String> opts = r.inputs().options();
      for (int i = 0; i < opts.size(); i++) {
        String o = opts.get(i);
        args.add(o);
        String text = r.inputs().files().get(o);
        if (text != null && i + 1 < opts.size()) {
          Path f = tmp.resolve(o.replaceAll("[^A-Za-z0-9]", "") + ".yaml");
          Files.writeString(f, text, StandardCharsets.UTF_8);
          args.add(f.toString());
          i++;
        }
      }
      args.add("--threads");
      args.add(String.valueOf(threads));
      args.add("--json");
      args.add("--quiet");
      CommandLine cl = Main.commandLine();
      StringWriter sw = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(sw));
      cl.setErr(new PrintWriter(err));
      int code = cl.execute(args.toArray(String[]::new));
      if (code != 0) {
        throw new InvalidInputException(Message.STORE_PROBLEM, "replay",
            err.toString().strip().replaceFirst("^detente: ", ""));
      }
      return sw.toString();
    } finally {
      try (var walk = Files.walk(tmp)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** {@code node} without the {@link #VOLATILE} keys, at any depth. */
  static JsonNode strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (VOLATILE.contains(e.getKey())) {
          it.remove();
        } else {
          strip(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(DbCommand::strip);
    }
    return node;
  }

  private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode x = a.get(k);
        JsonNode y = b.get(k);
        if (x == null || y == null) {
          out.add(path + "/" + k + ": " + (x == null ? "only in the replay" : "only stored"));
        } else {
          diff(path + "/" + k, x, y, out);
        }
      }
      return;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(path + "/" + i, a.get(i), b.get(i), out);
      }
      return;
    }
    out.add(String.format(Locale.ROOT, "%s: stored %s, replayed %s", path.isEmpty() ? "/" : path,
        abbreviate(a), abbreviate(b)));
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
