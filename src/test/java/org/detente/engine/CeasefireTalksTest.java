package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.detente.backtest.IcbFixtures;
import org.detente.cli.Models;
import org.detente.model.Action;
import org.detente.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deal the principals accept at war silences the guns at once and settles the crisis only when
 * a later round of talks finds the formula (docs/model.md section 2, "Talks take rounds"), on the
 * generated scenario of ICB crisis 322 (Ecuador and Peru, 1981), which opens with a clash.
 */
class CeasefireTalksTest {

  @TempDir Path tmp;

  @Test
  void aDealAtWarIsACeasefireNowAndASettlementAfterRoundsOfTalks() throws Exception {
    Scenario sc = IcbFixtures.load(322, tmp).scenario();
    CompiledModel m = Models.compile(sc, ModelParameters.from(sc));
    int pa = m.principalA();
    int pb = m.principalB();
    Simulator sim = new Simulator(m);
    List<Integer> begun = new ArrayList<>();
    List<Integer> found = new ArrayList<>();
    sim.setTracer(EngineFixtures.notes((week, text) -> {
      if (text.endsWith("on the terms begin under the ceasefire")) {
        begun.add(week);
      } else if (text.endsWith("find the formula")) {
        found.add(week);
      }
    }));
    int talks = 0;
    int settledLater = 0;
    for (int i = 0; i < 200; i++) {
      begun.clear();
      found.clear();
      sim.run(1, i);
      if (begun.isEmpty()) {
        continue;
      }
      talks++;
      int w = begun.get(0);
      // the ceasefire binds in the week of the accepted proposal, logged right after it
      boolean ceasefire = false;
      for (int e = 1; e < sim.eventCount(); e++) {
        Action prev = sim.eventAction(e - 1);
        ceasefire |= sim.eventWeek(e) == w && sim.eventAction(e) == Action.CEASEFIRE
            && (prev == Action.NEGOTIATE || prev == Action.OFFER)
            && sim.eventActor(e) == sim.eventActor(e - 1)
            && ((sim.eventActor(e) == pa && sim.eventTarget(e) == pb)
                || (sim.eventActor(e) == pb && sim.eventTarget(e) == pa));
      }
      assertThat(ceasefire).as("run %d: a ceasefire in week %d", i, w).isTrue();
      // no formula in the week of the ceasefire: the settlement, if any, comes later
      for (int fw : found) {
        assertThat(fw).isGreaterThan(w);
      }
      if (sim.settled() && !found.isEmpty()) {
        assertThat(sim.endWeek()).isGreaterThanOrEqualTo(found.get(0));
        settledLater++;
      }
    }
    // the opening clash makes deals at war common, and talks after them settle some crises
    assertThat(talks).isGreaterThan(20);
    assertThat(settledLater).isPositive();
  }
}
