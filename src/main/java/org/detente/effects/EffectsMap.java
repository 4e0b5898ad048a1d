package org.detente.effects;

import org.detente.geo.Geo;
import org.detente.geo.City;
import org.detente.geo.CityIndex;
import org.detente.geo.NaturalEarth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained offline HTML map of one detonation: inline SVG drawn here (no scripts, no
 * network), with the effect rings over Natural Earth land and borders, the WSEG-10 fallout plume
 * in a second, regional panel, nearby GeoNames cities, legend, scale bars and attribution.
 * Positions use a local equirectangular projection about the panel centre (distances true to
 * well under 1 % within a few hundred km).
 */
public final class EffectsMap {

  private static final int SIZE = 560;
  private static final String[] PSI_COLOURS = {"#fcbba1", "#fc9272", "#fb6a4a", "#de2d26",
    "#a50f15", "#67000d"};
  private static final String[] FALLOUT_COLOURS = {"#efedf5", "#bcbddc", "#807dba", "#54278f"};
  private static final double[] FALLOUT_LEVELS = {1, 10, 100, 1000};

  private final double lat0;
  private final double lon0;
  private final EffectRadii radii;
  private final Fallout fallout;
  private final AttackCasualties casualties;
  private final String title;

  /**
   * A map.
   *
   * @param latDeg     ground zero latitude
   * @param lonDeg     ground zero longitude
   * @param radii      effect ranges
   * @param fallout    fallout field, or null
   * @param casualties casualties, or null
   * @param title      heading
   */
  public EffectsMap(double latDeg, double lonDeg, EffectRadii radii, Fallout fallout,
      AttackCasualties casualties, String title) {
    this.lat0 = latDeg;
    this.lon0 = lonDeg;
    this.radii = radii;
    this.fallout = fallout;
    this.casualties = casualties;
    this.title = title;
  }

  /** A map panel: centre, half-width in km, projection. */
  private static final class Panel {
    final double clat;
    final double clon;
    final double halfKm;
    final double scale; // px per km
    final double kmLon;

    Panel(double clat, double clon, double halfKm) {
      this.clat = clat;
      this.clon = clon;
      this.halfKm = halfKm;
      this.scale = SIZE / (2 * halfKm);
      this.kmLon = Geo.kmPerDegLon(clat);
    }

    double x(double lon) {
      return SIZE / 2.0 + Geo.wrapLon(lon - clon) * kmLon * scale;
    }

    double y(double lat) {
      return SIZE / 2.0 - (lat - clat) * Geo.KM_PER_DEG_LAT * scale;
    }
  }

  /** The HTML document. */
  public String html() {
    StringBuilder h = new StringBuilder(200_000);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.append("<title>").append(esc(title)).append("</title>\n<style>")
        .append("body{font-family:Helvetica,Arial,sans-serif;margin:16px;color:#222;background:#fff}")
        .append("h1{font-size:20px;margin:0 0 8px}.row{display:flex;flex-wrap:wrap;gap:16px}")
        .append(".panel{border:1px solid #bbb}.cap{font-size:13px;margin:4px 0 0}")
        .append("table{border-collapse:collapse;font-size:13px}td,th{padding:2px 8px;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}.sw{display:inline-block;width:14px;")
        .append("height:10px;border:1px solid #555;margin-right:6px;vertical-align:middle}")
        .append(".legend{font-size:13px;min-width:260px}.legend div{margin:2px 0}")
        .append(".attr{font-size:11px;color:#555;margin-top:10px}</style></head><body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n<div class=\"row\">\n");

    double reach = Math.max(radii.overpressureRangesKm()[0], radii.burnRangesKm()[0]);
    double half = Math.max(2.0, reach * 1.25);
    Panel rings = new Panel(lat0, lon0, half);
    h.append("<div><svg class=\"panel\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(SIZE)
        .append("\" height=\"").append(SIZE).append("\" viewBox=\"0 0 ").append(SIZE).append(' ')
        .append(SIZE).append("\">");
    basemap(h, rings);
    if (fallout != null) {
      plume(h, rings, 0.35);
    }
    ringShapes(h, rings);
    citiesLayer(h, rings, 12);
    groundZero(h, rings);
    scaleBar(h, rings);
    h.append("</svg><div class=\"cap\">Effect rings (ground ranges)</div></div>\n");

    if (fallout != null && !fallout.contour(FALLOUT_LEVELS[0], false).isEmpty()) {
      List<double[]> outer = fallout.contour(FALLOUT_LEVELS[0], false);
      double minE = 0;
      double maxE = 0;
      double minN = 0;
      double maxN = 0;
      for (double[] p : outer) {
        minE = Math.min(minE, p[0]);
        maxE = Math.max(maxE, p[0]);
        minN = Math.min(minN, p[1]);
        maxN = Math.max(maxN, p[1]);
      }
      double ce = (minE + maxE) / 2;
      double cn = (minN + maxN) / 2;
      double halfF = Math.max(Math.max(maxE - minE, maxN - minN) / 2 * 1.15, half);
      double clat = lat0 + cn / Geo.KM_PER_DEG_LAT;
      double clon = lon0 + ce / Geo.kmPerDegLon(lat0);
      Panel fp = new Panel(clat, clon, halfF);
      h.append("<div><svg class=\"panel\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
          .append(SIZE).append("\" height=\"").append(SIZE).append("\" viewBox=\"0 0 ")
          .append(SIZE).append(' ').append(SIZE).append("\">");
      basemap(h, fp);
      plume(h, fp, 0.75);
      circle(h, fp, radii.overpressureRangesKm()[0], "none", "#de2d26", 0, "1.2", "");
      citiesLayer(h, fp, 15);
      groundZero(h, fp);
      windArrow(h);
      scaleBar(h, fp);
      h.append("</svg><div class=\"cap\">Fallout: WSEG-10 H+1 dose rate (wind ")
          .append(fmt(fallout.windKmh(), 0)).append(" km/h from ")
          .append(fmt(fallout.windFromDeg(), 0)).append("&deg;)</div></div>\n");
    }
    legend(h);
    h.append("</div>\n");
    casualtyTable(h);
    h.append("<div class=\"attr\">Population: ").append(esc(casualties != null
        ? casualties.populationSource() : CityIndex.ATTRIBUTION))
        .append(". ").append(esc(NaturalEarth.ATTRIBUTION))
        .append(". Effects: Glasstone &amp; Dolan, The Effects of Nuclear Weapons (1977); Brode"
            + " (1986) blast fit; CEX-62.2 thermal and radiation fits; WSEG-10 fallout (Hanifen"
            + " 1980); casualty bands from OTA, The Effects of Nuclear War (1979).</div>\n");
    h.append("</body></html>\n");
    return h.toString();
  }

  private void basemap(StringBuilder h, Panel p) {
    h.append("<rect width=\"").append(SIZE).append("\" height=\"").append(SIZE)
        .append("\" fill=\"#d6e6f2\"/>");
    NaturalEarth ne = NaturalEarth.world();
    StringBuilder d = new StringBuilder();
    for (double[] ring : ne.landRings()) {
      appendPath(d, p, ring, true);
    }
    h.append("<path d=\"").append(d).append("\" fill=\"#f3f0e8\" stroke=\"none\" fill-rule=\"evenodd\"/>");
    d.setLength(0);
    for (double[] arc : ne.arcs()) {
      appendPath(d, p, arc, false);
    }
    h.append("<path d=\"").append(d)
        .append("\" fill=\"none\" stroke=\"#8a8a8a\" stroke-width=\"0.8\" stroke-linejoin=\"round\"/>");
  }

  /** Appends one polyline or ring, skipping it when off-panel or broken by the date line. */
  private static void appendPath(StringBuilder d, Panel p, double[] pts, boolean close) {
    int n = pts.length / 2;
    if (n < 2) {
      return;
    }
    double margin = SIZE * 0.5;
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    double prevDl = Double.NaN;
    for (int i = 0; i < n; i++) {
      double dl = Geo.wrapLon(pts[2 * i] - p.clon);
      if (!Double.isNaN(prevDl) && Math.abs(dl - prevDl) > 180) {
        return; // crosses the meridian opposite the panel centre: never in view
      }
      prevDl = dl;
      double x = p.x(pts[2 * i]);
      double y = p.y(pts[2 * i + 1]);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    if (maxX < -margin || minX > SIZE + margin || maxY < -margin || minY > SIZE + margin) {
      return;
    }
    for (int i = 0; i < n; i++) {
      d.append(i == 0 ? 'M' : 'L').append(fmt(p.x(pts[2 * i]), 1)).append(' ')
          .append(fmt(p.y(pts[2 * i + 1]), 1));
    }
    if (close) {
      d.append('Z');
    }
  }

  private void plume(StringBuilder h, Panel p, double opacity) {
    double kmLonGz = Geo.kmPerDegLon(lat0);
    for (int li = 0; li < FALLOUT_LEVELS.length; li++) {
      List<double[]> poly = fallout.contour(FALLOUT_LEVELS[li], false);
      if (poly.isEmpty()) {
        continue;
      }
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < poly.size(); i++) {
        double lat = lat0 + poly.get(i)[1] / Geo.KM_PER_DEG_LAT;
        double lon = lon0 + poly.get(i)[0] / kmLonGz;
        d.append(i == 0 ? 'M' : 'L').append(fmt(p.x(lon), 1)).append(' ').append(fmt(p.y(lat), 1));
      }
      d.append('Z');
      h.append("<path d=\"").append(d).append("\" fill=\"").append(FALLOUT_COLOURS[li])
          .append("\" fill-opacity=\"").append(opacity).append("\" stroke=\"#3f007d\" stroke-width=\"0.8\"/>");
    }
  }

  private void ringShapes(StringBuilder h, Panel p) {
    double[] r = radii.overpressureRangesKm();
    for (int i = 0; i < r.length; i++) {
      circle(h, p, r[i], PSI_COLOURS[i], "#7f0000", 0.28, "1", "");
    }
    circle(h, p, radii.burnRangesKm()[2], "none", "#ff7f00", 0, "2", "6 4");
    circle(h, p, radii.radiationRangesKm()[1], "none", "#238b45", 0, "2", "2 3");
    circle(h, p, radii.fireballRadiusKm(), "#ffd700", "#b8860b", 0.9, "1", "");
  }

  private void circle(StringBuilder h, Panel p, double rKm, String fill, String stroke,
      double fillOpacity, String width, String dash) {
    if (!(rKm > 0)) {
      return;
    }
    double rp = Math.max(rKm * p.scale, 1.5);
    h.append("<circle cx=\"").append(fmt(p.x(lon0), 1)).append("\" cy=\"")
        .append(fmt(p.y(lat0), 1)).append("\" r=\"").append(fmt(rp, 1)).append("\" fill=\"")
        .append(fill).append("\"");
    if (!fill.equals("none")) {
      h.append(" fill-opacity=\"").append(fillOpacity).append("\"");
    }
    h.append(" stroke=\"").append(stroke).append("\" stroke-width=\"").append(width).append("\"");
    if (!dash.isEmpty()) {
      h.append(" stroke-dasharray=\"").append(dash).append("\"");
    }
    h.append("/>");
  }

  private void groundZero(StringBuilder h, Panel p) {
    double x = p.x(lon0);
    double y = p.y(lat0);
    h.append("<path d=\"M").append(fmt(x - 6, 1)).append(' ').append(fmt(y, 1)).append("h12M")
        .append(fmt(x, 1)).append(' ').append(fmt(y - 6, 1))
        .append("v12\" stroke=\"#000\" stroke-width=\"2\"/>");
  }

  private void citiesLayer(StringBuilder h, Panel p, int labels) {
    CityIndex idx = CityIndex.world();
    List<City> in = new ArrayList<>();
    double radius = p.halfKm * Math.sqrt(2);
    idx.forEachWithin(p.clat, p.clon, radius, (i, d) -> in.add(idx.get(i)));
    in.sort(Comparator.comparingLong((City c) -> -c.population()).thenComparing(City::name));
    int shown = 0;
    for (City c : in) {
      double x = p.x(c.lon());
      double y = p.y(c.lat());
      if (x < 0 || x > SIZE || y < 0 || y > SIZE) {
        continue;
      }
      h.append("<circle cx=\"").append(fmt(x, 1)).append("\" cy=\"").append(fmt(y, 1))
          .append("\" r=\"2.5\" fill=\"#333\"/>");
      if (shown < labels) {
        h.append("<text x=\"").append(fmt(x + 4, 1)).append("\" y=\"").append(fmt(y - 3, 1))
            .append("\" font-size=\"11\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"2.5\"")
            .append(" paint-order=\"stroke\">").append(esc(c.name())).append("</text>");
        shown++;
      }
    }
  }

  private static void scaleBar(StringBuilder h, Panel p) {
    double target = p.halfKm / 2;
    double pow = Math.pow(10, Math.floor(Math.log10(target)));
    double len = pow;
    for (double m : new double[] {1, 2, 5}) {
      if (m * pow <= target) {
        len = m * pow;
      }
    }
    double px = len * p.scale;
    double x0 = 16;
    double y0 = SIZE - 18;
    h.append("<rect x=\"").append(fmt(x0 - 6, 1)).append("\" y=\"").append(fmt(y0 - 18, 1))
        .append("\" width=\"").append(fmt(px + 12, 1))
        .append("\" height=\"28\" fill=\"#fff\" fill-opacity=\"0.8\"/>");
    h.append("<path d=\"M").append(fmt(x0, 1)).append(' ').append(fmt(y0 - 5, 1)).append("v5h")
        .append(fmt(px, 1)).append("v-5\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/>");
    h.append("<text x=\"").append(fmt(x0, 1)).append("\" y=\"").append(fmt(y0 - 8, 1))
        .append("\" font-size=\"11\">").append(fmt(len, 3)).append(" km</text>");
    h.append("<text x=\"").append(SIZE - 22).append("\" y=\"22\" font-size=\"13\"")
        .append(" font-weight=\"bold\">N&#8593;</text>");
  }

  private void windArrow(StringBuilder h) {
    double to = Math.toRadians(fallout.windFromDeg() + 180);
    double cx = SIZE - 50;
    double cy = 60;
    double dx = Math.sin(to) * 22;
    double dy = -Math.cos(to) * 22;
    h.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy)
        .append("\" r=\"28\" fill=\"#fff\" fill-opacity=\"0.8\"/>");
    h.append("<line x1=\"").append(fmt(cx - dx, 1)).append("\" y1=\"").append(fmt(cy - dy, 1))
        .append("\" x2=\"").append(fmt(cx + dx, 1)).append("\" y2=\"").append(fmt(cy + dy, 1))
        .append("\" stroke=\"#3f007d\" stroke-width=\"2.5\"/>");
    double ax = cx + dx;
    double ay = cy + dy;
    double bx = Math.sin(to);
    double by = -Math.cos(to);
    h.append("<path d=\"M").append(fmt(ax, 1)).append(' ').append(fmt(ay, 1)).append("L")
        .append(fmt(ax - 9 * bx + 5 * by, 1)).append(' ').append(fmt(ay - 9 * by - 5 * bx, 1))
        .append("L").append(fmt(ax - 9 * bx - 5 * by, 1)).append(' ')
        .append(fmt(ay - 9 * by + 5 * bx, 1)).append("Z\" fill=\"#3f007d\"/>");
    h.append("<text x=\"").append(fmt(cx - 14, 1)).append("\" y=\"").append(fmt(cy + 42, 1))
        .append("\" font-size=\"11\">wind</text>");
  }

  private void legend(StringBuilder h) {
    h.append("<div class=\"legend\"><b>Legend</b> (ground ranges)");
    h.append(item("#ffd700", "Fireball", radii.fireballRadiusKm(), ""));
    double[] r = radii.overpressureRangesKm();
    for (int i = r.length - 1; i >= 0; i--) {
      h.append(item(PSI_COLOURS[i], fmt(radii.overpressurePsi()[i], 0) + " psi overpressure", r[i], ""));
    }
    h.append(item("#ff7f00", "Third-degree burns (" + fmt(radii.burnThresholdsCalPerCm2()[2], 1)
        + " cal/cm&sup2;)", radii.burnRangesKm()[2], "dashed"));
    h.append(item("#238b45", "Initial radiation 500 rem", radii.radiationRangesKm()[1], "dotted"));
    if (fallout != null) {
      h.append("<div style=\"margin-top:8px\"><b>Fallout</b>, H+1 dose rate</div>");
      for (int i = 0; i < FALLOUT_LEVELS.length; i++) {
        h.append("<div><span class=\"sw\" style=\"background:").append(FALLOUT_COLOURS[i])
            .append("\"></span>&ge; ").append(fmt(FALLOUT_LEVELS[i], 0)).append(" rad/h</div>");
      }
    }
    h.append("<div style=\"margin-top:8px\">&#9679; city (GeoNames, &ge; 100,000 people)</div>");
    h.append("<div>+ ground zero ").append(fmt(lat0, 4)).append(", ").append(fmt(lon0, 4))
        .append("</div></div>\n");
  }

  private static String item(String colour, String label, double km, String style) {
    String border = style.isEmpty() ? "" : ";border-style:" + style + ";border-color:" + colour;
    String bg = style.isEmpty() ? colour : "transparent";
    return "<div><span class=\"sw\" style=\"background:" + bg + border + "\"></span>" + label
        + ": " + (km > 0 ? fmt(km, km < 10 ? 2 : 1) + " km" : "does not reach the ground") + "</div>";
  }

  private void casualtyTable(StringBuilder h) {
    if (casualties == null) {
      return;
    }
    h.append(String.format(Locale.ROOT, "<h2 style=\"font-size:16px\">Casualties: %,.0f deaths,"
        + " %,.0f injuries, %,.0f fallout deaths</h2>", casualties.deaths(),
        casualties.injuries(), casualties.falloutDeaths()));
    h.append("<table><tr><th>Place</th><th>Population</th><th>Deaths</th><th>Injuries</th>")
        .append("<th>Fallout deaths</th></tr>");
    for (CityCasualties c : casualties.cities().subList(0, Math.min(12, casualties.cities().size()))) {
      h.append(String.format(Locale.ROOT, "<tr><td>%s, %s</td><td>%,d</td><td>%,.0f</td>"
          + "<td>%,.0f</td><td>%,.0f</td></tr>", esc(c.city().name()), esc(c.city().country()),
          c.city().population(), c.deaths(), c.injuries(), c.falloutDeaths()));
    }
    h.append("</table><div class=\"cap\">Night, no warning, people at home; GeoNames place"
        + " populations only (places of 1,000 or more; rural people are missing).</div>\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String fmt(double v, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.equals("-0") ? "0" : s;
  }
}
