package org.detente.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.detente.InvalidInputException;
import org.detente.Message;

/**
 * The one parser of quantities written with explicit units, in scenario files and on the command
 * line alike: yields ({@code 300 kt}, {@code 1.2 Mt}, {@code 500 t}), lengths ({@code 600 m},
 * {@code 1.2 km}, {@code 2000 ft}, {@code 3 mi}), speeds ({@code 24 km/h}, {@code 15 mph},
 * {@code 5 m/s}, {@code 10 kn}), durations ({@code 1 week}, {@code 104 weeks}, {@code 10 days},
 * {@code 2 years}), head counts ({@code 190k}, {@code 145.1 M}, {@code 1.4 bn}) and money
 * ({@code 2240 bn USD}, {@code 1.8 tn USD}, {@code 950 M USD}).
 *
 * <p>One set of rules: the number is non-negative and decimal, the unit follows with or without
 * a space, and unit spellings are exact and case-sensitive ({@code kt} is kilotons, never knots;
 * {@code MT} and {@code mt} are refused with a hint rather than guessed). Each parser returns
 * the value in the unit its name says, or throws {@link InvalidInputException} whose message
 * says what was expected (without naming the field: the caller adds where the text came from).
 */
public final class Units {

  /** A non-negative decimal number, as accepted in quantities (also used by the schema). */
  public static final String NUMBER = "[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?";

  /** Days in one year, for durations: 52 weeks, so that a year is a whole number of weeks. */
  public static final int DAYS_PER_YEAR = 364;

  private static final Pattern QTY = Pattern.compile("^\\s*(" + NUMBER + ")\\s*(.*?)\\s*$");

  private Units() {}

  private record Qty(double value, String unit) {}

  private static Qty split(String text, String example) {
    Matcher m = QTY.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new InvalidInputException(Message.QUANTITY_EXPECTED, example);
    }
    double v;
    try {
      v = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(Message.QUANTITY_EXPECTED, example);
    }
    if (!Double.isFinite(v)) {
      throw new InvalidInputException(Message.NUMBER_OUT_OF_RANGE);
    }
    return new Qty(v, m.group(2));
  }

  /** Yield in kilotons from "300 kt", "1.2 Mt", "500 t". */
  public static double yieldKt(String text) {
    Qty q = split(text, "300 kt");
    String u = q.unit();
    return switch (u) {
      case "kt" -> q.value();
      case "Mt" -> q.value() * 1000.0;
      case "t" -> q.value() / 1000.0;
      case "mt", "MT", "KT", "kT", "Kt" -> throw new InvalidInputException(Message.YIELD_UNIT_CASE,
          u);
      case "" -> throw new InvalidInputException(Message.UNIT_MISSING, "300 kt");
      default -> throw new InvalidInputException(Message.UNIT_UNKNOWN, "yield ", u, "t, kt or Mt",
          "300 kt");
    };
  }

  /** Length in metres from "600 m", "1.2 km", "2000 ft", "6 kft", "3 mi". */
  public static double metres(String text) {
    Qty q = split(text, "1.2 km");
    String u = q.unit();
    double f = switch (u) {
      case "m" -> 1.0;
      case "km" -> 1000.0;
      case "ft" -> 0.3048;
      case "kft" -> 304.8;
      case "mi" -> 1609.344;
      case "" -> throw new InvalidInputException(Message.UNIT_MISSING, "1.2 km");
      default -> throw new InvalidInputException(Message.UNIT_UNKNOWN, "length ", u,
          "m, km, ft, kft or mi", "1.2 km");
    };
    return q.value() * f;
  }

  /** Speed in km/h from "24 km/h", "15 mph", "5 m/s", "10 kn". */
  public static double kmPerHour(String text) {
    Qty q = split(text, "24 km/h");
    String u = q.unit();
    double f = switch (u) {
      case "km/h" -> 1.0;
      case "mph" -> 1.609344;
      case "m/s" -> 3.6;
      case "kn" -> 1.852;
      case "kt" -> throw new InvalidInputException(Message.SPEED_UNIT_KT);
      case "" -> throw new InvalidInputException(Message.UNIT_MISSING, "24 km/h");
      default -> throw new InvalidInputException(Message.UNIT_UNKNOWN, "speed ", u,
          "km/h, mph, m/s or kn", "24 km/h");
    };
    return q.value() * f;
  }

  /** Duration in days from "1 week", "104 weeks", "10 days", "2 years". */
  public static double days(String text) {
    Qty q = split(text, "104 weeks");
    String u = q.unit();
    return switch (u) {
      case "day", "days" -> q.value();
      case "week", "weeks" -> q.value() * 7.0;
      case "year", "years" -> q.value() * DAYS_PER_YEAR;
      case "" -> throw new InvalidInputException(Message.UNIT_MISSING, "104 weeks");
      default -> throw new InvalidInputException(Message.UNIT_UNKNOWN, "time ", u,
          "days, weeks or years", "104 weeks");
    };
  }

  /** A count of people in thousands from "190k", "1.2M", "850 thousand". */
  public static double thousands(String text) {
    return people(text, "190k") * 1000.0;
  }

  /** A count of people in millions from "145.1 M", "9.4M", "600k". */
  public static double millions(String text) {
    return people(text, "145.1 M");
  }

  /** People in millions. */
  private static double people(String text, String example) {
    Qty q = split(text, example);
    String u = q.unit();
    return switch (u) {
      case "k" -> q.value() / 1000.0;
      case "M" -> q.value();
      case "bn" -> q.value() * 1000.0;
      case "" -> throw new InvalidInputException(Message.UNIT_MISSING, example);
      default -> throw new InvalidInputException(Message.UNIT_UNKNOWN, "", u,
          "k (thousand), M (million) or bn (billion)", example);
    };
  }

  /** Money in billions of US dollars from "2240 bn USD", "1.8 tn USD", "950 M USD". */
  public static double bnUsd(String text) {
    Qty q = split(text, "2240 bn USD");
    String u = q.unit().trim();
    if (u.isEmpty()) {
      throw new InvalidInputException(Message.UNIT_MISSING, "2240 bn USD");
    }
    String[] parts = u.split("\\s+");
    if (parts.length != 2 || !parts[1].equals("USD")) {
      if (parts.length == 1 && (parts[0].equals("M") || parts[0].equals("bn")
          || parts[0].equals("tn"))) {
        throw new InvalidInputException(Message.MONEY_NO_CURRENCY, q.value(), parts[0]);
      }
      throw new InvalidInputException(Message.MONEY_EXPECTED);
    }
    return switch (parts[0]) {
      case "M" -> q.value() / 1000.0;
      case "bn" -> q.value();
      case "tn" -> q.value() * 1000.0;
      default -> throw new InvalidInputException(Message.MONEY_SCALE, parts[0]);
    };
  }
}
