package org.detente.backtest;

import java.util.List;
import java.util.Locale;

/**
 * A reliability diagram: every (forecast probability, outcome) pair of every category pooled,
 * in ten bins of equal width; per bin the mean forecast, the observed frequency and the count.
 */
public final class Reliability {

  /** Number of bins. */
  public static final int BINS = 10;

  private final double[] sumP = new double[BINS];
  private final double[] sumO = new double[BINS];
  private final long[] count = new long[BINS];

  /** Adds one forecast vector and its observed category. */
  public void add(double[] p, int o) {
    for (int k = 0; k < p.length; k++) {
      int b = Math.min(BINS - 1, (int) Math.floor(p[k] * BINS));
      sumP[b] += p[k];
      sumO[b] += k == o ? 1 : 0;
      count[b]++;
    }
  }

  /** Count of pairs in bin b. */
  public long count(int b) {
    return count[b];
  }

  /** Mean forecast in bin b (NaN when empty). */
  public double meanForecast(int b) {
    return count[b] == 0 ? Double.NaN : sumP[b] / count[b];
  }

  /** Observed frequency in bin b (NaN when empty). */
  public double observed(int b) {
    return count[b] == 0 ? Double.NaN : sumO[b] / count[b];
  }

  /**
   * The diagram as a self-contained SVG: the diagonal, observed frequency against mean forecast
   * per bin (a dot whose area grows with the count, labelled with it), axes in probability.
   */
  public String svg(String title) {
    int w = 360;
    int h = 360;
    int m = 48;
    double size = w - 2 * m;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" font-size=\"11\">%n", w, h + 10, w, h + 10));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\">%s</text>%n",
        m, escape(title)));
    s.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#888\"/>%n",
        m, m, size, size));
    s.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%d\" stroke=\"#bbb\""
            + " stroke-dasharray=\"4 3\"/>%n", m, m + size, m + size, m));
    for (int i = 0; i <= 10; i += 2) {
      double v = i / 10.0;
      double x = m + v * size;
      double y = m + size - v * size;
      s.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.1f</text>%n", x, m + size + 14, v));
      s.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n", (double) m - 4, y + 4,
          v));
    }
    s.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">forecast probability</text>%n",
        m + size / 2, m + size + 30));
    s.append(String.format(Locale.ROOT,
        "<text x=\"12\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 12 %.1f)\">"
            + "observed frequency</text>%n", m + size / 2, m + size / 2));
    long max = 1;
    for (long c : count) {
      max = Math.max(max, c);
    }
    StringBuilder path = new StringBuilder();
    for (int b = 0; b < BINS; b++) {
      if (count[b] == 0) {
        continue;
      }
      double x = m + meanForecast(b) * size;
      double y = m + size - observed(b) * size;
      path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT,
          "%.1f %.1f", x, y));
    }
    if (path.length() > 0) {
      s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f5fa8\"/>\n");
    }
    for (int b = 0; b < BINS; b++) {
      if (count[b] == 0) {
        continue;
      }
      double x = m + meanForecast(b) * size;
      double y = m + size - observed(b) * size;
      double r = 2.5 + 6.0 * Math.sqrt((double) count[b] / max);
      s.append(String.format(Locale.ROOT,
          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#1f5fa8\" fill-opacity=\"0.6\"/>%n",
          x, y, r));
      s.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#333\">%d</text>%n", x + r + 1,
          y - 2, count[b]));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** Rows of the diagram as CSV lines: bin,from,to,meanForecast,observed,count. */
  public List<String> csvRows() {
    List<String> rows = new java.util.ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      rows.add(String.format(Locale.ROOT, "%d,%.1f,%.1f,%s,%s,%d", b, b / 10.0, (b + 1) / 10.0,
          count[b] == 0 ? "" : String.format(Locale.ROOT, "%.4f", meanForecast(b)),
          count[b] == 0 ? "" : String.format(Locale.ROOT, "%.4f", observed(b)), count[b]));
    }
    return rows;
  }

  private static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
