package org.detente.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.detente.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A sweep kept in the results store replays on one machine to the same summary (and a changed
 * summary does not); {@code backtest --master} on Spark scores exactly as {@code backtest} on
 * one machine.
 */
class StoreAndBacktestTest {

  private static final Path SCENARIO = Path.of("../scenarios/us-russia-2022.yaml");

  /** Output, error and exit code of a command. */
  record Out(int code, String out, String err) {}

  private static Out run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Out(code, out.toString(), err.toString());
  }

  /** The arguments of a command line without its command name, with --master local[2]. */
  private static String[] onSpark(String[] args) {
    String[] spark = new String[args.length + 1];
    System.arraycopy(args, 1, spark, 0, args.length - 1);
    spark[args.length - 1] = "--master";
    spark[args.length] = "local[2]";
    return spark;
  }

  @Test
  void aStoredSweepReplaysToItsSummary(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("sweep");
    Path db = tmp.resolve("results.duckdb");
    Out sweep = run(Spark.commandLine(new SweepCommand(), "sweep"), SCENARIO.toString(),
        "--design", "grid", "--param", "consultValue=0.01:0.05", "--levels", "2", "-n", "30",
        "--chunk", "20", "--seed", "5", "--out", out.toString(), "--master", "local[2]",
        "--db", db.toString());
    assertThat(sweep.code()).as(sweep.err()).isZero();
    assertThat(sweep.out()).contains("stored as result 1 in " + db);
    assertThat(Files.readString(out.resolve("scenario.yaml"))).isEqualTo(Files.readString(SCENARIO));

    Out list = run(Main.commandLine(), "db", "list", "--db", db.toString(), "--json");
    JsonNode r = new ObjectMapper().readTree(list.out()).get(0);
    assertThat(r.get("command").asText()).isEqualTo("sweep");
    assertThat(r.get("complete").asBoolean()).isTrue();
    assertThat(r.get("runRows").asLong()).isEqualTo(60);
    assertThat(r.get("options").toString()).contains("consultValue=0.01:0.05")
        .doesNotContain("--out").doesNotContain("--master");
    // the stored runs by point are the Parquet's
    Out byPoint = run(Main.commandLine(), "db", "sql", "--db", db.toString(),
        "SELECT s.value, count(*) AS n, sum((r.outcome = 'settlement')::int) AS settled"
            + " FROM runs r JOIN sweep_points s USING (result_id, arm) GROUP BY s.value"
            + " ORDER BY s.value");
    JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
    for (int p = 0; p < 2; p++) {
      long settled = Math.round(json.get("results").get(p).get("p").get("settlement").asDouble()
          * 30);
      assertThat(byPoint.out()).contains(json.get("results").get(p).get("parameters")
          .get("consultValue").asText() + "\t30\t" + settled);
    }

    Out replay = run(Main.commandLine(), "db", "replay", "1", "--db", db.toString());
    assertThat(replay.code()).as(replay.err()).isZero();
    assertThat(replay.out()).contains("result 1 replayed: the same summary");

    // a summary that the runs do not give is found out
    assertThat(run(Main.commandLine(), "db", "sql", "--db", db.toString(),
        "UPDATE results SET summary = regexp_replace(summary, '\"settlement\" : [0-9.E-]+',"
            + " '\"settlement\" : 0.5') WHERE id = 1").code()).isZero();
    Out tampered = run(Main.commandLine(), "db", "replay", "1", "--db", db.toString());
    assertThat(tampered.code()).isEqualTo(1);
    assertThat(tampered.out()).contains("differences").contains("/results/0/p/settlement");

    // a folder whose scenario changed after the sweep is refused, located
    Files.writeString(out.resolve("scenario.yaml"), "# changed\n", StandardOpenOption.APPEND);
    Out refused = run(Main.commandLine(), "db", "import", out.toString(), "--db",
        db.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("scenario.yaml").contains("scenarioSha256")
        .doesNotContain("Exception");
  }

  @Test
  void theBacktestOnSparkScoresAsOnOneMachine() throws Exception {
    String[] args = {"backtest", "--crises", "100-115,420-430", "-n", "40", "--seed", "3",
      "--no-timing", "--json", "-q", "-t", "2"};
    Out local = run(Main.commandLine(), args);
    assertThat(local.code()).as(local.err()).isZero();
    Out onSpark = run(Spark.commandLine(new BacktestOnSpark(), "backtest"), onSpark(args));
    assertThat(onSpark.code()).as(onSpark.err()).isZero();
    assertThat(onSpark.out()).isEqualTo(local.out());
    assertThat(new ObjectMapper().readTree(local.out()).get("crises").get("heldOut").asInt())
        .isPositive();
  }

  @Test
  void theSensitivityAnalysisOnSparkIsThatOfOneMachine() throws Exception {
    String[] args = {"sensitivity", SCENARIO.toString(), "--method", "both", "--parameter",
      "consultValue", "--parameter", "crisisCost", "--samples", "3", "--runs-per-point", "15",
      "--output", "settlement", "--seed", "4", "--bootstrap", "20", "--param",
      "qreLambda=10", "--json", "-q", "-t", "2"};
    Out local = run(Main.commandLine(), args);
    assertThat(local.code()).as(local.err()).isZero();
    Out onSpark = run(Spark.commandLine(new SensitivityOnSpark(), "sensitivity"), onSpark(args));
    assertThat(onSpark.code()).as(onSpark.err()).isZero();
    assertThat(onSpark.out()).isEqualTo(local.out());
    JsonNode j = new ObjectMapper().readTree(local.out());
    assertThat(j.get("points").asInt()).isEqualTo(3 * 3 + 3 * 4);
    assertThat(j.get("outputMax").asDouble()).isGreaterThan(j.get("outputMin").asDouble());
  }
}
