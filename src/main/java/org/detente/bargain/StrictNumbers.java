package org.detente.bargain;

/** Number parsing shared by the KTAB readers: plain decimal or scientific notation only. */
final class StrictNumbers {

  private StrictNumbers() {}

  /**
   * Parses a finite number as written in KTAB's files; rejects Java's type suffixes (d, f),
   * NaN and infinities, which Double.parseDouble would accept.
   *
   * @throws NumberFormatException if the text is not such a number
   */
  static double parse(String t) {
    double v = Double.parseDouble(t);
    if (!Double.isFinite(v) || t.endsWith("d") || t.endsWith("D") || t.endsWith("f")
        || t.endsWith("F")) {
      throw new NumberFormatException(t);
    }
    return v;
  }
}
