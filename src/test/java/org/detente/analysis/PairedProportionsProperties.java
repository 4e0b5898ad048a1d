package org.detente.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PairedProportionsProperties {

  @Property
  void intervalContainsTheEstimateAndStaysInRange(
      @ForAll @IntRange(min = 0, max = 300) int a, @ForAll @IntRange(min = 0, max = 300) int b,
      @ForAll @IntRange(min = 0, max = 300) int c, @ForAll @IntRange(min = 0, max = 300) int d) {
    PairedProportions t = new PairedProportions(a, b, c, d);
    if (t.n() == 0) {
      return;
    }
    double[] ci = t.interval95();
    assertThat(ci[0]).isBetween(-1.0, 1.0);
    assertThat(ci[1]).isBetween(-1.0, 1.0);
    assertThat(ci[0]).isLessThanOrEqualTo(t.diff() + 1e-12);
    assertThat(ci[1]).isGreaterThanOrEqualTo(t.diff() - 1e-12);
  }

  @Property
  void swappingArmsMirrorsTheIntervalAndKeepsThePValue(
      @ForAll @IntRange(min = 0, max = 200) int a, @ForAll @IntRange(min = 0, max = 200) int b,
      @ForAll @IntRange(min = 0, max = 200) int c, @ForAll @IntRange(min = 1, max = 200) int d) {
    PairedProportions t = new PairedProportions(a, b, c, d);
    PairedProportions s = new PairedProportions(a, c, b, d);
    double[] ci = t.interval95();
    double[] cs = s.interval95();
    assertThat(cs[0]).isCloseTo(-ci[1], within(1e-9));
    assertThat(cs[1]).isCloseTo(-ci[0], within(1e-9));
    assertThat(s.mcnemarMidP()).isCloseTo(t.mcnemarMidP(), within(1e-12));
  }

  @Property
  void midPIsAValidProbabilityBelowTheExactP(
      @ForAll @IntRange(min = 0, max = 2000) int b, @ForAll @IntRange(min = 0, max = 2000) int c) {
    PairedProportions t = new PairedProportions(0, b, c, 0);
    assertThat(t.mcnemarMidP()).isBetween(0.0, 1.0);
    assertThat(t.mcnemarMidP()).isLessThanOrEqualTo(t.mcnemarExactP() + 1e-12);
  }

  @Property
  void wilsonIntervalContainsTheProportion(
      @ForAll @IntRange(min = 0, max = 5000) int k, @ForAll @IntRange(min = 1, max = 5000) int n) {
    if (k > n) {
      return;
    }
    double[] w = Distributions.wilson(k, n, Distributions.Z95);
    double p = k / (double) n;
    assertThat(w[0]).isBetween(0.0, p + 1e-12);
    assertThat(w[1]).isBetween(p - 1e-12, 1.0);
  }
}
