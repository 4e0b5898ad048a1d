package org.detente.bargain;

import org.detente.model.BargainProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.detente.bargain.SmpParameters.BigRAdjust;
import org.detente.bargain.SmpParameters.BigRRange;
import org.detente.bargain.SmpParameters.PceModel;
import org.detente.bargain.SmpParameters.ThirdPartyCommit;
import org.detente.bargain.SmpParameters.VictoryProbModel;
import org.detente.bargain.SmpParameters.VotingRule;
import org.junit.jupiter.api.Test;

/** Analytic checks of the model's elementary functions (docs/bargain.md, section "Model"). */
class SmpFunctionsTest {

  @Test
  void utilityIsLinearWhenRiskNeutral() {
    for (double d : new double[] {0, 0.1, 0.25, 0.5, 0.9, 1}) {
      assertThat(SmpEngine.bsUtil(d, 0)).isCloseTo(1 - d, within(1e-15));
    }
  }

  @Test
  void utilityIsConcaveWhenRiskAverseAndConvexWhenRiskAcceptant() {
    for (double d : new double[] {0, 0.1, 0.25, 0.5, 0.9, 1}) {
      assertThat(SmpEngine.bsUtil(d, 1)).isCloseTo(1 - d * d, within(1e-15));
      assertThat(SmpEngine.bsUtil(d, -1)).isCloseTo((1 - d) * (1 - d), within(1e-15));
    }
    // beyond 1 (round-off) the utility stays linear in the distance
    assertThat(SmpEngine.bsUtil(1.01, 0.5)).isCloseTo(-0.01 * 1.5, within(1e-15));
  }

  @Test
  void distanceIsSalienceWeightedAndNormalised() {
    double[] a = {0.2, 0.8};
    double[] b = {0.6, 0.8};
    // only the first dimension differs: distance = 0.4 * s1 / sqrt(s1^2 + s2^2)
    double s1 = 0.3;
    double s2 = 0.4;
    assertThat(SmpEngine.bvDiff(a, b, new double[] {s1, s2})).isCloseTo(0.4 * 0.3 / 0.5, within(1e-15));
    assertThat(SmpEngine.bvDiff(a, a, new double[] {s1, s2})).isZero();
    // equal saliences in one dimension: plain absolute difference
    assertThat(SmpEngine.bvDiff(new double[] {0.1}, new double[] {0.7}, new double[] {0.5}))
        .isCloseTo(0.6, within(1e-15));
  }

  @Test
  void votingRules() {
    assertThat(SmpEngine.vote(VotingRule.PROP, 2, 0.7, 0.4)).isCloseTo(0.6, within(1e-15));
    assertThat(SmpEngine.vote(VotingRule.BINARY, 2, 0.7, 0.4)).isEqualTo(2.0);
    assertThat(SmpEngine.vote(VotingRule.BINARY, 2, 0.4, 0.7)).isEqualTo(-2.0);
    assertThat(SmpEngine.vote(VotingRule.PROP_BIN, 2, 0.7, 0.4)).isCloseTo(2 * (0.8 * 0.3 + 0.2), within(1e-12));
    assertThat(SmpEngine.vote(VotingRule.PROP_CBC, 2, 0.7, 0.4))
        .isCloseTo(2 * (0.5 * 0.3 + 0.5 * 0.027), within(1e-12));
    assertThat(SmpEngine.vote(VotingRule.CUBIC, 2, 0.7, 0.4)).isCloseTo(2 * 0.027, within(1e-12));
    assertThat(SmpEngine.vote(VotingRule.ASYM_PROSP, 3, 0.7, 0.4)).isCloseTo(2 * 0.3, within(1e-12));
    assertThat(SmpEngine.vote(VotingRule.ASYM_PROSP, 3, 0.4, 0.7)).isCloseTo(-0.9, within(1e-12));
    assertThat(SmpEngine.vote(VotingRule.PROP, 3, 0.5, 0.5)).isZero();
  }

  @Test
  void victoryProbabilityModels() {
    double[] o = new double[2];
    SmpEngine.vProb(VictoryProbModel.LINEAR, 3, 1, o);
    assertThat(o[0]).isCloseTo(0.75, within(1e-15));
    assertThat(o[1]).isCloseTo(0.25, within(1e-15));
    SmpEngine.vProb(VictoryProbModel.SQUARE, 3, 1, o);
    assertThat(o[0]).isCloseTo(0.9, within(1e-15));
    SmpEngine.vProb(VictoryProbModel.QUARTIC, 3, 1, o);
    assertThat(o[0]).isCloseTo(81.0 / 82, within(1e-15));
    SmpEngine.vProb(VictoryProbModel.OCTIC, 3, 1, o);
    assertThat(o[0]).isCloseTo(6561.0 / 6562, within(1e-15));
    // binary: 10% advantage is a sure win, equal strength is a coin toss
    SmpEngine.vProb(VictoryProbModel.BINARY, 1.1, 1, o);
    assertThat(o[0]).isCloseTo(1 / (1 + 1e-6), within(1e-12));
    SmpEngine.vProb(VictoryProbModel.BINARY, 1, 1, o);
    assertThat(o[0]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void conditionalPceOfTwoOptionsIsThePairwiseProbability() {
    // actor weights 2 and 1; actor 0 prefers option 0 by 0.3, actor 1 prefers option 1 by 0.2
    double[] w = {2, 1};
    double[][] u = {{0.9, 0.6}, {0.5, 0.7}};
    double[] p = new double[2];
    SmpEngine.scalarPce(w, u, 2, SmpParameters.defaults(), new double[2][2], new double[2][2], p);
    double c01 = 1e-8 + 2 * 0.3;
    double c10 = 1e-8 + 1 * 0.2;
    assertThat(p[0]).isCloseTo(c01 / (c01 + c10), within(1e-12));
    assertThat(p[0] + p[1]).isCloseTo(1, within(1e-15));
  }

  @Test
  void markovPcesOfTwoOptionsAgreeWithTheirFixedPoints() {
    double[] w = {2, 1};
    double[][] u = {{0.9, 0.6}, {0.5, 0.7}};
    double[] p = new double[2];
    SmpParameters mu = BargainInputs.override(SmpParameters.defaults(), java.util.Map.of("PCEModel", "MarkovUniform"));
    assertThat(mu.pce()).isEqualTo(PceModel.MARKOV_UNIFORM);
    SmpEngine.scalarPce(w, u, 2, mu, new double[2][2], new double[2][2], p);
    // q_a = (1/2)[P_aa 2p_a + P_ab (p_a + p_b)] = p_a/2 + P_ab/2 has fixed point p_a = P_ab
    double pab = (1e-8 + 0.6) / (2e-8 + 0.8);
    assertThat(p[0]).isCloseTo(pab, within(1e-5));
    SmpParameters mi = BargainInputs.override(SmpParameters.defaults(), java.util.Map.of("PCEModel", "MarkovIncentive"));
    SmpEngine.scalarPce(w, u, 2, mi, new double[2][2], new double[2][2], p);
    assertThat(p[0] + p[1]).isCloseTo(1, within(1e-9));
    assertThat(p[0]).isGreaterThan(0.5);
  }

  @Test
  void riskAttitudeRanges() {
    double[] p = {0.1, 0.3, 0.6};
    double[] r = new double[3];
    SmpEngine.bigRFromProb(p, 3, BigRRange.MID, r);
    assertThat(r).containsExactly(new double[] {-0.5, (0.9 - 0.8) / 1.0, 1.0}, within(1e-12));
    SmpEngine.bigRFromProb(p, 3, BigRRange.MIN, r);
    assertThat(r).containsExactly(new double[] {0, 0.4, 1}, within(1e-12));
    SmpEngine.bigRFromProb(p, 3, BigRRange.MAX, r);
    assertThat(r).containsExactly(new double[] {-1, -0.2, 1}, within(1e-12));
    // all equally likely: risk neutral
    SmpEngine.bigRFromProb(new double[] {0.5, 0.5}, 2, BigRRange.MID, r);
    assertThat(r[0]).isZero();
  }

  @Test
  void perceivedRiskBlend() {
    assertThat(SmpEngine.estNra(0.9, 0.3, BigRAdjust.NONE)).isEqualTo(0.9);
    assertThat(SmpEngine.estNra(0.9, 0.3, BigRAdjust.ONE_THIRD)).isCloseTo(0.7, within(1e-15));
    assertThat(SmpEngine.estNra(0.9, 0.3, BigRAdjust.HALF)).isCloseTo(0.6, within(1e-15));
    assertThat(SmpEngine.estNra(0.9, 0.3, BigRAdjust.TWO_THIRDS)).isCloseTo(0.5, within(1e-15));
    assertThat(SmpEngine.estNra(0.9, 0.3, BigRAdjust.FULL)).isEqualTo(0.3);
  }

  @Test
  void thirdPartiesAreNeutralWithoutSemiCommitment() {
    // with the same little-contest probability in both hypothetical contests, joining either
    // side has the same expected value under NoCommit and FullCommit
    for (ThirdPartyCommit c : new ThirdPartyCommit[] {ThirdPartyCommit.NO_COMMIT, ThirdPartyCommit.FULL_COMMIT}) {
      assertThat(SmpEngine.thirdPartyVote(5, VotingRule.PROP, c, 0.7, 0.3, 0.9, 0.2, 1.0)).isCloseTo(0, within(1e-15));
    }
    // SemiCommit: EU(i) - EU(j) = pi (Unn - Uni) + (1 - pi)(Unj - Unn)
    double v = SmpEngine.thirdPartyVote(5, VotingRule.PROP, ThirdPartyCommit.SEMI_COMMIT, 0.7, 0.3, 0.9, 0.2, 1.0);
    assertThat(v).isCloseTo(5 * (0.7 * (1.0 - 0.9) + 0.3 * (0.2 - 1.0)), within(1e-12));
  }

  @Test
  void identicalPositionsNeverMove() {
    BargainProblem p = new BargainProblem("same", List.of("A", "B", "C"), List.of("x"),
        new double[] {10, 20, 30}, new double[][] {{40}, {40}, {40}}, new double[][] {{50}, {80}, {20}});
    BargainForecast f = SpatialModel.forecast(p);
    // nobody gains from a challenge, so turn 1 has no movement and the run stops at turn 2
    assertThat(f.turns()).isEqualTo(2);
    for (double[][] turn : f.positions()) {
      for (double[] a : turn) {
        assertThat(a[0]).isEqualTo(40.0);
      }
    }
    assertThat(f.outcome()[0]).isCloseTo(40.0, within(1e-12));
  }

  @Test
  void threeActorCaseWorkedByHand() {
    // A (cap 1, at 0) and B (cap 1, at 100) are symmetric, C (cap 2, at 50) sits between them;
    // all saliences are 100 on one dimension, so distances are |x - y| on [0,1].
    // Risk-neutral utilities: U(A,.) = (1, 0, .5), U(B,.) = (0, 1, .5), U(C,.) = (.5, .5, 1).
    // Coalitions (Prop, weight = capability): C(A:C) = .5 against C(C:A) = 1.5, likewise for B,
    // A vs B 1 : 1 (plus 1e-8 each). Conditional PCE: p_A ∝ .5·.5·.25, p_C ∝ .75·.5·.75, so
    // p_A = p_B = 1/11, p_C = 9/11. Mid risk: R_C = 1, R_A = R_B = -1/2.
    BargainProblem p = new BargainProblem("abc", List.of("A", "B", "C"), List.of("x"),
        new double[] {1, 1, 2}, new double[][] {{0}, {100}, {50}}, new double[][] {{100}, {100}, {100}});
    SmpResult r = SpatialModel.run(SmpScenario.ofDefaults(p));
    assertThat(r.riskAttitude()[0]).containsExactly(new double[] {-0.5, -0.5, 1.0}, within(1e-7));
    // C's view of C challenging A: C sees A's risk as (2·1 - 1/2)/3 = 1/2 and B's likewise.
    // U(C,C) = 1, U(C,A) = 1 - .5² = .75, U(A,C) = .5·(1 + .5·.5) = .625, U(A,A) = 1.
    // Principals: C votes 2·(1 - .75) = .5 for itself, A votes 1·(.625 - 1) = -.375.
    // Third party B: U(B,C) = .625, U(B,A) = 0, U(B,B) = 1; little contest π = (.5 + .625)/1.5
    // = .75; SemiCommit vote = .75·(1 - .625) + .25·(0 - 1) = .03125 for C.
    // P(C beats A) = .53125 / (.53125 + .375) = 0.586207 (C vs B is the same; the tie goes to
    // the lower index, A).
    double pc = 0.53125 / (0.53125 + 0.375);
    // S2P2 bargain with equal saliences: weights P² and (1-P)², rounded to 4 decimals on [0,1]
    double wc = pc * pc;
    double wa = (1 - pc) * (1 - pc);
    double bc = Math.round(10000 * ((wc + 1e-6) * 0.5) / (wc + 1e-6 + wa)) / 10000.0 * 100;
    assertThat(bc).isCloseTo(33.37, within(1e-9));
    assertThat(r.positions()[1][2][0]).isCloseTo(bc, within(1e-9));
    assertThat(r.positions()[1][0][0]).isCloseTo(bc, within(1e-9));
    assertThat(r.moverInitiator()[1][0]).isEqualTo(2);
    assertThat(r.moverReceiver()[1][0]).isEqualTo(0);
    assertThat(r.moverInitiator()[1][2]).isEqualTo(2);
    // B's own proposals lose its vote: it stays
    assertThat(r.positions()[1][1][0]).isEqualTo(100.0);
    assertThat(r.moverInitiator()[1][1]).isEqualTo(-1);
  }
}
