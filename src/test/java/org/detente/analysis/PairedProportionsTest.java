package org.detente.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedProportionsTest {

  @Test
  void mcnemarMatchesHandComputation() {
    // b = 5, c = 1: X ~ Bin(6, 1/2); P(X <= 1) = (1 + 6) / 64; P(X = 1) = 6 / 64.
    PairedProportions t = new PairedProportions(10, 5, 1, 20);
    assertThat(t.mcnemarExactP()).isCloseTo(14.0 / 64, within(1e-12));
    assertThat(t.mcnemarMidP()).isCloseTo(2 * (7.0 / 64 - 3.0 / 64), within(1e-12));
    assertThat(t.diff()).isCloseTo(4.0 / 36, within(1e-15));
  }

  @Test
  void mcnemarSymmetricAndDegenerate() {
    assertThat(new PairedProportions(3, 4, 4, 3).mcnemarExactP()).isEqualTo(1.0);
    assertThat(new PairedProportions(3, 0, 0, 3).mcnemarMidP()).isEqualTo(1.0);
    // b = 0, c = 10: exact p = 2 * 2^-10
    assertThat(new PairedProportions(0, 0, 10, 0).mcnemarExactP())
        .isCloseTo(2.0 / 1024, within(1e-15));
    assertThat(new PairedProportions(0, 0, 10, 0).mcnemarMidP())
        .isCloseTo(1.0 / 1024, within(1e-15));
  }

  @Test
  void mcnemarLargeCountsStayFinite() {
    PairedProportions t = new PairedProportions(0, 50_000, 49_000, 0);
    // normal approximation: z = 1000 / sqrt(99000) = 3.178, two-sided p ~ 0.00148
    assertThat(t.mcnemarMidP()).isBetween(0.0012, 0.0018);
  }

  @Test
  void newcombeMatchesAltmanWorkedExample() {
    // Altman, Machin, Bryant & Gardner (2000), Statistics with Confidence, table 6.2:
    // 14 / 5 / 0 / 22, difference 0.122, 95% CI 0.011 to 0.226 (Newcombe method 10).
    double[] ci = new PairedProportions(14, 5, 0, 22).interval95();
    assertThat(ci[0]).isCloseTo(0.011, within(0.0006));
    assertThat(ci[1]).isCloseTo(0.226, within(0.0006));
  }

  @Test
  void newcombeCoversKnownEffect() {
    // Pairs with marginal P(arm) = 0.30, P(base) = 0.20 and positive correlation:
    // with probability 0.5 both share one uniform, else independent uniforms.
    SplittableRandom rng = new SplittableRandom(42);
    int reps = 1000;
    int n = 400;
    int covered = 0;
    int rejected = 0;
    for (int r = 0; r < reps; r++) {
      long a = 0, b = 0, c = 0, d = 0;
      for (int i = 0; i < n; i++) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextBoolean() ? u1 : rng.nextDouble();
        boolean arm = u1 < 0.30;
        boolean base = u2 < 0.20;
        if (arm && base) a++;
        else if (arm) b++;
        else if (base) c++;
        else d++;
      }
      PairedProportions t = new PairedProportions(a, b, c, d);
      double[] ci = t.interval95();
      if (ci[0] <= 0.10 && 0.10 <= ci[1]) covered++;
      if (t.mcnemarMidP() < 0.05) rejected++;
    }
    assertThat(covered / (double) reps).isBetween(0.93, 0.975);
    // a 0.10 effect with 400 correlated pairs is detected almost always
    assertThat(rejected / (double) reps).isGreaterThan(0.95);
  }

  @Test
  void midPHoldsItsSizeUnderTheNull() {
    SplittableRandom rng = new SplittableRandom(7);
    int reps = 2000;
    int rejected = 0;
    int covered = 0;
    for (int r = 0; r < reps; r++) {
      long a = 0, b = 0, c = 0, d = 0;
      for (int i = 0; i < 200; i++) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble() < 0.6 ? u1 : rng.nextDouble();
        boolean arm = u1 < 0.15;
        boolean base = u2 < 0.15;
        if (arm && base) a++;
        else if (arm) b++;
        else if (base) c++;
        else d++;
      }
      PairedProportions t = new PairedProportions(a, b, c, d);
      if (t.mcnemarMidP() < 0.05) rejected++;
      double[] ci = t.interval95();
      if (ci[0] <= 0 && 0 <= ci[1]) covered++;
    }
    assertThat(rejected / (double) reps).isBetween(0.02, 0.07);
    assertThat(covered / (double) reps).isBetween(0.93, 0.98);
  }

  @Test
  void wilsonMatchesTextbookValue() {
    // Wilson interval for 8/10 at 95%: 0.4902 to 0.9433 (Newcombe 1998a, table I style figure)
    double[] w = Distributions.wilson(8, 10, Distributions.Z95);
    assertThat(w[0]).isCloseTo(0.4902, within(1e-4));
    assertThat(w[1]).isCloseTo(0.9433, within(1e-4));
    assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-6));
    assertThat(Distributions.logGamma(10)).isCloseTo(Math.log(362880), within(1e-10));
    assertThat(Distributions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
  }
}
