package org.detente.cli;

import org.detente.cli.CliRun.Result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of compare, sensitivity, hypotheses and report on the bundled scenario. */
class AnalysisCommandsTest {

  private static final String SCENARIO = "scenarios/us-russia-2022.yaml";

  static Result run(String... args) {
    return CliRun.exec(args);
  }

  @Test
  void compareJsonHasArmsAndPairedDifferencesAndIgnoresThreads() throws Exception {
    Result one = run("compare", SCENARIO, "--policy", "open-channel", "--runs", "40", "--seed",
        "7", "--threads", "1", "--json");
    Result two = run("compare", SCENARIO, "--policy", "open-channel", "--runs", "40", "--seed",
        "7", "--threads", "2", "--json");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(two.out()).isEqualTo(one.out());
    JsonNode j = new ObjectMapper().readTree(one.out());
    assertThat(j.get("arms")).hasSize(2);
    assertThat(j.get("arms").get(0).get("name").asText()).isEqualTo("baseline");
    JsonNode d = j.get("differences").get("open-channel").get("us-russia-rupture");
    assertThat(d.get("lo").asDouble()).isLessThanOrEqualTo(d.get("diff").asDouble());
    assertThat(d.get("hi").asDouble()).isGreaterThanOrEqualTo(d.get("diff").asDouble());
    assertThat(d.get("pValue").asDouble()).isBetween(0.0, 1.0);
    // the paired counts reproduce the difference
    JsonNode pairs = d.get("pairs");
    double diff = (pairs.get("armOnly").asLong() - pairs.get("baselineOnly").asLong()) / 40.0;
    assertThat(d.get("diff").asDouble()).isEqualTo(diff);
  }

  @Test
  void compareRejectsBadUsage() {
    assertThat(run("compare", SCENARIO).code()).isEqualTo(2);
    Result r = run("compare", SCENARIO, "--policy", "no-such-policy", "--runs", "5");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no-such-policy").doesNotContain("Exception");
    // an out-of-range value is invalid input, as everywhere
    assertThat(run("compare", SCENARIO, "--policy", "open-channel", "--runs", "0").code())
        .isEqualTo(1);
  }

  @Test
  void sensitivityRanksFactors() throws Exception {
    Result r = run("sensitivity", SCENARIO, "--output", "conventional_war", "--parameter",
        "audienceCost", "--parameter", "terrainMaritime", "--samples", "3",
        "--runs-per-point", "20", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("parameters")).hasSize(2);
    double first = j.get("parameters").get(0).get("mu_star").asDouble();
    double second = j.get("parameters").get(1).get("mu_star").asDouble();
    assertThat(first).isGreaterThanOrEqualTo(second);
    Result bad = run("sensitivity", SCENARIO, "--output", "nonsense");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown output 'nonsense'").contains("nuclear_use");
  }

  @Test
  void hypothesesGivesAPosteriorPerActor() throws Exception {
    Result r = run("hypotheses", SCENARIO, "--evidence", "evidence/us-russia-2022.yaml",
        "--actor", "RUS", "--runs", "30", "--likelihood", "product", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode post = new ObjectMapper().readTree(r.out()).get("posterior").get("RUS");
    double sum = 0;
    for (JsonNode h : post) {
      sum += h.get("p").asDouble();
      assertThat(h.get("likelihood").asDouble()).isPositive();
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(post.has("conquer-europe")).isTrue();
  }

  @Test
  void hypothesesReportsEvidenceErrorsWithPlace(@TempDir Path dir) throws Exception {
    Path ev = dir.resolve("bad.yaml");
    Files.writeString(ev, "items:\n  - id: x\n    source: s\n    observed: maybe\n");
    Result r = run("hypotheses", SCENARIO, "--evidence", ev.toString(), "--runs", "5");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("bad.yaml:4:15: items[0].observed: expected true");
  }

  @Test
  void reportWritesASelfContainedFile(@TempDir Path dir) throws Exception {
    Path folder = dir.resolve("r");
    Path out = folder.resolve("report.html");
    Result r = run("report", SCENARIO, "--policy", "open-channel", "--runs", "30",
        "--tornado-runs", "5", "--tornado-parameters", "declared", "--out", folder.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("report written to " + out + " (");
    String html = Files.readString(out);
    assertThat(html).contains("id=\"comparison\"").contains("open-channel")
        .contains("qreLambda").doesNotContain("src=\"http").doesNotContain("href=\"http");
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
    try (var files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(OutputFolder.MARKER, "report.html");
    }
  }

  @Test
  void reportOutIsAFolderLikeRunOut(@TempDir Path dir) throws Exception {
    Path mine = Files.createDirectory(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "keep");
    Result refused = run("report", SCENARIO, "--runs", "5", "--tornado-runs", "0", "--out",
        mine.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("is not a Detente output folder");
    assertThat(mine.resolve("notes.txt")).hasContent("keep");
    Result html = run("report", SCENARIO, "--runs", "5", "--out",
        dir.resolve("r.html").toString());
    assertThat(html.code()).isEqualTo(2);
    assertThat(html.err()).contains("--out names a folder, which receives report.html")
        .contains("e.g. --out " + dir.resolve("r"));
    assertThat(dir.resolve("r.html")).doesNotExist();
  }
}
