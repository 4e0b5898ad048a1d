package org.detente.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Country borders for the report's map, decoded from the shipped Natural Earth 1:110m TopoJSON
 * ({@code data/naturalearth/naturalearth_countries_110m.topo.json}). Every TopoJSON arc is a
 * shared boundary segment, so drawing each arc once draws every border and coastline once.
 */
public final class Borders {

  /** Classpath location of the shipped TopoJSON. */
  public static final String RESOURCE = "/data/naturalearth/naturalearth_countries_110m.topo.json";

  /** Attribution shown under the map. */
  public static final String CREDIT =
      "Borders: Natural Earth 1:110m (public domain), via the world-atlas 2.0.2 TopoJSON.";

  private Borders() {}

  /**
   * The arcs as polylines of {lon, lat, lon, lat, …}, or null when the resource is not shipped.
   */
  public static List<double[]> load() {
    try (InputStream in = Borders.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      return decode(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      return null;
    }
  }

  /** Decodes the arcs of a (quantized or plain) TopoJSON topology. */
  static List<double[]> decode(JsonNode topo) {
    JsonNode t = topo.get("transform");
    double sx = 1;
    double sy = 1;
    double tx = 0;
    double ty = 0;
    boolean quantized = t != null;
    if (quantized) {
      sx = t.get("scale").get(0).asDouble();
      sy = t.get("scale").get(1).asDouble();
      tx = t.get("translate").get(0).asDouble();
      ty = t.get("translate").get(1).asDouble();
    }
    List<double[]> out = new ArrayList<>();
    for (JsonNode arc : topo.get("arcs")) {
      double[] pts = new double[arc.size() * 2];
      long x = 0;
      long y = 0;
      int i = 0;
      for (JsonNode p : arc) {
        if (quantized) {
          x += p.get(0).asLong();
          y += p.get(1).asLong();
          pts[i++] = x * sx + tx;
          pts[i++] = y * sy + ty;
        } else {
          pts[i++] = p.get(0).asDouble();
          pts[i++] = p.get(1).asDouble();
        }
      }
      out.add(pts);
    }
    return out;
  }
}
