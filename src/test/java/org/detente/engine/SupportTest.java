package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.detente.cli.Models;
import org.detente.model.Action;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A great power backs the victim of an invasion without being hostile to the invader
 * (src/test/resources/scenarios/actors/sponsor.yaml: hostility 0.1, below the threshold at which
 * it would be a party to the crisis; it stands near the victim on the issue). Pins what the
 * engine does: it sanctions the invader and arms the victim early in most runs, the arms put a
 * share of its strength on the victim's side and raise the victim's effectiveness, the
 * sanctions weigh on the invader's holding out against the victim until a deal, and the same
 * power without a stake (no position on the issue) does nothing.
 */
class SupportTest {

  private static final Path FILE = Path.of("src/test/resources/scenarios/actors/sponsor.yaml");
  private static final int RUNS = 200;
  private static final int EARLY = 4; // weeks 0..3

  private static CompiledModel model(Path file) {
    Scenario sc = ScenarioLoader.load(file);
    return Models.compile(sc, ModelParameters.from(sc));
  }

  /** Counts runs in which GP takes the action toward the target within the first weeks. */
  private static int early(CompiledModel m, Action act, String target) {
    int gp = m.scenario().actorIndex("GP");
    int tg = m.scenario().actorIndex(target);
    Simulator sim = new Simulator(m);
    int n = 0;
    for (int i = 0; i < RUNS; i++) {
      sim.run(1L, i);
      for (int e = 0; e < sim.eventCount(); e++) {
        if (sim.eventActor(e) == gp && sim.eventAction(e) == act && sim.eventTarget(e) == tg
            && sim.eventWeek(e) < EARLY) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  @Test
  void theGreatPowerSanctionsTheInvaderAndArmsTheVictimEarly() {
    CompiledModel m = model(FILE);
    assertThat(early(m, Action.SANCTION, "AGG")).as("runs with sanctions on the invader")
        .isGreaterThan(RUNS / 2);
    // the event of arms to a proxy names the recipient as its target
    assertThat(early(m, Action.ARM_PROXY, "VIC")).as("runs with arms to the victim")
        .isGreaterThan(RUNS * 3 / 4);
  }

  @Test
  void armsPutAShareOfTheSponsorOnTheVictimsSideAndRaiseItsEffectiveness() {
    CompiledModel m = model(FILE);
    int gp = m.scenario().actorIndex("GP");
    int vic = m.scenario().actorIndex("VIC");
    int armed = 0;
    double[] eff = new double[m.nT];
    for (int i = 0; i < 50; i++) {
      Simulator sim = new Simulator(m);
      sim.start(Rng.runSeed(1L, i), i);
      RunState s = sim.state();
      while (!sim.done() && s.support[gp * m.nA + vic] == 0) {
        for (int t = 0; t < m.nT; t++) {
          eff[t] = s.forces[vic * m.nT + t] > 0 ? s.eff[vic * m.nT + t] : -1;
        }
        sim.advance();
        if (s.support[gp * m.nA + vic] > 0) {
          armed++;
          assertThat(s.support[gp * m.nA + vic]).isEqualTo(m.constants.aidShare());
          // wherever the victim's forces stood before the arms and still stand, they fight
          // better (up to the cap of 3)
          int raised = 0;
          for (int t = 0; t < m.nT; t++) {
            if (eff[t] > 0 && eff[t] < 3.0 && s.forces[vic * m.nT + t] > 0) {
              assertThat(s.eff[vic * m.nT + t]).as("the victim's effectiveness after the arms")
                  .isGreaterThan(eff[t]);
              raised++;
            }
          }
          assertThat(raised).isPositive();
        }
      }
    }
    assertThat(armed).isGreaterThan(40);
  }

  @Test
  void sanctionsWeighOnTheInvadersHoldingOutUntilADeal() {
    CompiledModel m = model(FILE);
    int gp = m.scenario().actorIndex("GP");
    int vic = m.scenario().actorIndex("VIC");
    int agg = m.scenario().actorIndex("AGG");
    double pain = m.constants.coercionPain();
    int weeks = 0;
    for (int i = 0; i < 50; i++) {
      Simulator sim = new Simulator(m);
      sim.start(Rng.runSeed(1L, i), i);
      RunState s = sim.state();
      boolean deal = false;
      while (!sim.done() && !deal) {
        sim.advance();
        for (int e = 0; e < sim.eventCount(); e++) {
          deal |= sim.eventAction(e) == Action.AGREEMENT;
        }
        if (!deal && (s.supportDone[gp * m.nA + agg] & Support.SANCTIONED) != 0) {
          // the sanctions stand: the invader's holding out against the victim costs at least
          // their pain every week, where coercion alone would fade by a tenth a week
          assertThat(s.pressure[vic * m.nA + agg]).as("run %d week %d", i, s.week)
              .isGreaterThanOrEqualTo(pain - 1e-12);
          weeks++;
        }
      }
    }
    assertThat(weeks).isGreaterThan(100);
  }

  @Test
  void withoutAStakeTheGreatPowerStaysOut(@TempDir Path dir) throws IOException {
    String yaml = Files.readString(FILE)
        .replace("      - {actor: GP, position: 10, salience: 60, capability: 700}\n", "");
    assertThat(yaml).doesNotContain("actor: GP, position");
    Path file = dir.resolve("no-stake.yaml");
    Files.writeString(file, yaml);
    CompiledModel m = model(file);
    int gp = m.scenario().actorIndex("GP");
    Simulator sim = new Simulator(m);
    for (int i = 0; i < RUNS; i++) {
      sim.run(1L, i);
      for (int e = 0; e < sim.eventCount(); e++) {
        assertThat(sim.eventActor(e)).as("run %d event %d", i, e).isNotEqualTo(gp);
      }
    }
  }
}
