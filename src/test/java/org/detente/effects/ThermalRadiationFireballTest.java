package org.detente.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThermalRadiationFireballTest {

  @Test
  void burnThresholdsMatchTheTableAtItsYields() {
    // Glasstone & Dolan radiant exposures for burns (20 kt / 1 Mt / 20 Mt), as restated in the
    // ASU EEE 460 notes [quoted]: first 2.5/3.2/5, second 5/6/8.5, third 8/10/12 cal/cm².
    double[][] t = {{2.5, 3.2, 5}, {5, 6, 8.5}, {8, 10, 12}};
    double[] w = {20, 1000, 20_000};
    for (int d = 1; d <= 3; d++) {
      for (int i = 0; i < 3; i++) {
        assertThat(Thermal.burnThresholdCalPerCm2(w[i], d)).isCloseTo(t[d - 1][i], within(1e-9));
      }
    }
    // constant outside the extrapolation range
    assertThat(Thermal.burnThresholdCalPerCm2(0.01, 3)).isEqualTo(Thermal.burnThresholdCalPerCm2(1, 3));
    assertThat(Thermal.burnThresholdCalPerCm2(50_000, 3)).isEqualTo(12.0);
  }

  @Test
  void burnRangesAreWithinAQuarterOfThePublishedOneMegatonFigures() {
    // Same source: 1 Mt, 1st degree 18 km, 2nd 14.4 km, 3rd 12 km [quoted]. The CEX-62.2 fit
    // (clear air) gives longer ranges; visibility alone changes these by tens of percent.
    EffectRadii r = EffectRadii.of(Burst.optimumAir(1000));
    assertThat(r.burnRangesKm()[0]).isCloseTo(18, within(0.25 * 18));
    assertThat(r.burnRangesKm()[1]).isCloseTo(14.4, within(0.25 * 14.4));
    assertThat(r.burnRangesKm()[2]).isCloseTo(12, within(0.25 * 12));
  }

  @Test
  void impliedTransmittanceIsPhysical() {
    // Q = f W τ / (4π D²) (G&D 1977 ch. VII) with f = 0.35: the fit must imply 0 < τ ≤ 1.
    for (double w : new double[] {0.01, 1, 7, 300, 2300, 50_000}) {
      for (double q : new double[] {1, 3, 10, 30}) {
        double d = Thermal.slantRangeKm(w, q, false);
        double tau = Thermal.impliedTransmittance(w, d, false);
        assertThat(tau).as("W=%s Q=%s", w, q).isGreaterThan(0.2).isLessThanOrEqualTo(1.0);
      }
    }
  }

  @Test
  void exposureAndRangeFitsAreMutuallyConsistent() {
    for (double w : new double[] {1, 100, 10_000}) {
      for (double q : new double[] {2, 6, 12}) {
        double d = Thermal.slantRangeKm(w, q, true);
        assertThat(Thermal.exposureCalPerCm2(w, d, true)).isCloseTo(q, within(0.05 * q));
      }
    }
  }

  @Test
  void surfaceBurstThermalRangeUsesSeventyPercentOfTheYield() {
    assertThat(Thermal.slantRangeKm(100, 5, true)).isCloseTo(Thermal.slantRangeKm(70, 5, false), within(1e-12));
  }

  @Test
  void fireballOfOneMegatonAirBurstIsAbout5700FeetAcross() {
    // G&D 1977: a 1 Mt fireball's maximum size is 5,700 ft across [quoted via atomicarchive.com].
    assertThat(Fireball.airRadiusKm(1000) * 2 / 0.0003048).isCloseTo(5700, within(0.03 * 5700));
    assertThat(Fireball.radiusKm(1000, 0)).isGreaterThan(Fireball.airRadiusKm(1000));
    assertThat(Fireball.touchesGround(1000, 0)).isTrue();
    assertThat(Fireball.touchesGround(1000, Blast.optimumHeightM(1000))).isFalse();
  }

  @Test
  void initialRadiationFromHighAirBurstsDoesNotReachTheGroundAt500Rem() {
    // At the 5 psi optimum height, 500 rem reaches the ground for small yields but not for
    // megaton bursts (reference runs of the same fit: not above a few hundred kt).
    assertThat(InitialRadiation.groundRangeKm(100, 500, Blast.optimumHeightM(100))).isPositive();
    assertThat(InitialRadiation.groundRangeKm(1000, 500, Blast.optimumHeightM(1000))).isZero();
    assertThat(InitialRadiation.groundRangeKm(1000, 100, Blast.optimumHeightM(1000))).isPositive();
  }

  @Test
  void radiationFitIsContinuousAcrossTheTwentyMegatonJoin() {
    double below = InitialRadiation.slantRangeKm(19_999.999, 500);
    double above = InitialRadiation.slantRangeKm(20_000.001, 500);
    assertThat(above).isCloseTo(below, within(1e-6));
  }
}
