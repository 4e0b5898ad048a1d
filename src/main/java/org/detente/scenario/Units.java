package org.detente.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the quantities written with explicit units in scenario files: yields ({@code 300 kt},
 * {@code 1.2 Mt}), durations ({@code 1 week}, {@code 104 weeks}, {@code 10 days},
 * {@code 2 years}), head counts ({@code 190k}, {@code 145.1 M}, {@code 1.4 bn}) and money
 * ({@code 2240 bn USD}, {@code 1.8 tn USD}, {@code 950 M USD}). Unit spellings are exact
 * (case-sensitive) and match the JSON Schema.
 *
 * <p>Each parser returns the value in the unit of the record field, or throws
 * {@link IllegalArgumentException} with a message that says what was expected.
 */
final class Units {

  private static final Pattern QTY =
      Pattern.compile("^\\s*(" + Units.NUMBER + ")\\s*(.*?)\\s*$");

  /** A non-negative decimal number, as accepted in quantities (also used by the schema). */
  static final String NUMBER = "[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?";

  /** Days in one year, for durations: 52 weeks, so that a year is a whole number of weeks. */
  static final int DAYS_PER_YEAR = 364;

  private Units() {}

  private record Qty(double value, String unit) {}

  private static Qty split(String text, String example) {
    Matcher m = QTY.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a number with a unit, e.g. '" + example + "'");
    }
    double v;
    try {
      v = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected a number with a unit, e.g. '" + example + "'");
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("number out of range");
    }
    return new Qty(v, m.group(2));
  }

  /** Yield in kilotons from "300 kt", "1.2 Mt", "500 t". */
  static double yieldKt(String text) {
    Qty q = split(text, "300 kt");
    String u = q.unit();
    double kt =
        switch (u) {
          case "kt" -> q.value();
          case "Mt" -> q.value() * 1000.0;
          case "t" -> q.value() / 1000.0;
          case "mt", "MT", "KT", "kT" -> throw new IllegalArgumentException(
              "write 'kt' for kilotons or 'Mt' for megatons (got '" + u + "')");
          case "" -> throw new IllegalArgumentException("missing unit, expected e.g. '300 kt'");
          default -> throw new IllegalArgumentException(
              "unknown yield unit '" + q.unit() + "', expected t, kt or Mt (e.g. '300 kt')");
        };
    if (kt < 0) {
      throw new IllegalArgumentException("yield must not be negative");
    }
    return kt;
  }

  /** Duration in days from "1 week", "104 weeks", "10 days", "2 years". */
  static double days(String text) {
    Qty q = split(text, "104 weeks");
    String u = q.unit();
    double d =
        switch (u) {
          case "day", "days" -> q.value();
          case "week", "weeks" -> q.value() * 7.0;
          case "year", "years" -> q.value() * DAYS_PER_YEAR;
          case "" -> throw new IllegalArgumentException("missing unit, expected e.g. '104 weeks'");
          default -> throw new IllegalArgumentException(
              "unknown time unit '" + q.unit()
                  + "', expected days, weeks or years (e.g. '104 weeks')");
        };
    if (d < 0) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    return d;
  }

  /** A count of people in thousands from "190k", "1.2M", "850 thousand". */
  static double thousands(String text) {
    return people(text, "190k") * 1000.0;
  }

  /** A count of people in millions from "145.1 M", "9.4M", "600k". */
  static double millions(String text) {
    return people(text, "145.1 M");
  }

  /** People in millions. */
  private static double people(String text, String example) {
    Qty q = split(text, example);
    String u = q.unit();
    double m =
        switch (u) {
          case "k" -> q.value() / 1000.0;
          case "M" -> q.value();
          case "bn" -> q.value() * 1000.0;
          case "" -> throw new IllegalArgumentException(
              "missing unit, expected e.g. '" + example + "'");
          default -> throw new IllegalArgumentException(
              "unknown unit '" + u + "', expected k (thousand), M (million) or bn (billion) (e.g. '"
                  + example + "')");
        };
    if (m < 0) {
      throw new IllegalArgumentException("a number of people must not be negative");
    }
    return m;
  }

  /** Money in billions of US dollars from "2240 bn USD", "1.8 tn USD", "950 M USD". */
  static double bnUsd(String text) {
    Qty q = split(text, "2240 bn USD");
    String u = q.unit().trim();
    if (u.isEmpty()) {
      throw new IllegalArgumentException("missing unit, expected e.g. '2240 bn USD'");
    }
    String[] parts = u.split("\\s+");
    if (parts.length != 2 || !parts[1].equals("USD")) {
      if (parts.length == 1 && (parts[0].equals("M") || parts[0].equals("bn")
          || parts[0].equals("tn"))) {
        throw new IllegalArgumentException("missing currency, expected e.g. '" + q.value()
            + " " + parts[0] + " USD'");
      }
      throw new IllegalArgumentException(
          "expected an amount in US dollars with a scale, e.g. '2240 bn USD' or '1.8 tn USD'");
    }
    double bn =
        switch (parts[0]) {
          case "M" -> q.value() / 1000.0;
          case "bn" -> q.value();
          case "tn" -> q.value() * 1000.0;
          default -> throw new IllegalArgumentException(
              "unknown scale '" + parts[0] + "', expected M, bn or tn (e.g. '2240 bn USD')");
        };
    if (bn < 0) {
      throw new IllegalArgumentException("an amount of money must not be negative");
    }
    return bn;
  }
}
