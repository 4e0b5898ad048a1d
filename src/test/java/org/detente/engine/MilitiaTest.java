package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.detente.cli.Models;
import org.detente.model.Action;
import org.detente.scenario.Principals;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A militia sponsored by a state (src/test/resources/scenarios/actors/militia.yaml: hostile to
 * its neighbour at 0.8, its sponsor at 0.2 with the neighbour, below the threshold of an active
 * pair). Pins what the engine does with a non-state actor: the militia attacks across the border
 * in some runs, the sponsor arms it in most, each hostile act of the militia turns half its
 * hostility (the default attribution) toward the sponsor, the principals of the crisis are the
 * victim and the sponsor, and neither the militia nor the victim toward it takes an action
 * reserved to states (treaties, channels, sanctions, alliances).
 */
class MilitiaTest {

  private static final Path FILE = Path.of("src/test/resources/scenarios/actors/militia.yaml");
  private static final int RUNS = 200;

  private static CompiledModel model(Path file) {
    Scenario sc = ScenarioLoader.load(file);
    return Models.compile(sc, ModelParameters.from(sc));
  }

  @Test
  void thePrincipalsAreTheVictimAndTheSponsor() {
    Scenario sc = ScenarioLoader.load(FILE);
    Principals p = Principals.of(sc);
    assertThat(p.declared()).isFalse();
    assertThat(sc.actors().get(p.a()).id()).isEqualTo("VIC");
    assertThat(sc.actors().get(p.b()).id()).isEqualTo("SPO");
    // the militia-victim pair (0.8) counts as the sponsor's, so the guess is not doubtful
    assertThat(p.warnings()).isEmpty();
    CompiledModel m = model(FILE);
    assertThat(m.principalA()).isEqualTo(sc.actorIndex("VIC"));
    assertThat(m.principalB()).isEqualTo(sc.actorIndex("SPO"));
  }

  @Test
  void withoutTheSponsorTheMilitiaIsAPrincipal(@TempDir Path dir) throws IOException {
    String yaml = Files.readString(FILE).replace("    sponsor: SPO\n", "");
    Path file = dir.resolve("no-sponsor.yaml");
    Files.writeString(file, yaml);
    Scenario sc = ScenarioLoader.load(file);
    Principals p = Principals.of(sc);
    assertThat(sc.actors().get(p.a()).id()).isEqualTo("VIC");
    assertThat(sc.actors().get(p.b()).id()).isEqualTo("MIL");
  }

  @Test
  void theMilitiaAttacksAndTheSponsorArmsIt() {
    CompiledModel m = model(FILE);
    int mil = m.scenario().actorIndex("MIL");
    int vic = m.scenario().actorIndex("VIC");
    int spo = m.scenario().actorIndex("SPO");
    Simulator sim = new Simulator(m);
    int attacks = 0;
    int armed = 0;
    for (int i = 0; i < RUNS; i++) {
      sim.run(1L, i);
      boolean attack = false;
      boolean arms = false;
      for (int e = 0; e < sim.eventCount(); e++) {
        attack |= sim.eventActor(e) == mil && sim.eventTarget(e) == vic
            && sim.eventAction(e) == Action.ATTACK;
        // the event of arms to a proxy names the recipient as its target
        arms |= sim.eventActor(e) == spo && sim.eventTarget(e) == mil
            && sim.eventAction(e) == Action.ARM_PROXY;
      }
      attacks += attack ? 1 : 0;
      armed += arms ? 1 : 0;
    }
    assertThat(attacks).as("runs in which the militia attacks the victim")
        .isGreaterThan(RUNS / 20);
    assertThat(armed).as("runs in which the sponsor arms the militia")
        .isGreaterThan(RUNS * 3 / 4);
  }

  @Test
  void theVictimBlamesTheSponsorForTheMilitiasActs() {
    CompiledModel m = model(FILE);
    int mil = m.scenario().actorIndex("MIL");
    int vic = m.scenario().actorIndex("VIC");
    int spo = m.scenario().actorIndex("SPO");
    int nA = m.nA;
    // exact: an act raising MIL-VIC hostility by 0.1 raises SPO-VIC by attribution 0.5 x 0.1
    Simulator sim = new Simulator(m);
    sim.start(Rng.runSeed(1L, 0), 0);
    RunState s = sim.state();
    double before = s.hostility[spo * nA + vic];
    s.addHostilityBy(m.actors, mil, vic, 0.1);
    assertThat(s.hostility[spo * nA + vic]).isCloseTo(before + 0.05, within(1e-12));
    assertThat(s.hostility[vic * nA + spo]).isEqualTo(s.hostility[spo * nA + vic]);
    // the victim's own acts toward the militia blame nobody
    before = s.hostility[spo * nA + vic];
    s.addHostilityBy(m.actors, vic, mil, 0.1);
    assertThat(s.hostility[spo * nA + vic]).isEqualTo(before);

    // in the engine: the week of a militia attack turns at least 0.3 of hostility toward the
    // sponsor (attribution 0.5 of the attack's 1.0, less at most what the week's other acts
    // between the two lower it), unless the pair is already near the top of the scale
    int weeks = 0;
    int rose = 0;
    for (int i = 0; i < RUNS; i++) {
      Simulator run = new Simulator(m);
      run.start(Rng.runSeed(1L, i), i);
      RunState st = run.state();
      while (!run.done()) {
        double h = st.hostility[spo * nA + vic];
        int w = st.week;
        run.advance();
        boolean attack = false;
        for (int e = 0; e < run.eventCount(); e++) {
          attack |= run.eventWeek(e) == w && run.eventActor(e) == mil
              && run.eventTarget(e) == vic && run.eventAction(e) == Action.ATTACK;
        }
        if (attack && h < 0.5) {
          weeks++;
          rose += st.hostility[spo * nA + vic] >= h + 0.3 ? 1 : 0;
        }
      }
    }
    assertThat(weeks).as("weeks with a militia attack").isGreaterThan(5);
    assertThat(rose).as("of which the sponsor was blamed").isGreaterThanOrEqualTo(weeks * 9 / 10);
  }

  @Test
  void theMilitiaTakesNoActionReservedToStates() {
    CompiledModel m = model(FILE);
    int mil = m.scenario().actorIndex("MIL");
    int vic = m.scenario().actorIndex("VIC");
    Set<Action> formal = EnumSet.of(Action.NEGOTIATE, Action.OFFER, Action.CONCEDE,
        Action.BREAK_RELATIONS, Action.RESTORE_RELATIONS, Action.THREATEN_BREAK_RELATIONS,
        Action.FORM_ALLIANCE, Action.AGREEMENT);
    Set<Action> statecraft = EnumSet.of(Action.SANCTION, Action.BLOCKADE, Action.ARM_PROXY);
    Simulator sim = new Simulator(m);
    for (int i = 0; i < RUNS; i++) {
      sim.run(1L, i);
      for (int e = 0; e < sim.eventCount(); e++) {
        int a = sim.eventActor(e);
        int b = sim.eventTarget(e);
        Action act = sim.eventAction(e);
        if (a == mil) {
          assertThat(act).as("run %d: the militia's act", i).isNotIn(formal)
              .isNotIn(statecraft);
        }
        if (a == vic && b == mil) {
          assertThat(act).as("run %d: the victim's act toward the militia", i).isNotIn(formal);
        }
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
