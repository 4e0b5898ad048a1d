package org.detente.effects;

/**
 * The ranges of the standard effects of one burst (all ground ranges in km; 0 where the effect
 * does not reach the ground).
 *
 * @param burst                the burst
 * @param fireballRadiusKm     maximum fireball radius
 * @param overpressurePsi      pressures of {@code overpressureRangesKm} (1, 2, 3, 5, 10, 20 psi)
 * @param overpressureRangesKm ground ranges of those pressures
 * @param burnThresholdsCalPerCm2 radiant exposures of first-, second-, third-degree burns
 * @param burnRangesKm         ground ranges of first-, second-, third-degree burns
 * @param doseRem              doses of {@code radiationRangesKm} (100, 500, 1000 rem)
 * @param radiationRangesKm    ground ranges of those initial-radiation doses
 */
public record EffectRadii(
    Burst burst,
    double fireballRadiusKm,
    double[] overpressurePsi,
    double[] overpressureRangesKm,
    double[] burnThresholdsCalPerCm2,
    double[] burnRangesKm,
    double[] doseRem,
    double[] radiationRangesKm) {

  /** Standard pressures reported, psi. */
  public static final double[] STANDARD_PSI = {1, 2, 3, 5, 10, 20};
  /** Standard initial-radiation doses reported, rem. */
  public static final double[] STANDARD_REM = {100, 500, 1000};

  private static final double[] SCALED_SURFACE = scaled(0.0);
  private static final double[] SCALED_OPTIMUM =
      scaled(Blast.optimumScaledHeightKft(Blast.OPTIMUM_FOR_PSI));

  private static double[] scaled(double yKft) {
    double[] out = new double[STANDARD_PSI.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Blast.scaledRangeKft(STANDARD_PSI[i], yKft);
    }
    return out;
  }

  /** Computes the ranges of a burst. */
  public static EffectRadii of(Burst b) {
    double w = b.yieldKt();
    double h = b.heightOfBurstM();
    double s = Math.cbrt(w);
    double[] op = new double[STANDARD_PSI.length];
    double[] cached = b.isSurface() ? SCALED_SURFACE : b.optimumHeight() ? SCALED_OPTIMUM : null;
    for (int i = 0; i < op.length; i++) {
      op[i] = cached != null
          ? cached[i] * Blast.KM_PER_KFT * s
          : Blast.groundRangeKm(w, STANDARD_PSI[i], h);
    }
    double[] q = new double[3];
    double[] burn = new double[3];
    for (int d = 1; d <= 3; d++) {
      q[d - 1] = Thermal.burnThresholdCalPerCm2(w, d);
      burn[d - 1] = Thermal.burnGroundRangeKm(w, d, h);
    }
    double[] rad = new double[STANDARD_REM.length];
    for (int i = 0; i < rad.length; i++) {
      rad[i] = InitialRadiation.groundRangeKm(w, STANDARD_REM[i], h);
    }
    return new EffectRadii(b, Fireball.radiusKm(w, h), STANDARD_PSI.clone(), op, q, burn,
        STANDARD_REM.clone(), rad);
  }

  /** Ground range of a standard pressure (1, 2, 3, 5, 10 or 20 psi). */
  public double overpressureRangeKm(double psi) {
    for (int i = 0; i < overpressurePsi.length; i++) {
      if (overpressurePsi[i] == psi) {
        return overpressureRangesKm[i];
      }
    }
    throw new IllegalArgumentException("not a standard pressure: " + psi);
  }
}
