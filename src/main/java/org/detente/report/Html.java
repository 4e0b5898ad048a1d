package org.detente.report;

import java.util.Locale;

/** HTML helpers: escaping and number formatting. */
public final class Html {
  private Html() {}

  /** Escapes text for HTML/XML content and attribute values. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A probability as a percentage with one decimal, e.g. "12.3%". */
  public static String pct(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.1f%%", 100 * p);
  }

  /** A signed difference in percentage points, e.g. "−3.1 pp". */
  public static String pp(double d) {
    if (Double.isNaN(d)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.1f pp", 100 * d);
  }

  /** A count of people, e.g. "1.2 M", "35 k", "820". */
  public static String people(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    if (a >= 1e9) {
      return String.format(Locale.ROOT, "%.2f bn", v / 1e9);
    }
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", v / 1e6);
    }
    if (a >= 1e4) {
      return String.format(Locale.ROOT, "%.0f k", v / 1e3);
    }
    if (a >= 1e3) {
      return String.format(Locale.ROOT, "%.1f k", v / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", v);
  }

  /** A count of people in full with thousands separators, e.g. "167,880", as {@code run} prints. */
  public static String count(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  /** A number with up to 4 significant digits. */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  /** A p-value, e.g. "0.032" or "&lt;0.0001". */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    if (p < 1e-4) {
      return "<0.0001";
    }
    return String.format(Locale.ROOT, "%.4f", p);
  }

  /** "p = 0.0123" or "p &lt; 0.0001". */
  public static String pEquals(double p) {
    String v = pValue(p);
    return v.startsWith("<") ? "p " + v.replace("<", "< ") : "p = " + v;
  }
}
