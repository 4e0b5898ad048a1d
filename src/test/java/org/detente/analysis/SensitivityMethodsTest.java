package org.detente.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensitivityMethodsTest {

  private static final double PI = Math.PI;

  /** Ishigami & Homma (1990) function on [−π, π]^3 with a = 7, b = 0.1. */
  private static double ishigami(double[] x) {
    return Math.sin(x[0]) + 7 * Math.sin(x[1]) * Math.sin(x[1])
        + 0.1 * Math.pow(x[2], 4) * Math.sin(x[0]);
  }

  @Test
  void sobolIndicesOfIshigamiMatchAnalyticValues() {
    ParameterSpace space = new ParameterSpace(List.of("x1", "x2", "x3"),
        new double[] {-PI, -PI, -PI}, new double[] {PI, PI, PI});
    Sobol.Result r = Sobol.analyse(space, 1 << 15, 2024, 100, SensitivityMethodsTest::ishigami);
    double[] s1 = {0.3139, 0.4424, 0.0};
    double[] st = {0.5576, 0.4424, 0.2437};
    for (int i = 0; i < 3; i++) {
      Sobol.Index idx = r.indices().get(i);
      assertThat(idx.s1()).as("S1 of x%d", i + 1).isCloseTo(s1[i], within(0.025));
      assertThat(idx.st()).as("ST of x%d", i + 1).isCloseTo(st[i], within(0.025));
      assertThat(idx.s1Lo()).isLessThanOrEqualTo(idx.s1());
      assertThat(idx.stHi()).isGreaterThanOrEqualTo(idx.st());
    }
    // analytic variance: a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2
    double v = 49 / 8.0 + 0.1 * Math.pow(PI, 4) / 5 + 0.01 * Math.pow(PI, 8) / 18 + 0.5;
    assertThat(r.variance()).isCloseTo(v, within(0.03 * v));
    assertThat(r.evaluations()).isEqualTo((1 << 15) * 5);
  }

  @Test
  void morrisRanksFactorsOfAKnownFunction() {
    // f = 10 x1 + 5 x2^2 + 1 x3 + 0 x4 on [0,1]^4: mu* ordering x1 > x2 > x3 > x4;
    // linear factors have sigma 0; x2 (quadratic) has sigma > 0; x4 has mu* = 0.
    ParameterSpace space = new ParameterSpace(List.of("x1", "x2", "x3", "x4"),
        new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 1});
    List<Morris.Effect> e = Morris.screen(space, 40, 4, 11,
        x -> 10 * x[0] + 5 * x[1] * x[1] + x[2]);
    assertThat(e.get(0).muStar()).isCloseTo(10, within(1e-9));
    assertThat(e.get(0).sigma()).isCloseTo(0, within(1e-9));
    assertThat(e.get(2).muStar()).isCloseTo(1, within(1e-9));
    assertThat(e.get(3).muStar()).isZero();
    assertThat(e.get(1).sigma()).isGreaterThan(0.5);
    // x2: EE = 5 (2x + Δ) with Δ = 2/3 → between 5·(2/3) and 5·(2·1/3+2/3)... mean 5 (on average)
    assertThat(e.get(1).muStar()).isBetween(3.0, 7.5);
    List<String> ranking = e.stream()
        .sorted(Comparator.comparingDouble(Morris.Effect::muStar).reversed())
        .map(Morris.Effect::name).toList();
    assertThat(ranking).containsExactly("x1", "x2", "x3", "x4");
  }

  @Test
  void campolongoSelectionSpreadsTrajectoriesAndKeepsExactEffects() {
    ParameterSpace space = new ParameterSpace(List.of("x1", "x2", "x3", "x4", "x5"),
        new double[5], new double[] {1, 1, 1, 1, 1});
    List<double[]> plain = new java.util.ArrayList<>();
    List<double[]> chosen = new java.util.ArrayList<>();
    Morris.screen(space, 6, 4, 0, 5, x -> {
      plain.add(x.clone());
      return 0;
    });
    List<Morris.Effect> e = Morris.screen(space, 6, 4, 60, 5, x -> {
      chosen.add(x.clone());
      return 2 * x[0] - 3 * x[4];
    });
    assertThat(chosen).hasSize(6 * 6);
    assertThat(totalSpread(chosen, 6)).isGreaterThan(totalSpread(plain, 6));
    assertThat(e.get(0).mu()).isCloseTo(2, within(1e-9));
    assertThat(e.get(4).mu()).isCloseTo(-3, within(1e-9));
  }

  private static double totalSpread(List<double[]> pts, int perTrajectory) {
    int t = pts.size() / perTrajectory;
    double[][][] tr = new double[t][][];
    for (int i = 0; i < t; i++) {
      tr[i] = pts.subList(i * perTrajectory, (i + 1) * perTrajectory).toArray(new double[0][]);
    }
    double s = 0;
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        s += Morris.spread(tr[i], tr[j]);
      }
    }
    return s;
  }

  @Test
  void morrisScalesEffectsToTheFactorRange() {
    ParameterSpace space = new ParameterSpace(List.of("a", "b"),
        new double[] {0, 10}, new double[] {2, 20});
    List<Morris.Effect> e = Morris.screen(space, 10, 6, 3, x -> 3 * x[0] + 0.5 * x[1]);
    // per unit of the whole range: 3 * 2 = 6 and 0.5 * 10 = 5
    assertThat(e.get(0).mu()).isCloseTo(6, within(1e-9));
    assertThat(e.get(1).mu()).isCloseTo(5, within(1e-9));
  }

  @Test
  void muStarConfidenceIsTheBootstrapSpreadOfTheMeanAbsoluteEffect() {
    // identical effects: every resample has the same mean, no spread
    Morris.Effect flat = new Morris.Effect("a", 2, 2, 0, new double[] {2, -2, 2, 2});
    assertThat(Morris.muStarConfidence(flat, 0, 1)).isZero();
    // r = 400 effects |e| in {1, 3}, half each: the bootstrap mean of |e| has standard deviation
    // sqrt(pop. variance / r) = sqrt(1 / 400) = 0.05, so the half-width is about 1.96 * 0.05
    double[] e = new double[400];
    for (int j = 0; j < e.length; j++) {
      e[j] = j % 2 == 0 ? 1 : -3;
    }
    Morris.Effect two = new Morris.Effect("b", -1, 2, 2, e);
    double h = Morris.muStarConfidence(two, 3, 7);
    assertThat(h).isCloseTo(1.96 * 0.05, within(0.1 * 1.96 * 0.05));
    // reproducible from the seed and the factor's index
    assertThat(Morris.muStarConfidence(two, 3, 7)).isEqualTo(h);
    assertThat(Morris.muStarConfidence(two, 4, 7)).isNotEqualTo(h);
  }
}
