package org.detente.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Brier, ranked probability and log scores against values computed by hand. */
class ScoresTest {

  private static final double[] P = {0.5, 0.3, 0.2, 0.0};

  @Test
  void brierSumsSquaredErrorsOverCategories() {
    // (0.5)^2 + (0.3-1)^2 + 0.2^2 + 0 = 0.25 + 0.49 + 0.04
    assertThat(Scores.brier(P, 1)).isCloseTo(0.78, within(1e-12));
    assertThat(Scores.brier(new double[] {0, 0, 1, 0}, 2)).isZero();
    assertThat(Scores.brier(new double[] {1, 0, 0, 0}, 3)).isEqualTo(2.0);
  }

  @Test
  void rpsComparesCumulativeDistributions() {
    // cumulative forecast 0.5, 0.8, 1.0 against 0, 1, 1: (0.25 + 0.04 + 0) / 3
    assertThat(Scores.rps(P, 1)).isCloseTo(0.29 / 3, within(1e-12));
    // a miss by three categories costs more than a miss by one
    assertThat(Scores.rps(new double[] {1, 0, 0, 0}, 3))
        .isGreaterThan(Scores.rps(new double[] {0, 0, 1, 0}, 3));
    assertThat(Scores.rps(new double[] {1, 0, 0, 0}, 3)).isEqualTo(1.0);
  }

  @Test
  void logScoreIsMinusTheLogOfTheObservedCategory() {
    assertThat(Scores.log(P, 0)).isCloseTo(Math.log(2), within(1e-12));
    assertThat(Scores.log(P, 2)).isCloseTo(-Math.log(0.2), within(1e-12));
  }

  @Test
  void climatologyHasNoSkillAgainstItself() {
    long[] counts = {30, 10, 40, 20};
    double[] clim = Scores.fromCounts(counts);
    double b = 0;
    double r = 0;
    int[] obs = {0, 2, 2, 3, 1, 0, 2};
    for (int o : obs) {
      b += Scores.brier(clim, o);
      r += Scores.rps(clim, o);
    }
    assertThat(Scores.skill(b / obs.length, b / obs.length)).isZero();
    assertThat(Scores.skill(r, r)).isZero();
    // a perfect forecast has skill 1
    assertThat(Scores.skill(0, b)).isEqualTo(1.0);
  }

  @Test
  void countsBecomeJeffreysSmoothedProbabilities() {
    double[] p = Scores.fromCounts(new long[] {8, 0, 2, 0});
    // (8.5, 0.5, 2.5, 0.5) / 12
    assertThat(p).containsExactly(new double[] {8.5 / 12, 0.5 / 12, 2.5 / 12, 0.5 / 12},
        within(1e-12));
  }

  @Test
  void reliabilityBinsPoolEveryCategory() {
    Reliability r = new Reliability();
    r.add(new double[] {0.05, 0.95, 0, 0}, 1);
    r.add(new double[] {0.05, 0.95, 0, 0}, 0);
    assertThat(r.count(0)).isEqualTo(6); // 0.05 twice and four zeros
    assertThat(r.observed(0)).isCloseTo(1.0 / 6, within(1e-12));
    assertThat(r.count(9)).isEqualTo(2);
    assertThat(r.meanForecast(9)).isCloseTo(0.95, within(1e-12));
    assertThat(r.observed(9)).isEqualTo(0.5);
    assertThat(r.svg("t")).startsWith("<svg").contains("<circle");
  }
  @Test
  void aSkillTheSameInEveryCrisisHasAnIntervalOfNoWidth() {
    // each crisis scored at half its reference: every resample's skill is 0.5
    double[] ci = Scores.bootstrapSkillInterval(new double[] {0.2, 0.4, 0.1},
        new double[] {0.4, 0.8, 0.2}, 500, 7);
    assertThat(ci[0]).isCloseTo(0.5, within(1e-12));
    assertThat(ci[1]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void twoCrisesGiveTheBinomialEndsOfTheSkill() {
    // a perfect and a useless forecast: a resample holds the useless one 0, 1 or 2 times with
    // probabilities 1/4, 1/2, 1/4, so the skill is 1, 0.5 or 0 and the 2.5th and 97.5th
    // percentiles are 0 and 1
    double[] ci = Scores.bootstrapSkillInterval(new double[] {0, 1}, new double[] {1, 1}, 4000,
        3);
    assertThat(ci).containsExactly(0.0, 1.0);
  }

  @Test
  void manyCrisesGiveTheNormalIntervalOfAMean() {
    // 400 crises, a reference score of 1 each and a forecast score of 1 in 3 of every 10: the
    // skill is 1 - 0.3 = 0.7 with standard error sqrt(0.3 * 0.7 / 400) = 0.0229, so the 95%
    // interval is about 0.7 -+ 1.96 * 0.0229 = 0.7 -+ 0.045
    int n = 400;
    double[] score = new double[n];
    double[] ref = new double[n];
    for (int i = 0; i < n; i++) {
      score[i] = i % 10 < 3 ? 1 : 0;
      ref[i] = 1;
    }
    double[] ci = Scores.bootstrapSkillInterval(score, ref, 4000, 11);
    double half = 1.96 * Math.sqrt(0.3 * 0.7 / n);
    assertThat((ci[0] + ci[1]) / 2).isCloseTo(0.7, within(0.005));
    assertThat((ci[1] - ci[0]) / 2).isCloseTo(half, within(0.1 * half));
    // the same seed, the same interval
    assertThat(Scores.bootstrapSkillInterval(score, ref, 4000, 11)).containsExactly(ci);
  }
}
