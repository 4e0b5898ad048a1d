package org.detente.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.detente.DetenteException;
import org.detente.InvalidInputException;
import org.detente.model.Units;
import org.junit.jupiter.api.Test;

class RangesTest {

  @Test
  void parsesYieldsLengthsAndSpeeds() {
    assertThat(Units.yieldKt("300kt")).isEqualTo(300);
    assertThat(Units.yieldKt("1.2 Mt")).isCloseTo(1200, within(1e-9));
    assertThat(Units.yieldKt("20t")).isCloseTo(0.02, within(1e-12));
    assertThat(Units.metres("1.2km")).isCloseTo(1200, within(1e-9));
    assertThat(Units.metres("6000ft")).isCloseTo(1828.8, within(1e-9));
    assertThat(Units.metres("2 mi")).isCloseTo(3218.688, within(1e-9));
    assertThat(Units.kmPerHour("15mph")).isCloseTo(24.14016, within(1e-9));
    assertThat(Units.kmPerHour("5m/s")).isCloseTo(18, within(1e-9));
    assertThat(Units.yieldKt("1e3kt")).isEqualTo(1000);
  }

  @Test
  void badUnitsAreInvalidInput() {
    assertThatThrownBy(() -> Units.yieldKt("300"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing unit");
    assertThatThrownBy(() -> Units.yieldKt("300 gigawatts"))
        .isInstanceOf(DetenteException.class).hasMessageContaining("unknown yield unit 'gigawatts'");
    assertThatThrownBy(() -> Units.metres("high"))
        .isInstanceOf(DetenteException.class).hasMessageContaining("expected a number");
    assertThatThrownBy(() -> Units.kmPerHour("10 furlongs/fortnight"))
        .isInstanceOf(DetenteException.class).hasMessageContaining("unknown speed unit");
    assertThatThrownBy(() -> Ranges.checkFissionFraction(1.2))
        .isInstanceOf(DetenteException.class).hasMessageContaining("fission fraction");
  }

  @Test
  void ktIsKilotonsNeverKnotsAndMegatonsAreWrittenMt() {
    assertThatThrownBy(() -> Units.kmPerHour("10kt"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'kn' for knots");
    assertThatThrownBy(() -> Units.yieldKt("1.2MT"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'Mt' for megatons");
    assertThat(Units.kmPerHour("10 kn")).isCloseTo(18.52, within(1e-9));
  }

  @Test
  void outOfRangeInputsAreInvalidInput() {
    assertThatThrownBy(() -> Ranges.checkYield(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("yield must be between");
    assertThatThrownBy(() -> Ranges.checkHeight(40_000))
        .isInstanceOf(InvalidInputException.class);
  }
}
