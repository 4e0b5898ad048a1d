package org.detente.web;

import java.util.List;
import java.util.Locale;
import org.detente.geo.City;
import org.detente.geo.CityIndex;
import org.detente.geo.NaturalEarth;

/**
 * The clickable world map of the effects page: Natural Earth's borders and the shipped cities of
 * a million people or more, as one SVG in an equirectangular projection whose user units are
 * degrees (x = longitude, y = −latitude), so that the page turns a click into a place directly.
 */
final class WorldMap {

  private static volatile String svg;

  private WorldMap() {}

  static String svg() {
    String s = svg;
    if (s == null) {
      s = build();
      svg = s;
    }
    return s;
  }

  private static String build() {
    StringBuilder b = new StringBuilder(1 << 20);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-180 -90 360 180\""
        + " preserveAspectRatio=\"xMidYMid meet\">");
    b.append("<title>World: Natural Earth borders, cities of 1,000,000 or more (GeoNames)"
        + "</title>");
    b.append("<rect x=\"-180\" y=\"-90\" width=\"360\" height=\"180\" fill=\"#dceaf5\"/>");
    b.append("<g fill=\"#f4f1e8\" stroke=\"none\">");
    for (double[] ring : NaturalEarth.world().landRings()) {
      // a ring across the antimeridian, unwrapped to be continuous, is drawn once more a
      // world-width away: the map shows each half where it belongs
      double[] u = ring.clone();
      double min = u.length > 0 ? u[0] : 0;
      double max = min;
      for (int i = 2; i + 1 < u.length; i += 2) {
        while (u[i] - u[i - 2] > 180) {
          u[i] -= 360;
        }
        while (u[i] - u[i - 2] < -180) {
          u[i] += 360;
        }
        min = Math.min(min, u[i]);
        max = Math.max(max, u[i]);
      }
      for (double shift : new double[] {0, max > 180 ? -360 : min < -180 ? 360 : Double.NaN}) {
        if (Double.isNaN(shift)) {
          continue;
        }
        double[] v = u.clone();
        for (int i = 0; i < v.length; i += 2) {
          v[i] += shift;
        }
        b.append("<path d=\"");
        path(b, v);
        b.append("Z\"/>");
      }
    }
    b.append("</g>");
    b.append("<g fill=\"none\" stroke=\"#555\" stroke-width=\"0.15\""
        + " vector-effect=\"non-scaling-stroke\">");
    List<double[]> arcs = NaturalEarth.world().arcs();
    for (double[] arc : arcs) {
      b.append("<path d=\"");
      path(b, arc);
      b.append("\"/>");
    }
    b.append("</g><g fill=\"#b22\">");
    CityIndex idx = CityIndex.world();
    for (int i = 0; i < idx.size(); i++) {
      City c = idx.get(i);
      if (c.population() >= 1_000_000) {
        b.append("<circle class=\"city\" cx=\"").append(f(c.lon())).append("\" cy=\"")
            .append(f(-c.lat())).append("\" r=\"0.35\"><title>")
            .append(org.detente.report.Html.esc(c.label())).append("</title></circle>");
      }
    }
    b.append("</g></svg>");
    return b.toString();
  }

  /**
   * A polyline as path data; a step of more than 180° of longitude crosses the antimeridian and
   * starts a new subpath instead of a line across the whole map.
   */
  private static void path(StringBuilder b, double[] lonLat) {
    for (int i = 0; i + 1 < lonLat.length; i += 2) {
      boolean jump = i > 0 && Math.abs(lonLat[i] - lonLat[i - 2]) > 180;
      b.append(i == 0 || jump ? 'M' : 'L').append(f(lonLat[i])).append(' ')
          .append(f(-lonLat[i + 1]));
    }
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
