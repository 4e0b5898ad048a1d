package org.detente.engine;

import org.detente.cli.Models;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Pins the bundled scenarios' ensembles bit for bit: a digest of everything observable in each
 * of the first 200 runs at master seed 1 (outcomes, rungs, casualties as raw bits, final control,
 * answers, every logged event). Speed work must leave it unchanged. A deliberate change to the
 * model changes it too: re-run this test, take the new digest from the failure message, and
 * re-run the figures quoted in README.md and docs/ at the same time.
 */
class EngineRegressionTest {

  private static final int RUNS = 200;

  @Test
  void usRussia2022() {
    assertThat(digest("scenarios/us-russia-2022.yaml")).isEqualTo(US_RUSSIA);
  }

  @Test
  void cubanMissileCrisis1962() {
    assertThat(digest("scenarios/cuban-missile-crisis-1962.yaml")).isEqualTo(CUBA);
  }

  private static long digest(String file) {
    Scenario sc = ScenarioLoader.load(Path.of(file));
    CompiledModel m = Models.compile(sc, ModelParameters.from(sc));
    long[] h = {17};
    Ensemble.run(m, 1L, RUNS, 1, r -> h[0] = h[0] * 31 + DeterminismTest.digest(r, m), null);
    return h[0];
  }

  // us-russia: changed when forces could deploy (the US reinforces Poland from Germany, Russia
  // moves forces from Belarus and western Russia into Ukraine), then by the ground and combat
  // changes (no garrison floor, fire across borders, combat wherever forces at war meet),
  // docs/model.md section 4; both by the continuation value of a channel, the ripening of a war
  // and no nuclear threats under no first use against states without nuclear protection
  // (docs/model.md sections 2 and 3); both by the mediators' credibility and leverage (Turkey
  // between Russia and Ukraine, the Soviet Union between the US and Cuba; docs/model.md
  // section 2, "Mediators"); both by the ripening of a crisis's strain (docs/model.md section 2);
  // us-russia by the ceasefire that comes before the terms of a deal made at war (docs/model.md
  // section 2, "Talks take rounds"); both by the violence parameters fitted on the ICB crises
  // (docs/backtest.md section 5, fit F)
  private static final long US_RUSSIA = -555997250021581898L;
  private static final long CUBA = 267205052791819077L;
}
