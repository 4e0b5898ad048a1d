package org.detente.cli;

import org.detente.cli.CliRun.Result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";

  static Result exec(String... args) {
    return CliRun.exec(args);
  }

  @Test
  void jsonIsIdenticalForAnyThreadCountAndHasTheContractFields() throws Exception {
    Result one = exec("run", CUBA, "--runs", "300", "--threads", "1", "--json", "--no-timing");
    Result two = exec("run", CUBA, "--runs", "300", "--threads", "2", "--json", "--no-timing");
    assertThat(one.code()).isZero();
    JsonNode a = new ObjectMapper().readTree(one.out());
    JsonNode b = new ObjectMapper().readTree(two.out());
    ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("threads");
    ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("threads");
    assertThat(a).isEqualTo(b);
    for (String f : List.of("scenario", "policies", "runs", "seed", "horizonWeeks", "parameters",
        "outcomes", "questions", "casualties", "version")) {
      assertThat(a.has(f)).as(f).isTrue();
    }
    assertThat(a.get("outcomes").get("settlement").get("p").asDouble()).isBetween(0.0, 1.0);
    assertThat(a.get("outcomes").get("settlement").get("lo").asDouble())
        .isLessThanOrEqualTo(a.get("outcomes").get("settlement").get("p").asDouble());
    double sum = 0;
    for (JsonNode o : a.get("outcomes")) {
      sum += o.get("p").asDouble();
    }
    // each p is printed to 6 significant digits (an error under 5e-7 each, 5 outcomes)
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(2.5e-6));
    assertThat(a.get("questions").get(0).get("id").asText()).isEqualTo("deal-within-4-weeks");
    Result timed = exec("run", CUBA, "--runs", "50", "--json");
    assertThat(new ObjectMapper().readTree(timed.out()).has("runsPerSecond")).isTrue();
  }

  @Test
  void outWritesSummaryRunsAndEventLogs(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("res");
    Result r = exec("run", CUBA, "--runs", "40", "--out", out.toString(), "--quiet");
    assertThat(r.code()).isZero();
    assertThat(out.resolve("summary.json")).exists();
    List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
    assertThat(rows).hasSize(41);
    assertThat(rows.get(0)).startsWith("run,seed,outcome,highest_rung,end_week");
    List<String> ev = Files.readAllLines(out.resolve("events.tsv"));
    assertThat(ev.get(1)).startsWith("19621016\t");
    // no temporary directories left behind
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("res");
    }
  }

  @Test
  void eachRowsSeedAndRunReplayInExplain(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("res");
    exec("run", CUBA, "--runs", "10", "--seed", "5", "--out", out.toString(), "--quiet");
    List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int seedCol = header.indexOf("seed");
    int runCol = header.indexOf("run");
    for (int i = 1; i < rows.size(); i++) {
      String[] f = rows.get(i).split(",");
      // an integer every data frame reads, and the one explain --seed takes
      long seed = Long.parseLong(f[seedCol]);
      Result ex = exec("explain", CUBA, "--seed", Long.toString(seed), "--run", f[runCol]);
      assertThat(ex.code()).as(ex.err()).isZero();
      assertThat(ex.out()).contains("Outcome: " + f[header.indexOf("outcome")] + " at week "
          + f[header.indexOf("end_week")] + " ");
      assertThat(ex.out()).contains("highest rung " + f[header.indexOf("highest_rung")] + " ");
    }
  }

  @Test
  void runsCsvColumnNamesAreLettersDigitsAndUnderscores(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("res");
    Result r = exec("run", "scenarios/us-russia-2022.yaml", "--runs", "3", "--out",
        out.toString(), "--quiet");
    assertThat(r.code()).isZero();
    List<String> header = List.of(Files.readAllLines(out.resolve("runs.csv")).get(0).split(","));
    assertThat(header).allMatch(c -> c.matches("[A-Za-z][A-Za-z0-9_]*"), "a data-frame name")
        .doesNotHaveDuplicates()
        .contains("q_nuclear_use_poland", "q_us_russia_rupture", "deaths_RUS_military",
            "motive_RUS");
    assertThat(org.detente.store.RunColumns.columnName("q_a-b.c")).isEqualTo("q_a_b_c");
  }

  @Test
  void explainShowsEachCallUpAndTheReserveLeft() {
    Result ex = exec("explain", "scenarios/us-russia-2022.yaml", "--seed", "1", "--run", "0");
    assertThat(ex.code()).isZero();
    // Poland's reserve: 5 % of 38.3 M people (1,915k) less the 114k listed in its theaters; its
    // first call-up is a tenth of its 114k in BLR-POL
    assertThat(ex.out()).contains(
        "POL mobilises 11.4k troops in BLR-POL (125.4k there now; reserve left 1789.6k)");
  }

  @Test
  void motiveCanBeFixedAndIsRecorded() throws Exception {
    Result r = exec("run", CUBA, "--runs", "30", "--motive", "SUN=defend-cuba", "--json",
        "--no-timing");
    assertThat(r.code()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("fixedMotives").get("SUN").asText()).isEqualTo("defend-cuba");
    assertThat(j.get("motives").get("SUN").get("defend-cuba").asDouble()).isEqualTo(1.0);
    Result bad = exec("run", CUBA, "--runs", "5", "--motive", "SUN=unknown");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("defend-cuba");
  }

  @Test
  void badInputsGiveClearErrorsAndExitCodes() {
    Result missing = exec("run", "no-such-file.yaml");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no-such-file.yaml");
    Result badRuns = exec("run", CUBA, "--runs", "0");
    assertThat(badRuns.code()).isEqualTo(1);
    assertThat(badRuns.err()).contains("--runs");
    Result badPolicy = exec("run", CUBA, "--policy", "no-such-policy", "--runs", "5");
    assertThat(badPolicy.code()).isEqualTo(1);
    assertThat(badPolicy.err()).doesNotContain("Exception");
  }
}
