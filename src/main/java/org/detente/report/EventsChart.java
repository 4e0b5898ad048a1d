package org.detente.report;

import java.util.Locale;
import org.detente.events.Cameo;
import org.detente.events.EventComparison;

/**
 * The chart of an observed-against-simulated event comparison: quad-class shares (observed
 * bars, simulated mean with its 5–95 % band across runs) and the weekly mean Goldstein value
 * per event (the ensemble's 5–95 % and 25–75 % bands and median, the observed weeks as points
 * joined by a line).
 */
public final class EventsChart {

  private static final String OBS = "#c0392b";
  private static final String SIM = "#2c6fbb";
  private static final String BAND = "#cfe0f3";
  private static final String IQR = "#9fc2e8";

  private EventsChart() {}

  /** The chart as inline SVG (for the HTML report). */
  public static String inline(EventComparison c) {
    return chart(c).end();
  }

  /** The chart as a standalone SVG document (for a file). */
  public static String document(EventComparison c) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + inline(c).replaceFirst("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\""
            + " font-family=\"sans-serif\" ") + "\n";
  }

  private static Svg chart(EventComparison c) {
    double width = 920;
    double height = 360;
    Svg s = new Svg(width, height, "Observed and simulated weekly event mix, "
        + String.join(", ", c.dyads()));
    s.rect(0, 0, width, height, "#ffffff", null);
    s.text(width / 2, 20, "Observed (" + String.join("; ", c.observed().inputs().stream()
        .map(EventsChart::dataSet).distinct().toList()) + ") against simulated ("
        + c.runs() + " runs), dyads " + String.join(", ", c.dyads()), "middle", 13,
        "font-weight=\"bold\"");
    shares(s, c, 50, 50, 300, 250);
    goldstein(s, c, 420, 50, 470, 250);
    // legend
    double ly = height - 22;
    s.rect(50, ly - 9, 12, 10, OBS, null).text(66, ly, "observed", "start", 11, null);
    s.rect(140, ly - 9, 12, 10, SIM, null).text(156, ly, "simulated mean / median", "start",
        11, null);
    s.rect(310, ly - 9, 12, 10, BAND, null).text(326, ly, "5–95 % of runs", "start", 11, null);
    s.rect(430, ly - 9, 12, 10, IQR, null).text(446, ly, "25–75 % of runs", "start", 11, null);
    return s;
  }

  /** The data set of an input ("gdelt1 FILE" → "GDELT 1.0"). */
  private static String dataSet(String input) {
    String format = input.split(" ", 2)[0];
    for (org.detente.events.EventFormat f : org.detente.events.EventFormat.values()) {
      if (f.name().equals(format)) {
        return f.label();
      }
    }
    return format;
  }

  private static void shares(Svg s, EventComparison c, double x0, double y0, double w,
      double h) {
    s.text(x0 + w / 2, y0 - 12, "Quad-class shares, all weeks", "middle", 12, null);
    axisY(s, x0, y0, h, 0, 1, "share", new double[] {0, 0.25, 0.5, 0.75, 1}, true);
    s.line(x0, y0 + h, x0 + w, y0 + h, "#444", 1);
    double group = w / 4;
    String[] label = {"", "verbal coop.", "material coop.", "verbal confl.", "material confl."};
    for (int q = 1; q <= 4; q++) {
      double gx = x0 + (q - 1) * group;
      double o = c.observedShare(q);
      double[] m = c.simulatedShare(q);
      double bw = group * 0.32;
      double ox = gx + group * 0.14;
      double sx = ox + bw + 4;
      if (!Double.isNaN(o)) {
        s.rect(ox, y0 + h * (1 - o), bw, h * o, OBS, null)
            .title(String.format(Locale.ROOT, "observed %s: %.1f%%", Cameo.QUAD_NAMES.get(q),
                100 * o));
      }
      if (!Double.isNaN(m[0])) {
        s.rect(sx, y0 + h * (1 - m[0]), bw, h * m[0], SIM, null)
            .title(String.format(Locale.ROOT, "simulated %s: %.1f%% (5–95%%: %.1f–%.1f%%)",
                Cameo.QUAD_NAMES.get(q), 100 * m[0], 100 * m[1], 100 * m[2]));
        double cx = sx + bw / 2;
        s.line(cx, y0 + h * (1 - m[1]), cx, y0 + h * (1 - m[2]), "#1b3f6b", 1.5);
        s.line(cx - 4, y0 + h * (1 - m[1]), cx + 4, y0 + h * (1 - m[1]), "#1b3f6b", 1.5);
        s.line(cx - 4, y0 + h * (1 - m[2]), cx + 4, y0 + h * (1 - m[2]), "#1b3f6b", 1.5);
      }
      s.text(gx + group / 2, y0 + h + 16, label[q], "middle", 10, null);
    }
  }

  private static void goldstein(Svg s, EventComparison c, double x0, double y0, double w,
      double h) {
    int weeks = Math.max(1, c.weeks());
    s.text(x0 + w / 2, y0 - 12, "Weekly mean Goldstein value per event", "middle", 12, null);
    axisY(s, x0, y0, h, -10, 10, "Goldstein", new double[] {-10, -5, 0, 5, 10}, false);
    s.line(x0, y0 + h, x0 + w, y0 + h, "#444", 1);
    double zero = y0 + h / 2;
    s.dashed(x0, zero, x0 + w, zero, "#999");
    int step = weeks <= 20 ? 2 : weeks <= 60 ? 10 : 20;
    for (int k = 0; k < weeks; k += step) {
      double x = x(x0, w, weeks, k);
      s.line(x, y0 + h, x, y0 + h + 4, "#444", 1).text(x, y0 + h + 16, Integer.toString(k),
          "middle", 10, null);
    }
    s.text(x0 + w / 2, y0 + h + 32, "week (week 0 = " + c.scenario().meta().asOf() + ")",
        "middle", 11, null);
    band(s, c, x0, y0, w, h, weeks, 0.05, 0.95, BAND);
    band(s, c, x0, y0, w, h, weeks, 0.25, 0.75, IQR);
    StringBuilder med = new StringBuilder();
    for (int k = 0; k < weeks; k++) {
      double[] v = c.simulatedGoldstein(k);
      if (v.length == 0) {
        continue;
      }
      med.append(med.length() == 0 ? "M" : "L").append(Svg.n(x(x0, w, weeks, k))).append(' ')
          .append(Svg.n(y(y0, h, EventComparison.quantile(v, 0.5)))).append(' ');
    }
    if (med.length() > 0) {
      s.path(med.toString().trim(), SIM, 2, "none", null);
    }
    StringBuilder obs = new StringBuilder();
    for (int k = 0; k < weeks; k++) {
      double g = c.observedGoldstein(k);
      if (Double.isNaN(g)) {
        continue;
      }
      obs.append(obs.length() == 0 ? "M" : "L").append(Svg.n(x(x0, w, weeks, k))).append(' ')
          .append(Svg.n(y(y0, h, g))).append(' ');
    }
    if (obs.length() > 0) {
      s.path(obs.toString().trim(), OBS, 1.5, "none", null);
    }
    for (int k = 0; k < weeks; k++) {
      double g = c.observedGoldstein(k);
      if (!Double.isNaN(g)) {
        s.circle(x(x0, w, weeks, k), y(y0, h, g), 2.8, OBS, null)
            .title(String.format(Locale.ROOT, "week %d: observed %.2f over %d events", k, g,
                c.observedEvents(k)));
      }
    }
  }

  private static void band(Svg s, EventComparison c, double x0, double y0, double w, double h,
      int weeks, double lo, double hi, String fill) {
    StringBuilder up = new StringBuilder();
    StringBuilder down = new StringBuilder();
    int n = 0;
    for (int k = 0; k < weeks; k++) {
      double[] v = c.simulatedGoldstein(k);
      if (v.length == 0) {
        if (n > 0) {
          close(s, up, down, fill);
          n = 0;
        }
        continue;
      }
      double x = x(x0, w, weeks, k);
      up.append(n == 0 ? "M" : "L").append(Svg.n(x)).append(' ')
          .append(Svg.n(y(y0, h, EventComparison.quantile(v, hi)))).append(' ');
      down.insert(0, "L" + Svg.n(x) + " " + Svg.n(y(y0, h, EventComparison.quantile(v, lo)))
          + " ");
      n++;
    }
    if (n > 0) {
      close(s, up, down, fill);
    }
  }

  private static void close(Svg s, StringBuilder up, StringBuilder down, String fill) {
    s.path(up.toString() + down.toString() + "Z", "none", 0, fill, null);
    up.setLength(0);
    down.setLength(0);
  }

  private static void axisY(Svg s, double x0, double y0, double h, double lo, double hi,
      String label, double[] ticks, boolean percent) {
    s.line(x0, y0, x0, y0 + h, "#444", 1);
    for (double t : ticks) {
      double y = y0 + h * (1 - (t - lo) / (hi - lo));
      s.line(x0 - 4, y, x0, y, "#444", 1).text(x0 - 7, y + 4, percent
          ? String.format(Locale.ROOT, "%.0f%%", 100 * t) : String.format(Locale.ROOT, "%.0f", t),
          "end", 10, null);
    }
    s.text(x0 - 36, y0 + h / 2, label, "middle", 11, "transform=\"rotate(-90 " + Svg.n(x0 - 36)
        + " " + Svg.n(y0 + h / 2) + ")\"");
  }

  private static double x(double x0, double w, int weeks, int k) {
    return x0 + (weeks == 1 ? w / 2 : w * k / (weeks - 1.0));
  }

  private static double y(double y0, double h, double g) {
    return y0 + h * (1 - (g + 10) / 20);
  }
}
