package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.detente.cli.CliRun.Result;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.engine.RunSink;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.detente.store.Inputs;
import org.detente.store.ResultStore;
import org.detente.store.ResultWriter;
import org.detente.store.StoredResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results store through the command line: a stored run equals the CLI's runs.csv, a stored
 * result replays to the same summary, SQL answers, Parquet reads back, and an interrupted write
 * (a failure in the process, a process killed) leaves the result marked incomplete.
 */
class DbCommandTest {

  private static final String SEED = "scenarios/us-russia-2022.yaml";

  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void storedRunsEqualRunsCsvAndReplayAndAnswerSql(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("r.duckdb");
    Path out = dir.resolve("out");
    Result r = CliRun.exec("run", SEED, "-n", "60", "--seed", "7", "--out", out.toString(),
        "--db", db.toString(), "--json", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode printed = JSON.readTree(r.out());
    assertThat(printed.get("stored").get("id").asLong()).isEqualTo(1);

    // every cell of runs.csv, from the table runs, in the CSV's column order
    List<String> csv = Files.readAllLines(out.resolve("runs.csv"));
    String header = csv.get(0);
    Result q = CliRun.exec("db", "sql", "--db", db.toString(), "SELECT " + header
        + " FROM runs WHERE result_id = 1 ORDER BY run");
    assertThat(q.code()).as(q.err()).isZero();
    List<String> lines = q.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(header.replace(',', '\t'));
    assertThat(lines).hasSize(csv.size());
    for (int i = 1; i < csv.size(); i++) {
      String stored = lines.get(i).replace("\ttrue", "\t1").replace("\tfalse", "\t0")
          .replace('\t', ',');
      assertThat(stored).as("run %d", i - 1).isEqualTo(csv.get(i));
    }
    // typed columns: counts, numbers and answers are numbers and booleans, not text
    Result types = CliRun.exec("db", "sql", "--db", db.toString(), "SELECT data_type FROM"
        + " information_schema.columns WHERE table_name = 'runs' AND column_name IN"
        + " ('highest_rung', 'deaths_RUS_nuclear', 'q_nuclear_use_poland')"
        + " ORDER BY column_name");
    assertThat(types.out().lines().skip(1).toList()).containsExactly("BIGINT", "INTEGER",
        "BOOLEAN");

    // P(settlement) by Russia's drawn motive, from SQL and from runs.csv
    Map<String, int[]> byMotive = new TreeMap<>();
    List<String> cols = List.of(header.split(","));
    int mo = cols.indexOf("motive_RUS");
    int oc = cols.indexOf("outcome");
    for (String row : csv.subList(1, csv.size())) {
      String[] f = row.split(",", -1);
      int[] c = byMotive.computeIfAbsent(f[mo], k -> new int[2]);
      c[0]++;
      c[1] += f[oc].equals("settlement") ? 1 : 0;
    }
    Result p = CliRun.exec("db", "sql", "--db", db.toString(), "SELECT motive_RUS, count(*),"
        + " sum(CASE WHEN outcome = 'settlement' THEN 1 ELSE 0 END) FROM runs"
        + " WHERE result_id = 1 GROUP BY motive_RUS ORDER BY motive_RUS");
    List<String> expected = new ArrayList<>();
    byMotive.forEach((k, v) -> expected.add(k + "\t" + v[0] + "\t" + v[1]));
    assertThat(p.out().lines().skip(1).toList()).isEqualTo(expected);

    // one row per logged event, the same as events.tsv for the runs it holds
    List<String> tsv = Files.readAllLines(out.resolve("events.tsv"));
    Result ev = CliRun.exec("db", "sql", "--db", db.toString(), "SELECT strftime(date,"
        + " '%Y%m%d'), actor, coalesce(target, ''), coalesce(cameo, ''), goldstein,"
        + " coalesce(theater, ''), run, week, action FROM events WHERE result_id = 1 AND run < "
        + RunCommand.EVENT_LOG_RUNS + " ORDER BY run, seq");
    List<String> evRows = ev.out().lines().skip(1).toList();
    assertThat(evRows).hasSize(tsv.size() - 1);
    for (int i = 0; i < evRows.size(); i++) {
      assertThat(evRows.get(i)).isEqualTo(tsv.get(i + 1));
    }

    // the stored summary is what --json printed, and the stored inputs replay it
    Result show = CliRun.exec("db", "show", "1", "--db", db.toString());
    JsonNode shown = JSON.readTree(show.out());
    assertThat(shown.get("complete").asBoolean()).isTrue();
    assertThat(shown.get("seed").asLong()).isEqualTo(7);
    assertThat(shown.get("version").asText()).isEqualTo(VersionProvider.version());
    assertThat(DbCommand.strip(shown.get("summary"))).isEqualTo(DbCommand.strip(printed));
    Result replay = CliRun.exec("db", "replay", "1", "--db", db.toString());
    assertThat(replay.code()).as(replay.out() + replay.err()).isZero();
    assertThat(replay.out()).contains("the same summary");
  }

  @Test
  void compareStoresEachArmAndParquetReadsBack(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("c.duckdb");
    Result r = CliRun.exec("compare", SEED, "-p", "open-channel", "-n", "60", "--db",
        db.toString(), "--json", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode cmp = JSON.readTree(r.out());
    Result arms = CliRun.exec("db", "sql", "--db", db.toString(), "SELECT arm, count(*),"
        + " sum(CASE WHEN outcome = 'settlement' THEN 1 ELSE 0 END) FROM runs GROUP BY arm"
        + " ORDER BY arm");
    List<String> rows = arms.out().lines().skip(1).toList();
    assertThat(rows).hasSize(2);
    for (JsonNode arm : cmp.get("arms")) {
      long k = Math.round(arm.get("outcomes").get("settlement").get("p").asDouble() * 60);
      assertThat(rows).contains(arm.get("name").asText() + "\t60\t" + k);
    }
    Path pq = dir.resolve("pq");
    Result ex = CliRun.exec("db", "export", "1", "--parquet", pq.toString(), "--db",
        db.toString());
    assertThat(ex.code()).as(ex.err()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT arm),"
            + " count(motive_RUS) FROM read_parquet('" + pq.resolve("runs.parquet") + "')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(120);
      assertThat(rs.getLong(2)).isEqualTo(2);
      assertThat(rs.getLong(3)).isEqualTo(120);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('"
            + pq.resolve("events.parquet") + "') WHERE actor IS NULL")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void aFailureMidWriteLeavesTheResultIncompleteAndNoRuns(@TempDir Path dir) {
    Path db = dir.resolve("f.duckdb");
    Scenario sc = ScenarioLoader.load(Path.of(CUBA), List.of());
    CompiledModel model = Models.compile(sc, org.detente.engine.ModelParameters.from(sc));
    long id;
    try (ResultStore store = ResultStore.open(db)) {
      ResultWriter w = store.begin(new Inputs("run", sc.meta().id(), "s.yaml", "text",
          List.of(), List.of("--runs", "50"), 1, 50, "test", Map.of()));
      id = w.id();
      RunSink sink = w.sink(model, "", 1, true);
      int[] seen = {0};
      try (w) {
        Ensemble.run(model, 1, 50, 1, run -> {
          if (++seen[0] == 30) {
            throw new IllegalStateException("simulated failure");
          }
          sink.accept(run);
        }, null);
      } catch (IllegalStateException expected) {
        // the writer closed without finish
      }
    }
    try (ResultStore store = ResultStore.open(db)) {
      StoredResult s = store.get(id);
      assertThat(s.complete()).isFalse();
      assertThat(s.runRows()).isZero();
      assertThat(s.eventRows()).isZero();
    }
  }

  @Test
  void aProcessKilledMidRunLeavesADatabaseThatOpensWithTheResultIncomplete(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("k.duckdb");
    // a first, complete result
    assertThat(CliRun.exec("run", CUBA, "-n", "20", "--db", db.toString(), "-q").code())
        .isZero();
    Process p = CliProcess.builder("run", CUBA, "-n", "1000000", "--db", db.toString(),
        "--progress").redirectOutput(new File("/dev/null")).start();
    try {
      // the progress bar shows once the ensemble runs (its result row committed before)
      byte[] buf = new byte[256];
      int n = p.getErrorStream().read(buf);
      assertThat(n).isPositive();
      Thread.sleep(1500);
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    Result list = CliRun.exec("db", "list", "--db", db.toString(), "--json");
    assertThat(list.code()).as(list.err()).isZero();
    JsonNode all = JSON.readTree(list.out());
    assertThat(all).hasSize(2);
    assertThat(all.get(0).get("complete").asBoolean()).isFalse();
    assertThat(all.get(0).get("runRows").asLong()).isZero();
    assertThat(all.get(1).get("complete").asBoolean()).isTrue();
    assertThat(all.get(1).get("runRows").asLong()).isEqualTo(20);
    Result text = CliRun.exec("db", "list", "--db", db.toString());
    assertThat(text.out()).contains("INCOMPLETE");
  }

  @Test
  void badInputsGiveLocatedErrors(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("e.duckdb");
    Result none = CliRun.exec("db", "list", "--db", db.toString());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("no such file");
    assertThat(CliRun.exec("run", SEED, "-n", "5", "--db", db.toString(), "-q").code()).isZero();
    Result bad = CliRun.exec("db", "sql", "--db", db.toString(), "SELEC 1");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).startsWith("detente: SQL: ").doesNotContain("Exception");
    Result missing = CliRun.exec("db", "show", "99", "--db", db.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no result 99");
    Result scenario = CliRun.exec("run", SEED, "--db", "other.yaml");
    assertThat(scenario.code()).isEqualTo(2);
    assertThat(scenario.err()).contains("not a scenario");
    assertThat(Path.of("other.yaml")).doesNotExist();
  }

  @Test
  void defaultDatabaseFollowsXdg() {
    Path d = ResultStore.defaultFile();
    assertThat(d.getFileName().toString()).isEqualTo("results.duckdb");
    assertThat(d.getParent().getFileName().toString()).isEqualTo("detente");
    Map<String, String> env = new HashMap<>(System.getenv());
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && Path.of(xdg).isAbsolute()) {
      assertThat(d).isEqualTo(Path.of(xdg, "detente", "results.duckdb"));
    } else {
      assertThat(d).isEqualTo(Path.of(System.getProperty("user.home"), ".local", "share",
          "detente", "results.duckdb"));
    }
  }

  /** Deletes a folder and what it holds, ignoring what cannot be deleted. */
  static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary folder
    }
  }
}
