package org.detente.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class BlastProperties {

  @Property(tries = 60)
  void cubeRootScalingHoldsForBlast(
      @ForAll @DoubleRange(min = 0.01, max = 50_000) double yieldKt,
      @ForAll @DoubleRange(min = 1, max = 20) double psi,
      @ForAll @DoubleRange(min = 0, max = 2.5) double scaledHeightKft) {
    double s = Math.cbrt(yieldKt);
    double hM = scaledHeightKft * 304.8 * s;
    double r1 = Blast.groundRangeKm(1, psi, scaledHeightKft * 304.8);
    double rw = Blast.groundRangeKm(yieldKt, psi, hM);
    assertThat(rw).isCloseTo(r1 * s, within(1e-6 * Math.max(rw, 1e-9)));
  }

  @Property(tries = 60)
  void rangesGrowWithYieldAndShrinkWithPressure(
      @ForAll @DoubleRange(min = 0.01, max = 25_000) double yieldKt,
      @ForAll @DoubleRange(min = 1.01, max = 2) double factor) {
    for (Burst b : new Burst[] {Burst.surface(yieldKt), Burst.optimumAir(yieldKt)}) {
      Burst bigger = b.isSurface() ? Burst.surface(yieldKt * factor) : Burst.optimumAir(yieldKt * factor);
      EffectRadii r = EffectRadii.of(b);
      EffectRadii rb = EffectRadii.of(bigger);
      for (int i = 0; i < r.overpressureRangesKm().length; i++) {
        if (r.overpressureRangesKm()[i] > 0) {
          assertThat(rb.overpressureRangesKm()[i]).isGreaterThan(r.overpressureRangesKm()[i]);
        }
        if (i > 0) {
          assertThat(r.overpressureRangesKm()[i]).isLessThan(r.overpressureRangesKm()[i - 1]);
        }
      }
      for (int d = 0; d < 3; d++) {
        assertThat(rb.burnRangesKm()[d]).isGreaterThan(r.burnRangesKm()[d]);
        if (d > 0) {
          assertThat(r.burnRangesKm()[d]).isLessThan(r.burnRangesKm()[d - 1]);
        }
      }
      assertThat(rb.fireballRadiusKm()).isGreaterThan(r.fireballRadiusKm());
    }
  }

  @Property(tries = 40)
  void surfaceRadiationRangesGrowWithYieldAndShrinkWithDose(
      @ForAll @DoubleRange(min = 0.01, max = 25_000) double yieldKt,
      @ForAll @DoubleRange(min = 1.05, max = 2) double factor) {
    double[] doses = {100, 500, 1000};
    for (int i = 0; i < doses.length; i++) {
      double r = InitialRadiation.groundRangeKm(yieldKt, doses[i], 0);
      assertThat(InitialRadiation.groundRangeKm(yieldKt * factor, doses[i], 0)).isGreaterThan(r);
      if (i > 0) {
        assertThat(r).isLessThan(InitialRadiation.groundRangeKm(yieldKt, doses[i - 1], 0));
      }
    }
  }

  @Property(tries = 40)
  void radiationDoseInvertsTheRangeFit(
      @ForAll @DoubleRange(min = 0.01, max = 50_000) double yieldKt,
      @ForAll @DoubleRange(min = 2, max = 20_000) double rem) {
    double d = InitialRadiation.slantRangeKm(yieldKt, rem);
    assertThat(InitialRadiation.doseRem(yieldKt, d)).isCloseTo(rem, within(1e-6 * rem));
  }
}
