package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.detente.analysis.Evidence;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detente events import | evidence | compare} end to end. */
class EventsCommandTest {

  private static final String SAMPLE = "examples/events/gdelt1_events_sample_20160728.tsv";
  private static final String SCENARIO = "scenarios/us-russia-2022.yaml";

  @Test
  void importPrintsTotalsAsJson() throws Exception {
    CliRun.Result r = CliRun.exec("events", "import", SAMPLE, "--actors", "USA,RUS", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("rowsRead").asLong()).isEqualTo(710);
    assertThat(j.get("rowsKept").asLong()).isEqualTo(3);
    assertThat(j.get("malformed").asLong()).isZero();
    assertThat(j.get("readByQuadClass").get("1").asLong()).isEqualTo(433);
    assertThat(j.get("readByRootCode").get("19").asLong()).isEqualTo(48);
    assertThat(j.get("files").get(0).get("format").asText()).isEqualTo("gdelt1");
  }

  @Test
  void importWritesSeriesRowsAndTotals(@TempDir Path dir) throws Exception {
    Path gz = dir.resolve("sample.tsv.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(Path.of(SAMPLE)));
    }
    Path out = dir.resolve("imported");
    CliRun.Result r = CliRun.exec("events", "import", gz.toString(), "--actors", "USA,RUS",
        "--week0", "2016-07-25", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("rows read 710: kept 3, malformed 0");
    List<String> rows = Files.readAllLines(out.resolve("rows.tsv"));
    assertThat(rows).hasSize(4);
    assertThat(rows.get(1)).startsWith("0\t").contains("\t564157307\t2016-07-28\tUSA\tRUS\t051\t05");
    assertThat(Files.readString(out.resolve("weekly.csv"))).contains("# week0: 2016-07-25")
        .contains("\n0,2016-07-25,USA,RUS,3,");
    assertThat(Files.readString(out.resolve("totals.json"))).contains("\"rowsKept\" : 3");
  }

  @Test
  void importWithoutActorsIsAUsageError() {
    CliRun.Result r = CliRun.exec("events", "import", SAMPLE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--actors CODES, --mapping FILE or --scenario FILE");
  }

  @Test
  void aMappingFileWithAnUnknownActorIsLocated(@TempDir Path dir) throws Exception {
    Path map = dir.resolve("map.txt");
    Files.writeString(map, "# codes\nUSA=USA\nRUS = MOSCOW\n");
    CliRun.Result r = CliRun.exec("events", "import", SAMPLE, "--mapping", map.toString(),
        "--scenario", SCENARIO);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("map.txt:3:7: mapping: expected an actor id of the scenario")
        .contains("(got 'MOSCOW')").doesNotContain("Exception");
  }

  /** Import, evidence and compare on a history of the model's own (one run of the ensemble). */
  @Test
  void evidenceAndCompareOnAnImportedSeries(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("events.tsv");
    StringBuilder sb = new StringBuilder("SQLDATE\tActor1Code\tActor2Code\tEventCode"
        + "\tGoldsteinScale\tTheater\tRun\tWeek\tAction\n");
    String[][] rows = {
      {"20220321", "RUS", "UKR", "190", "-10.0"}, {"20220322", "RUS", "UKR", "190", "-10.0"},
      {"20220323", "RUS", "UKR", "193", "-10.0"}, {"20220328", "USA", "RUS", "163", "-8.0"},
      {"20220404", "RUS", "USA", "1385", "-7.0"}, {"20220411", "USA", "RUS", "040", "1.0"}};
    for (String[] r : rows) {
      sb.append(String.join("\t", r)).append("\t\t0\t0\tx\n");
    }
    Files.writeString(log, sb.toString());
    Path series = dir.resolve("series");
    CliRun.Result imp = CliRun.exec("events", "import", log.toString(), "--scenario", SCENARIO,
        "--out", series.toString(), "-q");
    assertThat(imp.code()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("Detente event log").contains("kept 6");

    Path evDir = dir.resolve("evidence");
    CliRun.Result e = CliRun.exec("events", "evidence", series.toString(), "--scenario",
        SCENARIO, "--min", "1", "--absent", "20", "-o", evDir.toString());
    assertThat(e.code()).as(e.err()).isZero();
    Path ev = evDir.resolve("evidence.yaml");
    assertThat(e.out()).startsWith(ev + ": ");
    Evidence evidence = Evidence.load(ev, ScenarioLoader.load(Path.of(SCENARIO)));
    assertThat(evidence.items()).extracting(i -> i.id()).contains("RUS-UKR-19-w0",
        "RUS-USA-13-w2", "USA-RUS-16-w1", "USA-RUS-04-w3", "RUS-UKR-no-20");

    Path svg = dir.resolve("chart.svg");
    CliRun.Result c = CliRun.exec("events", "compare", SCENARIO, series.toString(), "-n", "8",
        "-t", "1", "--json", "--svg", svg.toString(), "-q");
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(c.out());
    assertThat(j.get("runs").asInt()).isEqualTo(8);
    assertThat(j.get("dyads")).hasSize(3);
    assertThat(j.get("weeks").asInt()).isEqualTo(4);
    assertThat(j.get("quadShares").get("4").get("observed").asDouble())
        .isCloseTo(4.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(j.get("energyDistance").get("d2").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(Files.readString(svg)).startsWith("<?xml").contains("xmlns=\"http://www.w3.org/2000/svg\"")
        .endsWith("</svg>\n");
  }

  @Test
  void theReportShowsTheComparisonWhenGivenASeries(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("events.tsv");
    Files.writeString(log, "SQLDATE\tActor1Code\tActor2Code\tEventCode\tGoldsteinScale"
        + "\tTheater\tRun\tWeek\tAction\n20220321\tRUS\tUKR\t190\t-10.0\t\t0\t0\tattack\n"
        + "20220329\tUKR\tRUS\t040\t1.0\t\t0\t1\tconsult\n");
    Path series = dir.resolve("series");
    assertThat(CliRun.exec("events", "import", log.toString(), "--scenario", SCENARIO, "--out",
        series.toString(), "-q").code()).isZero();
    Path out = dir.resolve("rep");
    CliRun.Result r = CliRun.exec("report", SCENARIO, "-n", "6", "-t", "1", "--tornado-runs",
        "0", "--observed", series.toString(), "--out", out.toString(), "-q");
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<section id=\"events\"><h2>Observed against simulated event mix")
        .contains("href=\"#events\"").contains("RUS&gt;UKR, UKR&gt;RUS")
        .contains("Energy distance D²").contains("--observed").contains("observed event series");
  }

  @Test
  void compareRefusesASeriesOffTheScenariosClock(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("s");
    assertThat(CliRun.exec("events", "import", SAMPLE, "--actors", "USA,RUS", "--out",
        out.toString(), "-q").code()).isZero();
    CliRun.Result c = CliRun.exec("events", "compare", SCENARIO, out.toString(), "-n", "2");
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.err()).contains("the series ends before the scenario's week 0 (2022-03-21)");
    Path tuesday = dir.resolve("t");
    assertThat(CliRun.exec("events", "import", SAMPLE, "--actors", "USA,RUS", "--week0",
        "2016-07-26", "--out", tuesday.toString(), "-q").code()).isZero();
    c = CliRun.exec("events", "compare", SCENARIO, tuesday.toString(), "-n", "2");
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.err()).contains("week 0 starts on 2016-07-26").contains("--week0 2022-03-21");
  }
}
