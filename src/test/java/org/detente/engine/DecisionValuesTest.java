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
 * The decision model's continuation values and doctrine rules against hand-computed values: the
 * continuation value of a channel in the utility of breaking and restoring relations, the
 * ripening of a war into a hurting stalemate, and no nuclear threat by a state pledged to no
 * first use against a state without nuclear protection (src/test/resources/scenarios/decisions).
 */
class DecisionValuesTest {

  private static CompiledModel model(String path) {
    Scenario sc = ScenarioLoader.load(Path.of(path));
    return Models.compile(sc, ModelParameters.from(sc));
  }

  private static boolean has(Candidates c, Action a) {
    for (int i = 0; i < c.n; i++) {
      if (c.action(i) == a) {
        return true;
      }
    }
    return false;
  }

  private static int index(Candidates c, Action a) {
    for (int i = 0; i < c.n; i++) {
      if (c.action(i) == a) {
        return i;
      }
    }
    throw new AssertionError(a + " not feasible");
  }

  @Test
  void noFirstUseRulesOutNuclearThreatsAgainstAStateWithoutNuclearProtection() {
    CompiledModel m = model("src/test/resources/scenarios/decisions/nfu.yaml");
    int nfu = m.scenario().actorIndex("NFU");
    int sml = m.scenario().actorIndex("SML");
    int riv = m.scenario().actorIndex("RIV");
    Simulator sim = new Simulator(m);
    sim.start(Rng.runSeed(1L, 0), 0);
    RunState s = sim.state();
    Situation situation = new Situation(m, s);
    situation.assess();
    FeasibleActions feasible =
        new FeasibleActions(m, s, situation, new Movement(m, s, new Trace()));
    assertThat(s.retaliation[sml]).isZero();
    assertThat(has(feasible.of(nfu, sml, false, true, RunState.OPEN), Action.THREATEN_NUCLEAR))
        .as("NFU may threaten the non-nuclear neighbour").isFalse();
    assertThat(has(feasible.of(nfu, riv, false, true, RunState.OPEN), Action.THREATEN_NUCLEAR))
        .as("NFU may threaten the nuclear-armed rival").isTrue();
    // the rival, whose doctrine allows first use, may threaten either
    assertThat(has(feasible.of(riv, sml, false, true, RunState.OPEN), Action.THREATEN_NUCLEAR))
        .isTrue();
    // once the neighbour has a nuclear-armed protector, or NFU has been struck, the threat is
    // one of retaliation and open again
    s.cred[riv * m.nA + sml] = 0.5;
    situation.assess();
    assertThat(s.retaliation[sml]).isPositive();
    assertThat(has(feasible.of(nfu, sml, false, true, RunState.OPEN), Action.THREATEN_NUCLEAR))
        .isTrue();
    s.cred[riv * m.nA + sml] = 0;
    situation.assess();
    s.struck[nfu] = true;
    assertThat(has(feasible.of(nfu, sml, false, true, RunState.OPEN), Action.THREATEN_NUCLEAR))
        .isTrue();
  }

  @Test
  void breakingAndRestoringRelationsCarryTheChannelsContinuationValue() {
    CompiledModel m = model("src/test/resources/scenarios/decisions/nfu.yaml");
    int nfu = m.scenario().actorIndex("NFU");
    int sml = m.scenario().actorIndex("SML");
    ModelConstants k = m.constants;
    // a degraded channel keeps the share of the noise it removes: (0.4 - 0.2) / (0.4 - 0.05)
    assertThat(k.channelWorth(RunState.DEGRADED)).isCloseTo(0.2 / 0.35, within(1e-12));
    for (int ch = RunState.OPEN; ch <= RunState.SEVERED; ch++) {
      Simulator sim = new Simulator(m);
      sim.start(Rng.runSeed(1L, 0), 0);
      RunState s = sim.state();
      s.channel[nfu * m.nA + sml] = ch;
      s.channel[sml * m.nA + nfu] = ch;
      Situation situation = new Situation(m, s);
      situation.assess();
      Valuation valuation = new Valuation(m, s, situation);
      FeasibleActions feasible =
          new FeasibleActions(m, s, situation, new Movement(m, s, new Trace()));
      LookAhead lookAhead = new LookAhead(m, s, valuation);
      UtilityModel utility = new UtilityModel(m, s, situation);
      boolean talk = ch != RunState.SEVERED;
      Candidates c = feasible.of(nfu, sml, false, talk, ch);
      double p = situation.winProb(nfu, sml);
      double h = s.hostility[nfu * m.nA + sml];
      LookAhead.Responses la =
          lookAhead.of(nfu, sml, 1 - p, false, talk, ch, h, c.front, c.hasNuclear);
      double acA = k.audienceCost() * s.rhetoric[nfu * m.nA + sml];
      utility.coefficients(nfu, sml, c, la, p, h, acA, false);
      utility.motiveTables(nfu, sml, c, valuation.motives(nfu, sml,
          new Valuation.Motives(m.types.maxMot())), p, acA);
      int row = 0;
      utility.utilities(0, 1.0, c.n, row);
      // waiting carries the peacetime status-quo bias, inertia / qreLambda stake units
      double wait = utility.util[row + index(c, Action.WAIT)] - k.inertia() / k.lambda();
      double span = k.consultValue() * h * k.channelWeeks(); // 0.02 * 0.8 * 26
      assertThat(span).isCloseTo(0.416, within(1e-12));
      if (ch != RunState.SEVERED) {
        // breaking: the level's share of the channel's value lost, the rally gain, and half the
        // deal surplus forgone (zero here: the deal is worth less than holding on)
        double loss = span * (k.channelWorth(ch) - k.channelWorth(ch + 1));
        double surplus = Math.max(0, utility.rSlope[0] + utility.rIcpt[0]);
        assertThat(utility.util[row + index(c, Action.BREAK_RELATIONS)] - wait)
            .as("break relations from channel %d", ch)
            .isCloseTo(-loss + k.rhetoricGain() - 0.5 * la.deal * surplus, within(1e-12));
      }
      if (ch != RunState.OPEN) {
        double gain = span * (k.channelWorth(ch - 1) - k.channelWorth(ch));
        double surplus = Math.max(0, utility.rSlope[0] + utility.rIcpt[0]);
        assertThat(utility.util[row + index(c, Action.RESTORE_RELATIONS)] - wait)
            .as("restore relations from channel %d", ch)
            .isCloseTo(gain + 0.5 * la.deal * surplus, within(1e-12));
      }
    }
  }

  @Test
  void aWarRipensIntoAHurtingStalemateOverItsWeeks() {
    CompiledModel m = model("src/test/resources/scenarios/ground/contact.yaml");
    int a = m.scenario().actorIndex("AAA");
    int b = m.scenario().actorIndex("BBB");
    Simulator sim = new Simulator(m);
    sim.start(Rng.runSeed(1L, 0), 0);
    RunState s = sim.state();
    Situation situation = new Situation(m, s);
    situation.assess();
    double tau = m.constants.ripeningWeeks();
    // at war from week 0: not yet ripe then, 1 - exp(-d / tau) after d weeks
    assertThat(s.war[a * m.nA + b]).isTrue();
    assertThat(situation.ripeness(a, b)).isZero();
    s.week = 13;
    assertThat(situation.ripeness(a, b)).isCloseTo(1 - Math.exp(-13 / tau), within(1e-12));
    assertThat(situation.ripeness(b, a)).isEqualTo(situation.ripeness(a, b));
    // fighting on is worth the status quo less the running cost borne so far: half the war's
    // cost, times the engaged share, times the ripeness
    // (B's troops cross into A's home, where all of A's army stands: A is fully engaged)
    s.forces[b * m.nT + m.scenario().theaterIndex("WEST")] = 10;
    Valuation valuation = new Valuation(m, s, situation);
    Valuation.Motives mv = valuation.motives(a, b, new Valuation.Motives(m.types.maxMot()));
    double engaged = situation.engagedShare(a, b);
    assertThat(engaged).isEqualTo(1.0);
    assertThat(mv.engaged).isCloseTo(engaged * (1 - Math.exp(-13 / tau)), within(1e-12));
    // a war that begins later ripens from its own first week
    s.setWar(a, b, false);
    s.week = 20;
    s.setWar(a, b, true);
    assertThat(situation.ripeness(a, b)).isZero();
    s.week = 30;
    assertThat(situation.ripeness(a, b)).isCloseTo(1 - Math.exp(-10 / tau), within(1e-12));
  }
}
