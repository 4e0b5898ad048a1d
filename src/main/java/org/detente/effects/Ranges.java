package org.detente.effects;

import java.util.Locale;
import org.detente.InvalidInputException;
import org.detente.Message;

/** The ranges of the effects model's inputs (yield, height of burst, fission fraction). */
public final class Ranges {

  /** Smallest yield accepted (10 tons). */
  public static final double MIN_YIELD_KT = 0.01;
  /** Largest yield accepted (50 Mt). */
  public static final double MAX_YIELD_KT = 50_000.0;
  /** Highest burst accepted, m (above this the burst is not an atmospheric ground-effects case). */
  public static final double MAX_HEIGHT_M = 30_000.0;

  private Ranges() {}

  /** Throws unless 0.01 kt ≤ yield ≤ 50 Mt. */
  public static void checkYield(double yieldKt) {
    if (!(yieldKt >= MIN_YIELD_KT && yieldKt <= MAX_YIELD_KT)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "yield", "0.01 kt",
          "50 Mt (50000 kt)", fmt(yieldKt) + " kt");
    }
  }

  /** Throws unless 0 ≤ height ≤ 30 km. */
  public static void checkHeight(double heightOfBurstM) {
    if (!(heightOfBurstM >= 0 && heightOfBurstM <= MAX_HEIGHT_M)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "height of burst", "0", "30 km",
          fmt(heightOfBurstM) + " m");
    }
  }

  /** Throws unless 0 ≤ fission fraction ≤ 1. */
  public static void checkFissionFraction(double ff) {
    if (!(ff >= 0 && ff <= 1)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "fission fraction", "0", "1",
          fmt(ff));
    }
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
