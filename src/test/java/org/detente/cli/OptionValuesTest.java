package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Option values out of their range are invalid input (exit 1), refused before any work. */
class OptionValuesTest {

  private static final String SCEN = "src/test/resources/scenarios/minimal.yaml";

  @Test
  void negativeOrUselessCountsAreRefused() {
    assertRefused("--alternatives must be at least 0, got -1",
        "explain", SCEN, "--alternatives", "-1");
    assertRefused("--candidates must be at least --samples (10), got -1",
        "sensitivity", SCEN, "--candidates", "-1");
    assertRefused("--bootstrap must be at least 2, got 0",
        "sensitivity", SCEN, "--method", "sobol", "--bootstrap", "0");
  }

  @Test
  void aHorizonOverTheScenarioLimitIsRefused() {
    assertRefused("--horizon (weeks) must be at most 100000 (the scenario limit), got 100001",
        "run", SCEN, "--horizon", "100001", "--runs", "1");
  }

  private static void assertRefused(String message, String... args) {
    CliRun.Result r = CliRun.exec(args);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("detente: " + message + System.lineSeparator());
  }
}
