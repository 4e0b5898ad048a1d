package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FastMathTest {

  @Test
  void expMatchesStrictMathToTwelveDigits() {
    for (double x = -600; x <= 600; x += 0.0137) {
      double want = StrictMath.exp(x);
      assertThat(Math.abs(FastMath.exp(x) - want) / want).as("x = %s", x).isLessThan(1e-12);
    }
    assertThat(FastMath.exp(0)).isEqualTo(1.0);
    assertThat(FastMath.exp(-800)).isZero();
    assertThat(FastMath.exp(800)).isInfinite();
  }
}
