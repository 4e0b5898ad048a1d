package org.detente.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detente.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A sweep in Spark's local mode gives, at every design point, byte for byte the summary of
 * {@code detente run} on one machine with the same parameters and seed, also when tasks fail and
 * run again; its Parquet rows are the runs of runs.csv.
 */
class SweepTest {

  private static final Path SCENARIO = Path.of("../scenarios/us-russia-2022.yaml");
  private static final int RUNS = 80;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = Spark.session("local[2]");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void summariesAreThoseOfOneMachine(@TempDir Path tmp) throws Exception {
    Design d = Design.of("grid", List.of("consultValue=0.01:0.05", "crisisCost=0.02"), 2, 0, 1);
    assertThat(d.size()).isEqualTo(2);
    Path out = tmp.resolve("sweep");
    // chunks of 30: tasks of 30, 30 and 20 runs at each point
    Sweep.Result r = Sweep.run(spark, SCENARIO, List.of(), null, List.of(), 7, d, RUNS, 30,
        "nuclear_use", out, Map.of("master", "local[2]"));
    assertThat(r.tasks()).isEqualTo(6);
    for (int p = 0; p < d.size(); p++) {
      Path single = tmp.resolve("single-" + p);
      List<String> args = new java.util.ArrayList<>(List.of("run", SCENARIO.toString(), "-n",
          String.valueOf(RUNS), "--seed", "7", "-t", "1", "--no-timing", "-q", "--out",
          single.toString()));
      for (String v : d.params(p)) {
        args.add("--param");
        args.add(v);
      }
      assertThat(cli(args.toArray(new String[0]))).isZero();
      assertThat(Files.readString(out.resolve("summaries").resolve(Sweep.summaryName(p))))
          .isEqualTo(Files.readString(single.resolve("summary.json")));
      // the Parquet rows of the point are runs.csv's rows
      Dataset<Row> rows = spark.read().parquet(out.resolve("runs").toString())
          .where("point = " + p).orderBy("run");
      List<String> csv = Files.readAllLines(single.resolve("runs.csv"), StandardCharsets.UTF_8);
      String[] header = csv.get(0).split(",", -1);
      List<Row> got = rows.collectAsList();
      assertThat(got).hasSize(RUNS);
      for (int i = 0; i < RUNS; i++) {
        String[] cells = csv.get(i + 1).split(",", -1);
        for (int c = 0; c < header.length; c++) {
          Object v = got.get(i).getAs(header[c]);
          String text = v == null ? "" : v instanceof Boolean b ? (b ? "1" : "0") : v.toString();
          assertThat(text).as("run %d %s", i, header[c]).isEqualTo(cells[c]);
        }
      }
    }
    JsonNode sweep = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
    assertThat(sweep.get("points").asInt()).isEqualTo(2);
    assertThat(sweep.get("results")).hasSize(2);
    assertThat(spark.read().parquet(out.resolve("points").toString()).count()).isEqualTo(2);
    assertThat(Files.readAllLines(out.resolve("design.csv")))
        .containsExactly("point,consultValue", "0,0.01", "1,0.05");
  }

  @Test
  void retriedTasksChangeNothing(@TempDir Path tmp) throws Exception {
    Design d = Design.of("grid", List.of("consultValue=0.01:0.05"), 2, 0, 1);
    Path clean = tmp.resolve("clean");
    Sweep.run(spark, SCENARIO, List.of(), null, List.of(), 3, d, 40, 15, "nuclear_use", clean,
        Map.of());
    // a session whose tasks may fail and run again: local[2, 4] retries a task up to 4 times
    spark.stop();
    spark = Spark.session("local[2,4]");
    Path retried = tmp.resolve("retried");
    System.setProperty(Sweep.FAIL_FIRST_ATTEMPT_PROPERTY, Sweep.FAIL_FIRST_ATTEMPT);
    try {
      Sweep.run(spark, SCENARIO, List.of(), null, List.of(), 3, d, 40, 15, "nuclear_use",
          retried, Map.of());
    } finally {
      System.clearProperty(Sweep.FAIL_FIRST_ATTEMPT_PROPERTY);
    }
    for (int p = 0; p < d.size(); p++) {
      assertThat(Files.readString(retried.resolve("summaries").resolve(Sweep.summaryName(p))))
          .isEqualTo(Files.readString(clean.resolve("summaries").resolve(Sweep.summaryName(p))));
    }
    assertThat(spark.read().parquet(retried.resolve("runs").toString()).count())
        .isEqualTo(80);
  }

  @Test
  void aMorrisSweepGivesTheIndicesOfDetenteSensitivity(@TempDir Path tmp) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("sensitivity", SCENARIO.toString(), "--method", "morris",
        "--parameter", "consultValue", "--parameter", "crisisCost", "--samples", "2",
        "--runs-per-point", "20", "--output", "settlement", "--seed", "4", "--json", "-q",
        "-t", "2")).isZero();
    JsonNode sens = new ObjectMapper().readTree(out.toString());
    List<String> params = new java.util.ArrayList<>();
    for (JsonNode f : sens.get("parameters")) {
      params.add(f.get("name").asText() + "=" + f.get("low").asDouble() + ":"
          + f.get("high").asDouble());
    }
    // the factors in the command's order are consultValue, crisisCost as given
    params.sort(java.util.Comparator.comparing(x -> !x.startsWith("consultValue")));
    Design d = Design.of("morris", params, 4, 2, 4);
    assertThat(d.size()).isEqualTo(sens.get("points").asInt());
    Path o = tmp.resolve("morris");
    Sweep.run(spark, SCENARIO, List.of(), null, List.of(), 4, d, 20, 20, "settlement", o,
        Map.of());
    JsonNode sweep = new ObjectMapper().readTree(o.resolve("sweep.json").toFile());
    for (JsonNode f : sens.get("parameters")) {
      JsonNode g = null;
      for (JsonNode x : sweep.get("indices")) {
        if (x.get("parameter").asText().equals(f.get("name").asText())) {
          g = x;
        }
      }
      assertThat(g).as(f.get("name").asText()).isNotNull();
      assertThat(g.get("muStar").asDouble()).isEqualTo(f.get("mu_star").asDouble());
      assertThat(g.get("mu").asDouble()).isEqualTo(f.get("mu").asDouble());
      assertThat(g.get("sigma").asDouble()).isEqualTo(f.get("sigma").asDouble());
    }
  }

  private static int cli(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    assertThat(err.toString()).isEmpty();
    return code;
  }
}
