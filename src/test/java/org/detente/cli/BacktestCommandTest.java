package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.detente.bargain.SpatialModel;
import org.detente.engine.DealForecaster;
import org.detente.model.BargainProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detente backtest}: JSON keys, reproducibility, skipped crises, emitted scenarios,
 * parameters set over the defaults.
 */
class BacktestCommandTest {

  /** Crises on both sides of 1980 and two that cannot be expressed (1: non-state trigger, 474). */
  private static final String CRISES = "1,123,196,231,392,431,474";

  @TempDir Path tmp;

  @Test
  void jsonHasTheScoresOfBothSetsPerVariable() throws Exception {
    CliRun.Result r = CliRun.exec("backtest", "--crises", CRISES, "-n", "50", "--json", "-q",
        "--no-timing");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("split").asInt()).isEqualTo(1980);
    for (String set : List.of("training", "heldOut")) {
      for (String v : List.of("violence", "outcomeForm", "duration", "actorOutcome")) {
        JsonNode n = root.get(set).get(v);
        assertThat(n).as(set + "." + v).isNotNull();
        for (String k : List.of("brier", "rps", "log", "brierSkill", "rpsSkill",
            "brierSkillVsBaseline", "rpsSkillVsBaseline", "climatology", "baseline",
            "reliability", "brierSkillInterval", "brierSkillVsBaselineInterval")) {
          assertThat(n.has(k)).as(set + "." + v + "." + k).isTrue();
        }
        // the bootstrap interval brackets the skill of the crises as they are
        double skill = n.get("brierSkill").asDouble();
        assertThat(n.get("brierSkillInterval").get(0).asDouble()).as(set + "." + v)
            .isLessThanOrEqualTo(skill + 1e-4);
        assertThat(n.get("brierSkillInterval").get(1).asDouble()).as(set + "." + v)
            .isGreaterThanOrEqualTo(skill - 1e-4);
      }
    }
    assertThat(root.get("training").get("crises").asInt()).isEqualTo(3); // 123, 196, 231
    assertThat(root.get("heldOut").get("crises").asInt()).isEqualTo(2);  // 392, 431
    assertThat(root.has("bench")).isFalse();
    assertThat(root.get("bootstrap").get("resamples").asInt()).isEqualTo(2000);
    // the post-processed forecasts are reported beside, never instead of, the raw ones
    JsonNode rc = root.get("recalibrated");
    for (String v : List.of("violence", "outcomeForm", "duration", "actorOutcome")) {
      assertThat(rc.get("fit").get(v).has("exponent")).as(v).isTrue();
      assertThat(rc.get("fit").get(v).get("offsets").size()).as(v).isEqualTo(4);
      for (String set : List.of("training", "heldOut")) {
        assertThat(rc.get(set).get(v).has("brierSkill")).as(set + "." + v).isTrue();
      }
    }
  }

  @Test
  void skippedCrisesAndDataGapsAreCountedAndNamed() throws Exception {
    CliRun.Result r = CliRun.exec("backtest", "--crises", CRISES, "-n", "10", "--json", "-q",
        "--no-timing");
    JsonNode c = new ObjectMapper().readTree(r.out()).get("crises");
    assertThat(c.get("total").asInt()).isEqualTo(7);
    assertThat(c.get("scored").asInt()).isEqualTo(5);
    assertThat(c.get("skipped").asInt()).isEqualTo(2);
    assertThat(c.get("skippedCrises").get(0).get("crisis").asInt()).isEqualTo(1);
    assertThat(c.get("skippedCrises").get(0).get("reason").asText())
        .startsWith("no state among the triggering entities");
    assertThat(c.get("skippedCrises").get(1).get("reason").asText())
        .isEqualTo("no trigger year in the ICB data");
    assertThat(c.get("dataGaps").asInt()).isEqualTo(c.get("dataGapList").size());
  }

  @Test
  void theScoresDoNotDependOnTheNumberOfThreads() {
    CliRun.Result one = CliRun.exec("backtest", "--crises", "123,196,392", "-n", "60", "-t", "1",
        "--json", "-q", "--no-timing");
    CliRun.Result three = CliRun.exec("backtest", "--crises", "123,196,392", "-n", "60", "-t",
        "3", "--json", "-q", "--no-timing");
    assertThat(one.code()).isZero();
    assertThat(three.out().replace("\"threads\" : 3", "\"threads\" : 1")).isEqualTo(one.out());
  }

  @Test
  void emittedScenariosValidateAndRun() throws Exception {
    Path emit = tmp.resolve("emit");
    Path out = tmp.resolve("out");
    CliRun.Result r = CliRun.exec("backtest", "--crises", "196,431", "-n", "20", "-q",
        "--emit", emit.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<Path> files;
    try (Stream<Path> s = Files.list(emit)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("icb-196.yaml", "icb-431.yaml");
    for (Path f : files) {
      assertThat(CliRun.exec("validate", f.toString()).code()).isZero();
      CliRun.Result run = CliRun.exec("run", f.toString(), "-n", "20", "-q", "--no-timing");
      assertThat(run.code()).as(run.err()).isZero();
    }
    assertThat(out.resolve("forecasts.csv")).exists();
    assertThat(out.resolve("reliability-heldOut-violence.svg")).exists();
    assertThat(Files.readString(out.resolve("summary.json"))).contains("\"heldOut\"");
  }

  @Test
  void aParameterSetForEveryCrisisMovesTheScoresAndIsRecorded() throws Exception {
    String crises = "123,196,392,431";
    CliRun.Result plain = CliRun.exec("backtest", "--crises", crises, "-n", "60", "--json", "-q",
        "--no-timing");
    // the catalogue's own value: the same forecasts, and the override recorded
    CliRun.Result same = CliRun.exec("backtest", "--crises", crises, "-n", "60", "--json", "-q",
        "--no-timing", "--param", "qreLambda=8");
    // noisier decisions: other forecasts
    CliRun.Result low = CliRun.exec("backtest", "--crises", crises, "-n", "60", "--json", "-q",
        "--no-timing", "--param", "qreLambda=3");
    assertThat(low.code()).as(low.err()).isZero();
    ObjectMapper om = new ObjectMapper();
    JsonNode p = om.readTree(plain.out());
    JsonNode s = om.readTree(same.out());
    JsonNode l = om.readTree(low.out());
    assertThat(p.has("parameters")).isFalse();
    assertThat(s.get("parameters").get("qreLambda").asDouble()).isEqualTo(8);
    assertThat(l.get("parameters").get("qreLambda").asDouble()).isEqualTo(3);
    ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("parameters");
    assertThat(s).isEqualTo(p);
    double before = 0;
    double after = 0;
    for (String set : List.of("training", "heldOut")) {
      before += p.get(set).get("violence").get("brier").asDouble();
      after += l.get(set).get("violence").get("brier").asDouble();
    }
    assertThat(after).isNotEqualTo(before);
    CliRun.Result text = CliRun.exec("backtest", "--crises", "392", "-n", "10", "-q",
        "--no-timing", "--param", "negotiationWeeks=26");
    assertThat(text.out()).contains("parameters set over the catalogue's defaults:"
        + " negotiationWeeks=26.0");
    CliRun.Result bad = CliRun.exec("backtest", "--crises", "392", "--param",
        "negotiationWeeks=60");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--param 'negotiationWeeks=60': value 60.0 is outside the"
        + " catalogue's range [1.0, 52.0]");
  }

  @Test
  void unknownCrisisNumbersAreAUsageError() {
    CliRun.Result r = CliRun.exec("backtest", "--crises", "500");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--crises '500': no ICB crisis 500");
  }

  @Test
  void aDealBetweenTwoActorsIsTheirWeightedMean() {
    BargainProblem p = new BargainProblem("two", List.of("A", "B"), List.of("x"),
        new double[] {3, 1}, new double[][] {{0}, {100}}, new double[][] {{50}, {50}});
    assertThat(Models.SPATIAL.forecast(p)).containsExactly(
        DealForecaster.WEIGHTED_MEAN.forecast(p));
    assertThat(Models.SPATIAL.forecast(p)[0]).isEqualTo(25.0);
    // three actors still go to the spatial model
    BargainProblem three = new BargainProblem("three", List.of("A", "B", "C"), List.of("x"),
        new double[] {3, 1, 1}, new double[][] {{0}, {100}, {60}},
        new double[][] {{50}, {50}, {50}});
    assertThat(Models.SPATIAL.forecast(three))
        .containsExactly(SpatialModel.forecast(three).outcome());
  }
}
