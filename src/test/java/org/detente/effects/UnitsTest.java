package org.detente.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.detente.DetenteException;
import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void parsesYieldsLengthsAndSpeeds() {
    assertThat(Units.parseYieldKt("300kt")).isEqualTo(300);
    assertThat(Units.parseYieldKt("1.2 Mt")).isCloseTo(1200, within(1e-9));
    assertThat(Units.parseYieldKt("20t")).isCloseTo(0.02, within(1e-12));
    assertThat(Units.parseLengthM("1.2km", "height")).isCloseTo(1200, within(1e-9));
    assertThat(Units.parseLengthM("6000ft", "height")).isCloseTo(1828.8, within(1e-9));
    assertThat(Units.parseLengthM("2 mi", "height")).isCloseTo(3218.688, within(1e-9));
    assertThat(Units.parseSpeedKmh("15mph", "wind")).isCloseTo(24.14016, within(1e-9));
    assertThat(Units.parseSpeedKmh("5m/s", "wind")).isCloseTo(18, within(1e-9));
    assertThat(Units.parseYieldKt("1e3kt")).isEqualTo(1000);
  }

  @Test
  void badUnitsAreUsageErrors() {
    assertThatThrownBy(() -> Units.parseYieldKt("300"))
        .isInstanceOf(DetenteException.class).hasMessageContaining("has no unit")
        .extracting(e -> ((DetenteException) e).exitCode()).isEqualTo(2);
    assertThatThrownBy(() -> Units.parseYieldKt("300 gigawatts"))
        .isInstanceOf(DetenteException.class).hasMessageContaining("unknown unit 'gigawatts'");
    assertThatThrownBy(() -> Units.parseLengthM("high", "height"))
        .isInstanceOf(DetenteException.class).hasMessageContaining("expected a number");
    assertThatThrownBy(() -> Units.parseSpeedKmh("10 furlongs/fortnight", "wind"))
        .isInstanceOf(DetenteException.class).hasMessageContaining("unknown unit");
    assertThatThrownBy(() -> Units.checkFissionFraction(1.2))
        .isInstanceOf(DetenteException.class).hasMessageContaining("fission fraction");
  }
}
