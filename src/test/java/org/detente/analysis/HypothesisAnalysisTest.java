package org.detente.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.detente.DetenteException;
import org.detente.model.Action;
import org.detente.scenario.Scenario;
import org.junit.jupiter.api.Test;

class HypothesisAnalysisTest {

  private static final String EVIDENCE = """
      title: test evidence
      scenario: small
      items:
        - id: no-nuke
          source: "Test Gazette, 2022-12-31"
          observed: false
          actor: RED
          actions: [nuclear-strike-forces, nuclear-strike-city]
          weeks: [0, 150]
        - id: mobilized
          source: "Test Gazette, 2022-09-21"
          observed: true
          actor: RED
          action: mobilize
          theater: EAST
          weeks: [20, 40]
        - id: later
          source: "Test Gazette, 2030-01-01"
          observed: true
          actor: RED
          action: attack
          weeks: [300, 310]
      """;

  @Test
  void posteriorMatchesHandComputation() {
    // priors 0.3 / 0.7; likelihoods 0.8 / 0.1 → 0.24 / (0.24 + 0.07) = 0.7742
    double[] p = HypothesisAnalysis.posterior(new double[] {0.3, 0.7}, new double[] {0.8, 0.1});
    assertThat(p[0]).isCloseTo(0.24 / 0.31, within(1e-12));
    assertThat(p[1]).isCloseTo(0.07 / 0.31, within(1e-12));
    assertThat(HypothesisAnalysis.smoothedLikelihood(0, 99)).isCloseTo(0.005, within(1e-15));
  }

  @Test
  void simulatedLikelihoodsGiveTheBayesPosterior() {
    Scenario s = TestScenarios.small();
    Evidence ev = Evidence.parse("ev.yaml", EVIDENCE, s);
    EvidenceMatcher m = new EvidenceMatcher(ev, s);
    assertThat(m.items()).hasSize(2);
    assertThat(m.skipped()).extracting(EvidenceItem::id).containsExactly("later");
    // Under "expand" (h = 0): RED nukes with prob 0.5, mobilizes in week 30 with prob 0.9.
    // Under "secure" (h = 1): never nukes, mobilizes with prob 0.3.
    // P(E | expand) = 0.5 · 0.9 = 0.45; P(E | secure) = 0.3.
    // Posterior(expand) = 0.3·0.45 / (0.3·0.45 + 0.7·0.3) = 0.135 / 0.345 = 0.3913.
    int runs = 20_000;
    HypothesisAnalysis.Runner runner = (actor, motive, sink) -> {
      SplittableRandom rng = new SplittableRandom(99);
      for (int i = 0; i < runs; i++) {
        SyntheticRun r = new SyntheticRun();
        r.index = i;
        boolean nuke = motive == 0 && rng.nextDouble() < 0.5;
        boolean mob = rng.nextDouble() < (motive == 0 ? 0.9 : 0.3);
        if (mob) r.event(30, 0, -1, Action.MOBILIZE, 0);
        if (nuke) r.event(60, 0, 1, Action.NUCLEAR_STRIKE_FORCES, 1);
        sink.accept(r);
      }
    };
    var ah = new HypothesisAnalysis.ActorHypotheses("RED", 0, List.of("expand", "secure"),
        new double[] {0.3, 0.7});
    var res = HypothesisAnalysis.analyse(List.of(ah), m, runs, runner).get(0);
    var expand = res.hypotheses().get(0);
    var secure = res.hypotheses().get(1);
    assertThat(expand.likelihood()).isCloseTo(0.45, within(4 * expand.se()));
    assertThat(secure.likelihood()).isCloseTo(0.30, within(4 * secure.se()));
    assertThat(expand.posterior()).isCloseTo(0.3913, within(0.015));
    assertThat(expand.posterior() + secure.posterior()).isCloseTo(1, within(1e-12));
    // ACH: no-nuke is inconsistent with expand, consistent with secure; mobilized the reverse.
    assertThat(expand.itemLabel()).containsExactly("inconsistent", "consistent");
    assertThat(secure.itemLabel()).containsExactly("consistent", "inconsistent");
    assertThat(secure.itemFreq()[0]).isEqualTo(1.0);
  }

  @Test
  void productLikelihoodMultipliesPerItemFrequencies() {
    Scenario s = TestScenarios.small();
    EvidenceMatcher m = new EvidenceMatcher(
        Evidence.parse("ev.yaml", EVIDENCE, s), s);
    // 10 runs per hypothesis; under h = 0 runs 0..3 mobilize (consistent with item 2) and
    // runs 0..4 use nuclear weapons (inconsistent with item 1): item shares 5/10 and 4/10,
    // joint 0 (runs 0..3 both mobilize and nuke; run 4 nukes only).
    // Under h = 1 all runs are calm and runs 0..1 mobilize: shares 10/10 and 2/10, joint 2/10.
    HypothesisAnalysis.Runner runner = (actor, motive, sink) -> {
      for (int i = 0; i < 10; i++) {
        SyntheticRun r = new SyntheticRun();
        r.index = i;
        if (motive == 0 && i < 4 || motive == 1 && i < 2) r.event(30, 0, -1, Action.MOBILIZE, 0);
        if (motive == 0 && i < 5) r.event(60, 0, 1, Action.NUCLEAR_STRIKE_CITY, 1);
        sink.accept(r);
      }
    };
    var ah = new HypothesisAnalysis.ActorHypotheses("RED", 0, List.of("expand", "secure"),
        new double[] {0.5, 0.5});
    var prod = HypothesisAnalysis.analyse(List.of(ah), m, 10, runner,
        HypothesisAnalysis.Combination.PRODUCT).get(0).hypotheses();
    double l0 = (5.5 / 11) * (4.5 / 11);
    double l1 = (10.5 / 11) * (2.5 / 11);
    assertThat(prod.get(0).likelihood()).isCloseTo(l0, within(1e-12));
    assertThat(prod.get(1).likelihood()).isCloseTo(l1, within(1e-12));
    assertThat(prod.get(0).posterior()).isCloseTo(l0 / (l0 + l1), within(1e-12));
    var joint = HypothesisAnalysis.analyse(List.of(ah), m, 10, runner).get(0).hypotheses();
    assertThat(joint.get(0).consistent()).isZero();
    assertThat(joint.get(1).consistent()).isEqualTo(2);
    assertThat(joint.get(1).likelihood()).isCloseTo(2.5 / 11, within(1e-12));
  }

  @Test
  void windowsAndFieldsAreMatchedExactly() {
    Scenario s = TestScenarios.small();
    EvidenceMatcher m = new EvidenceMatcher(
        Evidence.parse("ev.yaml", EVIDENCE, s), s);
    boolean[] c = new boolean[2];
    SyntheticRun wrongTheater = new SyntheticRun().event(30, 0, -1, Action.MOBILIZE, 1);
    assertThat(m.test(wrongTheater, c)).isFalse();
    assertThat(c).containsExactly(true, false);
    SyntheticRun late = new SyntheticRun().event(41, 0, -1, Action.MOBILIZE, 0);
    assertThat(m.test(late, c)).isFalse();
    SyntheticRun ok = new SyntheticRun().event(40, 0, -1, Action.MOBILIZE, 0)
        .event(50, 1, 0, Action.NUCLEAR_STRIKE_CITY, 0);
    assertThat(m.test(ok, c)).isTrue();
  }

  private static final String RUPTURE = """
      title: test evidence
      scenario: small
      items:
        - id: no-rupture
          source: "Test Gazette, 2023-12-31"
          observed: false
          actors: [RED, BLU]
          action: break-relations
          targets: [RED, BLU]
          channel: severed
          weeks: [0, 150]
      """;

  @Test
  void aChannelItemFollowsThePairsChannelThroughBreaksAndRestorations() {
    // the small scenario's RED-BLU channel starts severed
    Scenario s = TestScenarios.small();
    EvidenceMatcher m = new EvidenceMatcher(Evidence.parse("ev.yaml", RUPTURE, s), s);
    boolean[] c = new boolean[1];
    // severed -> degraded -> open, then a break leaves it degraded: a downgrade, no rupture
    SyntheticRun downgrade = new SyntheticRun()
        .event(1, 0, 1, Action.RESTORE_RELATIONS, -1)
        .event(2, 1, 0, Action.RESTORE_RELATIONS, -1)
        .event(9, 0, 1, Action.BREAK_RELATIONS, -1);
    assertThat(m.test(downgrade, c)).isTrue();
    // severed -> degraded, then a break severs it again: relations broken off
    SyntheticRun rupture = new SyntheticRun()
        .event(1, 0, 1, Action.RESTORE_RELATIONS, -1)
        .event(5, 1, 0, Action.BREAK_RELATIONS, -1);
    assertThat(m.test(rupture, c)).isFalse();
    // the channel is followed run by run: the same matcher starts the next run from week 0's
    assertThat(m.test(downgrade, c)).isTrue();
    // without the channel field every break-relations event counts
    EvidenceMatcher any = new EvidenceMatcher(
        Evidence.parse("ev.yaml", RUPTURE.replace("    channel: severed\n", ""), s), s);
    assertThat(any.test(downgrade, c)).isFalse();
    assertThatThrownBy(() -> Evidence.parse("ev.yaml", RUPTURE.replace("severed", "closed"), s))
        .hasMessageContaining("ev.yaml:10:14: items[0].channel: expected open, degraded or"
            + " severed");
    assertThatThrownBy(() -> Evidence.parse("ev.yaml",
        RUPTURE.replace("action: break-relations", "action: attack"), s))
        .hasMessageContaining("items[0].channel: expected only on break-relations or"
            + " restore-relations items");
  }

  @Test
  void wholeRecordShareHasItsMonteCarloErrorAndWilsonInterval() {
    // 12 of 1000: p = 0.012, se = sqrt(0.012 * 0.988 / 1000) = 0.003443; Wilson (z = 1.96):
    // centre (12 + 1.92) / 1003.84 = 0.013867, half-width 1.96 * sqrt(0.011856 + 0.00096)
    // / 1003.84 = 0.006989 -> [0.00688, 0.02086]
    var h = new HypothesisAnalysis.HypothesisResult("h", 1, 12, 1000, 0, 0, 1, 0,
        new double[0], List.of(), new long[0]);
    assertThat(h.wholeShare()).isEqualTo(0.012);
    assertThat(h.wholeSe()).isCloseTo(0.003443, within(1e-6));
    assertThat(h.wholeInterval()[0]).isCloseTo(0.00688, within(1e-5));
    assertThat(h.wholeInterval()[1]).isCloseTo(0.02086, within(1e-5));
  }

  @Test
  void badEvidenceNamesFileLineColumnAndField() {
    Scenario s = TestScenarios.small();
    String bad = EVIDENCE.replace("actor: RED\n    action: mobilize", "actor: XYZ\n    action: mobilize");
    assertThatThrownBy(() -> Evidence.parse("ev.yaml", bad, s))
        .isInstanceOf(DetenteException.class)
        .hasMessageContaining("ev.yaml:13:12: items[1].actor: expected an actor id")
        .hasMessageContaining("got 'XYZ'");
    String badAction = EVIDENCE.replace("action: mobilize", "action: mobilise");
    assertThatThrownBy(() -> Evidence.parse("ev.yaml", badAction, s))
        .hasMessageContaining("ev.yaml:14:13: items[1].actions: expected an action id");
    String badWeeks = EVIDENCE.replace("weeks: [20, 40]", "weeks: [40, 20]");
    assertThatThrownBy(() -> Evidence.parse("ev.yaml", badWeeks, s))
        .hasMessageContaining("items[1].weeks: expected 0 <= fromWeek <= toWeek");
    assertThatThrownBy(() -> Evidence.parse("ev.yaml", "items: [a, b\n", s))
        .hasMessageStartingWith("ev.yaml:");
  }
}
