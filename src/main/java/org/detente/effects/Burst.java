package org.detente.effects;

/**
 * A nuclear burst: yield and height of burst.
 *
 * @param yieldKt        yield in kt (0.01 kt – 50 Mt)
 * @param heightOfBurstM height of burst in m (0 = surface burst)
 * @param optimumHeight  true if the height is the one that maximises the 5 psi ground range
 */
public record Burst(double yieldKt, double heightOfBurstM, boolean optimumHeight) {

  /** Validates the yield and height. */
  public Burst {
    Ranges.checkYield(yieldKt);
    Ranges.checkHeight(heightOfBurstM);
  }

  /** A surface (contact) burst. */
  public static Burst surface(double yieldKt) {
    return new Burst(yieldKt, 0.0, false);
  }

  /** An air burst at the height that maximises the 5 psi ground range. */
  public static Burst optimumAir(double yieldKt) {
    Ranges.checkYield(yieldKt);
    return new Burst(yieldKt, Blast.optimumHeightM(yieldKt), true);
  }

  /** A burst at a given height. */
  public static Burst atHeight(double yieldKt, double heightOfBurstM) {
    return new Burst(yieldKt, heightOfBurstM, false);
  }

  /** True for a surface burst. */
  public boolean isSurface() {
    return heightOfBurstM == 0.0;
  }

  /** True if the fireball touches the ground, so that the burst makes local fallout. */
  public boolean makesLocalFallout() {
    return Fireball.touchesGround(yieldKt, heightOfBurstM);
  }

  /** "surface" or "air". */
  public String kind() {
    return isSurface() ? "surface" : "air";
  }
}
