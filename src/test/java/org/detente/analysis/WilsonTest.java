package org.detente.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

  @Test
  void matchesNewcombesWorkedExamples() {
    // Newcombe (1998), Statistics in Medicine 17:857, table I, method 3 (score interval)
    double[] a = Wilson.interval(81, 263, Wilson.Z95);
    assertThat(a[0]).isCloseTo(0.2553, within(1e-4));
    assertThat(a[1]).isCloseTo(0.3662, within(1e-4));
    double[] b = Wilson.interval(15, 148, Wilson.Z95);
    assertThat(b[0]).isCloseTo(0.0624, within(1e-4));
    assertThat(b[1]).isCloseTo(0.1605, within(1e-4));
    double[] c = Wilson.interval(0, 20, Wilson.Z95);
    assertThat(c[0]).isEqualTo(0.0);
    assertThat(c[1]).isCloseTo(0.1611, within(1e-4));
  }

  @Test
  void staysInsideTheUnitInterval() {
    for (int n = 1; n < 60; n++) {
      for (int k = 0; k <= n; k++) {
        assertThat(Wilson.lower(k, n)).isBetween(0.0, (double) k / n);
        assertThat(Wilson.upper(k, n)).isBetween((double) k / n, 1.0);
      }
    }
  }
}
