package org.detente.effects;

/**
 * Maximum fireball radius. Glasstone &amp; Dolan (1977) give 5,700 ft as the maximum diameter of
 * the fireball of a 1 Mt weapon (reached after about 10 s), i.e. R ≈ 180·W^{0.4} ft with W in kt; the same
 * expression is their minimum height of burst for negligible local fallout (§2.129, the burst
 * whose fireball does not touch the ground). A contact surface burst behaves like a burst of
 * twice the yield (the ground reflects the energy), so its hemisphere has R = 180·(2W)^{0.4} ft
 * ≈ 238·W^{0.4} ft. Between a contact burst and a burst at one fireball radius the radius is
 * interpolated linearly in height.
 */
public final class Fireball {

  private static final double AIR_FT = 180.0;
  private static final double SURFACE_FT = 180.0 * Math.pow(2.0, 0.4);
  private static final double KM_PER_FT = 0.0003048;

  private Fireball() {}

  /** Maximum fireball radius in km of a free air burst. */
  public static double airRadiusKm(double yieldKt) {
    Ranges.checkYield(yieldKt);
    return AIR_FT * Math.pow(yieldKt, 0.4) * KM_PER_FT;
  }

  /** Maximum fireball radius in km of a burst at a height (surface burst at height 0). */
  public static double radiusKm(double yieldKt, double heightOfBurstM) {
    Ranges.checkHeight(heightOfBurstM);
    double air = airRadiusKm(yieldKt);
    double surf = SURFACE_FT * Math.pow(yieldKt, 0.4) * KM_PER_FT;
    double h = heightOfBurstM / 1000.0;
    if (h >= air) {
      return air;
    }
    return surf + (air - surf) * (h / air);
  }

  /** True if the fireball touches the ground (height below the air-burst fireball radius). */
  public static boolean touchesGround(double yieldKt, double heightOfBurstM) {
    return heightOfBurstM / 1000.0 < airRadiusKm(yieldKt);
  }
}
