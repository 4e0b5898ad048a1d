package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code detente bench engine}: repeated measurements report a median inside their range. */
class BenchEngineCommandTest {

  @Test
  void repeatsGiveAMedianWithinTheRange() throws Exception {
    CliRun.Result r = CliRun.exec("bench", "engine", "--runs", "10", "--repeats", "3",
        "--actors", "4", "--threads", "2", "--no-memory", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    for (JsonNode m : new JsonNode[] {root.at("/seedScenario/singleThread"),
        root.at("/seedScenario/multiThread"), root.at("/synthetic/0")}) {
      assertThat(m.get("repeats").asInt()).isEqualTo(3);
      double lo = m.get("runsPerSecondMin").asDouble();
      double mid = m.get("runsPerSecond").asDouble();
      double hi = m.get("runsPerSecondMax").asDouble();
      assertThat(lo).isPositive().isLessThanOrEqualTo(mid);
      assertThat(mid).isLessThanOrEqualTo(hi);
    }
    assertThat(root.at("/seedScenario/workPerRun/decisions").asDouble()).isPositive();
  }

  @Test
  void repeatsBelowOneIsInvalidInput() {
    CliRun.Result r = CliRun.exec("bench", "engine", "--repeats", "0", "--no-memory");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--repeats must be at least 1");
  }
}
