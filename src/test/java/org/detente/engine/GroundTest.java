package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.detente.cli.Models;
import org.detente.model.Action;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Ground and combat on small scenarios built for them (src/test/resources/scenarios/ground):
 * a garrison at 1:3 keeps its post, a war with forces in contact has deaths, a neighbour's
 * invasion draws the invaded side's army and an allied great power's army into the theater where
 * the fighting is, the status quo follows who holds a disputed theater, and a deal assigns it.
 */
class GroundTest {

  private static CompiledModel model(String name) {
    Scenario sc = ScenarioLoader.load(Path.of("src/test/resources/scenarios/ground/" + name));
    return Models.compile(sc, ModelParameters.from(sc));
  }

  @Test
  void aGarrisonAtOneToThreeKeepsItsPost() {
    CompiledModel m = model("garrison.yaml");
    int holder = m.scenario().actorIndex("AAA");
    int post = m.scenario().theaterIndex("POST");
    for (int i = 0; i < 100; i++) {
      Simulator sim = new Simulator(m);
      sim.start(Rng.runSeed(1L, i), i);
      RunState s = sim.state();
      int changes = 0;
      int last = s.control[post];
      while (!sim.done()) {
        double ratioBefore = s.forces[(1 - holder) * m.nT + post]
            / Math.max(1e-9, s.forces[holder * m.nT + post]);
        sim.advance();
        if (s.control[post] != last) {
          changes++;
          last = s.control[post];
        }
        if (ratioBefore < 1.0) {
          // outnumbered attackers never take the post, whatever the garrison's size
          assertThat(s.control[post]).as("run %d week %d", i, s.week).isEqualTo(holder);
        }
      }
      assertThat(changes).as("changes of control in run %d", i).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void aWarWithForcesInContactHasDeaths() {
    CompiledModel m = model("contact.yaml");
    Simulator sim = new Simulator(m);
    int quiet = 0;
    for (int i = 0; i < 100; i++) {
      sim.start(Rng.runSeed(1L, i), i);
      sim.advance(); // week 0: at war from the start, forces across the border
      boolean attacked = false;
      for (int e = 0; e < sim.eventCount(); e++) {
        attacked |= sim.eventAction(e) == Action.ATTACK;
      }
      double deaths = 0;
      for (int a = 0; a < m.nA; a++) {
        deaths += sim.deaths(a, CasualtyKind.MILITARY);
      }
      assertThat(deaths).as("military deaths in week 0 of run %d", i).isPositive();
      quiet += attacked ? 0 : 1;
    }
    // in some runs nobody attacks in week 0: the deaths there come from the fire across the border
    assertThat(quiet).isPositive();
  }

  /** Week-0 military deaths of run i of the model. */
  private static double weekZeroDeaths(CompiledModel m, int i) {
    Simulator sim = new Simulator(m);
    sim.start(Rng.runSeed(1L, i), i);
    sim.advance();
    double deaths = 0;
    for (int a = 0; a < m.nA; a++) {
      deaths += sim.deaths(a, CasualtyKind.MILITARY);
    }
    return deaths;
  }

  private static CompiledModel model(String name, double engagementWeeks) {
    Scenario sc = ScenarioLoader.load(Path.of("src/test/resources/scenarios/ground/" + name));
    return Models.compile(sc, ModelParameters.from(sc).with("engagementWeeks", engagementWeeks));
  }

  @Test
  void aWarBegunDuringARunOpensAtAFractionOfFullIntensity() {
    // same seeds, so the same week-0 decisions (made before the week's fighting); only the
    // attrition coefficient differs: (1 - e^-1/10) / (1 - e^-1/1) = 0.1506, and losses that are
    // a small share of the forces are nearly proportional to it (Lanchester's square law)
    double expected = (1 - Math.exp(-0.1)) / (1 - Math.exp(-1.0));
    CompiledModel slow = model("opening.yaml", 10);
    CompiledModel fast = model("opening.yaml", 1);
    for (int i = 0; i < 20; i++) {
      double dSlow = weekZeroDeaths(slow, i);
      double dFast = weekZeroDeaths(fast, i);
      assertThat(dFast).as("week-0 deaths of run %d", i).isPositive();
      assertThat(dSlow / dFast).as("run %d", i).isCloseTo(expected, within(0.01));
    }
    // a war going on at week 0 fights at full intensity whatever engagementWeeks
    for (int i = 0; i < 20; i++) {
      assertThat(weekZeroDeaths(model("contact.yaml", 10), i))
          .isEqualTo(weekZeroDeaths(model("contact.yaml", 1), i));
    }
  }

  @Test
  void theInvadedSideAndAnAlliedGreatPowerCrossIntoTheFighting() {
    CompiledModel m = model("invasion.yaml");
    int sml = m.scenario().actorIndex("SML");
    int grp = m.scenario().actorIndex("GRP");
    int front = m.scenario().theaterIndex("FRONT");
    int runs = 200;
    int smlCrossed = 0;
    int grpCrossed = 0;
    for (int i = 0; i < runs; i++) {
      Simulator sim = new Simulator(m);
      sim.start(Rng.runSeed(1L, i), i);
      RunState s = sim.state();
      double garrison = s.forces[sml * m.nT + front];
      boolean sIn = false;
      boolean gIn = false;
      while (!sim.done()) {
        sim.advance();
        sIn |= s.forces[sml * m.nT + front] > garrison;
        gIn |= s.forces[grp * m.nT + front] > 0;
      }
      smlCrossed += sIn ? 1 : 0;
      grpCrossed += gIn ? 1 : 0;
    }
    // 148 of 200 runs (the great power, in peacetime with the invader, keeps its standing
    // course more often since the status-quo bias, and the invaded side's odds follow its help)
    assertThat(smlCrossed).as("runs in which the invaded side's army enters the province")
        .isGreaterThan(runs * 2 / 3);
    assertThat(grpCrossed).as("runs in which the great power's army enters the province")
        .isGreaterThan(runs / 2);
  }

  @Test
  void theStatusQuoFollowsWhoHoldsTheIsland() {
    CompiledModel m = model("island.yaml");
    int far = m.scenario().actorIndex("FAR");
    int near = m.scenario().actorIndex("NEAR");
    Simulator sim = new Simulator(m);
    sim.start(Rng.runSeed(1L, 0), 0);
    RunState s = sim.state();
    Situation situation = new Situation(m, s);
    Valuation valuation = new Valuation(m, s, situation);
    Valuation.Motives farV = new Valuation.Motives(m.types.maxMot());
    Valuation.Motives nearV = new Valuation.Motives(m.types.maxMot());
    // week 0, before the seizure: the owner holds the island, its status quo is its own end
    valuation.motives(far, near, farV);
    valuation.motives(near, far, nearV);
    double farBefore = farV.sq(m.motives.uSq(far, 0), 0);
    double nearBefore = nearV.sq(m.motives.uSq(near, 0), 0);
    sim.advance(); // the neighbour seizes the island
    assertThat(s.control[m.scenario().theaterIndex("ISLE")]).isEqualTo(near);
    valuation.motives(far, near, farV);
    valuation.motives(near, far, nearV);
    // FAR: salience 80 on an issue it now stands to lose at 100 instead of holding at 0
    assertThat(farBefore - farV.sq(m.motives.uSq(far, 0), 0)).isCloseTo(0.8,
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(nearV.sq(m.motives.uSq(near, 0), 0) - nearBefore).isCloseTo(0.9,
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aDealOnTheIslandsSovereigntyAssignsIt() {
    CompiledModel m = model("island.yaml");
    int far = m.scenario().actorIndex("FAR");
    int near = m.scenario().actorIndex("NEAR");
    int isle = m.scenario().theaterIndex("ISLE");
    int main = m.scenario().theaterIndex("MAIN");
    Simulator sim = new Simulator(m);
    sim.start(Rng.runSeed(1L, 0), 0);
    sim.advance(); // the seizure
    RunState s = sim.state();
    assertThat(s.control[isle]).isEqualTo(near);
    double nearOnIsle = s.forces[near * m.nT + isle];
    double nearAtHome = s.forces[near * m.nT + main];
    Situation situation = new Situation(m, s);
    Questions questions = new Questions(m, s);
    Bargaining bargaining = new Bargaining(m, s, situation, new Valuation(m, s, situation),
        new EventLog(m, s, questions), questions, new Trace());
    // the focal deal stands below 50 on the island's sovereignty: the owner gets it back, and
    // the neighbour's forces there go home
    assertThat(m.territory.focal(0)).isLessThan(50);
    bargaining.deal(far, near, -1);
    assertThat(s.control[isle]).isEqualTo(far);
    assertThat(s.forces[near * m.nT + isle]).isZero();
    assertThat(s.forces[near * m.nT + main]).isEqualTo(nearAtHome + nearOnIsle,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.war[far * m.nA + near]).isFalse();
  }
}
