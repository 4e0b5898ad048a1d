package org.detente.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void yields() {
    assertThat(Units.yieldKt("300 kt")).isEqualTo(300.0);
    assertThat(Units.yieldKt("1.2 Mt")).isEqualTo(1200.0);
    assertThat(Units.yieldKt("1.44Mt")).isEqualTo(1440.0);
    assertThat(Units.yieldKt("500 t")).isEqualTo(0.5);
    assertThatThrownBy(() -> Units.yieldKt("300")).hasMessage("missing unit, expected e.g. '300 kt'");
    assertThatThrownBy(() -> Units.yieldKt("3 mt"))
        .hasMessage("write 'kt' for kilotons or 'Mt' for megatons (got 'mt')");
    assertThatThrownBy(() -> Units.yieldKt("3 gigatons"))
        .hasMessage("unknown yield unit 'gigatons', expected t, kt or Mt (e.g. '300 kt')");
    assertThatThrownBy(() -> Units.yieldKt("kt"))
        .hasMessage("expected a number with a unit, e.g. '300 kt'");
  }

  @Test
  void durations() {
    assertThat(Units.days("1 week")).isEqualTo(7.0);
    assertThat(Units.days("104 weeks")).isEqualTo(728.0);
    assertThat(Units.days("10 days")).isEqualTo(10.0);
    assertThat(Units.days("2 years")).isEqualTo(728.0);
    assertThatThrownBy(() -> Units.days("104"))
        .hasMessage("missing unit, expected e.g. '104 weeks'");
  }

  @Test
  void people() {
    assertThat(Units.thousands("190k")).isEqualTo(190.0);
    assertThat(Units.thousands("1.2 M")).isEqualTo(1200.0);
    assertThat(Units.millions("145.1 M")).isEqualTo(145.1);
    assertThat(Units.millions("1.4 bn")).isEqualTo(1400.0);
    assertThat(Units.millions("600k")).isEqualTo(0.6);
    assertThatThrownBy(() -> Units.thousands("190000"))
        .hasMessage("missing unit, expected e.g. '190k'");
  }

  @Test
  void money() {
    assertThat(Units.bnUsd("2240 bn USD")).isEqualTo(2240.0);
    assertThat(Units.bnUsd("1.8 tn USD")).isEqualTo(1800.0);
    assertThat(Units.bnUsd("950 M USD")).isEqualTo(0.95);
    assertThatThrownBy(() -> Units.bnUsd("2240")).hasMessage("missing unit, expected e.g. '2240 bn USD'");
    assertThatThrownBy(() -> Units.bnUsd("2240 bn"))
        .hasMessage("missing currency, expected e.g. '2240.0 bn USD'");
    assertThatThrownBy(() -> Units.bnUsd("2240 bn EUR"))
        .hasMessageStartingWith("expected an amount in US dollars");
  }
}
