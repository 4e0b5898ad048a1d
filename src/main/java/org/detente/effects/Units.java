package org.detente.effects;

import java.util.Locale;
import org.detente.DetenteException;

/** Input checks and unit parsing for the effects model (yields, lengths, speeds). */
public final class Units {

  /** Smallest yield accepted (10 tons). */
  public static final double MIN_YIELD_KT = 0.01;
  /** Largest yield accepted (50 Mt). */
  public static final double MAX_YIELD_KT = 50_000.0;
  /** Highest burst accepted, m (above this the burst is not an atmospheric ground-effects case). */
  public static final double MAX_HEIGHT_M = 30_000.0;

  private Units() {}

  /** Throws unless 0.01 kt ≤ yield ≤ 50 Mt. */
  public static void checkYield(double yieldKt) {
    if (!(yieldKt >= MIN_YIELD_KT && yieldKt <= MAX_YIELD_KT)) {
      throw new DetenteException("yield must be between 0.01 kt and 50 Mt (50000 kt), got "
          + fmt(yieldKt) + " kt");
    }
  }

  /** Throws unless 0 ≤ height ≤ 30 km. */
  public static void checkHeight(double heightOfBurstM) {
    if (!(heightOfBurstM >= 0 && heightOfBurstM <= MAX_HEIGHT_M)) {
      throw new DetenteException("height of burst must be between 0 and 30 km, got "
          + fmt(heightOfBurstM) + " m");
    }
  }

  /** Throws unless 0 ≤ fission fraction ≤ 1. */
  public static void checkFissionFraction(double ff) {
    if (!(ff >= 0 && ff <= 1)) {
      throw new DetenteException("fission fraction must be between 0 and 1, got " + fmt(ff));
    }
  }

  /** Parses a yield such as "300kt", "1.2 Mt", "20t" into kt. */
  public static double parseYieldKt(String text) {
    String hint = "t, kt or Mt, e.g. 300kt";
    Quantity q = quantity(text, "yield", "kt", hint);
    double f = switch (q.unit()) {
      case "t", "ton", "tons" -> 1e-3;
      case "kt" -> 1.0;
      case "mt" -> 1000.0;
      default -> throw unknownUnit(text, "yield", q, hint);
    };
    return q.value() * f;
  }

  /** Parses a length such as "1.2km", "600 m", "2000ft", "3mi" into metres. */
  public static double parseLengthM(String text, String what) {
    String hint = "m, km, ft or mi, e.g. 1.2km";
    Quantity q = quantity(text, what, "m", hint);
    double f = switch (q.unit()) {
      case "m" -> 1.0;
      case "km" -> 1000.0;
      case "ft" -> 0.3048;
      case "kft" -> 304.8;
      case "mi" -> 1609.344;
      default -> throw unknownUnit(text, what, q, hint);
    };
    return q.value() * f;
  }

  /** Parses a speed such as "24km/h", "15mph", "5 m/s", "10kn" into km/h. */
  public static double parseSpeedKmh(String text, String what) {
    String hint = "km/h, mph, m/s or kn, e.g. 24km/h";
    Quantity q = quantity(text, what, "km/h", hint);
    double f = switch (q.unit()) {
      case "km/h", "kph", "kmh" -> 1.0;
      case "mph" -> 1.609344;
      case "m/s" -> 3.6;
      case "kn", "kt", "knots" -> 1.852;
      default -> throw unknownUnit(text, what, q, hint);
    };
    return q.value() * f;
  }

  /** A number and its unit, lower-cased. */
  private record Quantity(double value, String unit) {}

  /**
   * Splits "1.2 km" into 1.2 and "km". {@code example} completes the hint when the number is
   * missing ("e.g. 10km"); {@code hint} lists the units when the unit is missing.
   */
  private static Quantity quantity(String text, String what, String example, String hint) {
    if (text == null || text.isBlank()) {
      throw new DetenteException(what + " is empty", 2);
    }
    String t = text.trim();
    int i = 0;
    while (i < t.length() && "+-.0123456789eE".indexOf(t.charAt(i)) >= 0) {
      // stop at an 'e' that is not an exponent (no digit after it)
      if ((t.charAt(i) == 'e' || t.charAt(i) == 'E')
          && (i + 1 >= t.length() || "+-0123456789".indexOf(t.charAt(i + 1)) < 0)) {
        break;
      }
      i++;
    }
    String num = t.substring(0, i);
    if (num.isEmpty()) {
      throw new DetenteException(what + " '" + text + "': expected a number with a unit, e.g. 10"
          + example, 2);
    }
    double v;
    try {
      v = Double.parseDouble(num);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!Double.isFinite(v)) {
      throw new DetenteException(what + " '" + text + "': '" + num + "' is not a number", 2);
    }
    String u = t.substring(i).trim().toLowerCase(Locale.ROOT);
    if (u.isEmpty()) {
      throw new DetenteException(what + " '" + text + "' has no unit (use " + hint + ")", 2);
    }
    return new Quantity(v, u);
  }

  private static DetenteException unknownUnit(String text, String what, Quantity q,
      String hint) {
    return new DetenteException(what + " '" + text + "': unknown unit '" + q.unit() + "' (use "
        + hint + ")", 2);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
