package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.detente.cli.CliRun.Result;
import org.junit.jupiter.api.Test;

/**
 * {@code --rare}: the JSON object run writes, the same answer for any thread count, a surviving
 * trajectory that explain replays to the event, and usage errors for a bad target or budget.
 */
class RareCommandTest {

  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";

  private static JsonNode rare(String threads) throws Exception {
    Result r = CliRun.exec("run", CUBA, "--runs", "20", "--threads", threads, "-q", "--json",
        "--no-timing", "--rare", "deal-within-4-weeks", "--rare-particles", "20",
        "--rare-error", "0.001", "--rare-budget", "6000w");
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out()).get("rare");
  }

  @Test
  void runWritesTheEstimateWithItsIntervalAndWhatPlainMonteCarloWouldNeed() throws Exception {
    JsonNode o = rare("1");
    for (String k : new String[] {"p", "lo", "hi", "relativeError", "effectiveSampleSize",
        "simulatedWeeks", "bruteForceRuns", "replications", "levels", "paths"}) {
      assertThat(o.has(k)).as(k).isTrue();
    }
    double p = o.get("p").asDouble();
    assertThat(p).isBetween(o.get("lo").asDouble(), o.get("hi").asDouble());
    assertThat(p).isBetween(0.2, 0.9); // plain runs: 0.55 [0.53, 0.57]
    assertThat(o.get("simulatedWeeks").asLong()).isGreaterThanOrEqualTo(6000);
    assertThat(o.get("stop").asText()).isEqualTo("weeks");
    double re = o.get("relativeError").asDouble();
    assertThat(o.get("bruteForceRuns").asDouble())
        .isCloseTo(Math.ceil((1 - p) / (p * re * re)),
            org.assertj.core.data.Offset.offset(1.0));
    assertThat(rare("2")).isEqualTo(o);

    String replay = o.get("paths").get(0).get("replay").asText();
    assertThat(replay).startsWith("detente explain " + CUBA + " --seed 1 --split-path ");
    String path = replay.substring(replay.indexOf("--split-path ") + 13).split(" ")[0];
    assertThat(replay).endsWith(" --rare-tilt 0.05");
    Result ex = CliRun.exec("explain", CUBA, "--seed", "1", "--split-path", path,
        "--rare-tilt", "0.05");
    assertThat(ex.code()).as(ex.err()).isZero();
    assertThat(ex.out()).contains("Splitting trajectory " + path);
  }

  @Test
  void compareGivesEachArmsEstimateAndTheirDifferencePairedByReplication() throws Exception {
    Result r = CliRun.exec("compare", CUBA, "--baseline", "--policy", "no-back-channel",
        "--runs", "20", "-q", "--json", "--rare", "deal-within-4-weeks", "--rare-particles",
        "20", "--rare-budget", "4000w");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode arms = new ObjectMapper().readTree(r.out()).get("rare").get("arms");
    JsonNode base = arms.get("baseline");
    JsonNode arm = arms.get("no-back-channel");
    assertThat(arm.get("replications").asInt()).isEqualTo(base.get("replications").asInt());
    double diff = arm.get("diff").asDouble();
    assertThat(diff).isCloseTo(arm.get("p").asDouble() - base.get("p").asDouble(),
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(diff).isBetween(arm.get("diffLo").asDouble(), arm.get("diffHi").asDouble());
  }

  @Test
  void badTargetOrBudgetIsAUsageError() {
    Result r = CliRun.exec("run", CUBA, "--runs", "1", "-q", "--rare", "nuclear-war");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown --rare target 'nuclear-war'").contains("nuclear_use")
        .contains("deal-within-4-weeks");
    Result b = CliRun.exec("run", CUBA, "--runs", "1", "-q", "--rare", "nuclear_use",
        "--rare-budget", "ten");
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains("--rare-budget 'ten'");
    Result e = CliRun.exec("explain", CUBA, "--split-path", "1:2,x");
    assertThat(e.code()).isEqualTo(2);
    assertThat(e.err()).contains("--split-path '1:2,x'");
  }
}
