package org.detente.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * Country borders and land polygons from the shipped Natural Earth 1:110m TopoJSON (public
 * domain; packaged by world-atlas 2.0.2). Decodes quantised, delta-encoded arcs and assembles
 * polygons from arc references (index i, or ~i for arc i reversed), as the TopoJSON
 * specification describes. Loaded once, lazily.
 */
public final class NaturalEarth {

  /** Resource holding the topology. */
  public static final String RESOURCE = "/data/naturalearth/naturalearth_countries_110m.topo.json";

  /** Attribution for maps. */
  public static final String ATTRIBUTION = "Borders: Natural Earth 1:110m (public domain)";

  private final List<double[]> arcs; // each {lon0, lat0, lon1, lat1, ...}
  private final List<double[]> landRings;

  private static final class Holder {
    static final NaturalEarth WORLD = load();
  }

  /** The shipped world topology. */
  public static NaturalEarth world() {
    return Holder.WORLD;
  }

  private NaturalEarth(List<double[]> arcs, List<double[]> landRings) {
    this.arcs = arcs;
    this.landRings = landRings;
  }

  /** Every arc (each border or coastline segment once) as {lon, lat, lon, lat, …}. */
  public List<double[]> arcs() {
    return arcs;
  }

  /** Land polygon rings as {lon, lat, …} (closed). */
  public List<double[]> landRings() {
    return landRings;
  }

  private static NaturalEarth load() {
    try (InputStream in = NaturalEarth.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new InvalidInputException(Message.BROKEN_RESOURCE, RESOURCE, "it is missing");
      }
      return decode(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.BROKEN_RESOURCE, RESOURCE, e.getMessage());
    }
  }

  /** Decodes a topology with objects {@code countries} and {@code land}. */
  static NaturalEarth decode(JsonNode topo) {
    JsonNode t = topo.get("transform");
    double sx = 1;
    double sy = 1;
    double tx = 0;
    double ty = 0;
    if (t != null) {
      sx = t.get("scale").get(0).asDouble();
      sy = t.get("scale").get(1).asDouble();
      tx = t.get("translate").get(0).asDouble();
      ty = t.get("translate").get(1).asDouble();
    }
    List<double[]> arcs = new ArrayList<>();
    for (JsonNode arc : topo.get("arcs")) {
      double[] pts = new double[arc.size() * 2];
      long x = 0;
      long y = 0;
      int i = 0;
      for (JsonNode p : arc) {
        if (t != null) {
          x += p.get(0).asLong();
          y += p.get(1).asLong();
          pts[i++] = x * sx + tx;
          pts[i++] = y * sy + ty;
        } else {
          pts[i++] = p.get(0).asDouble();
          pts[i++] = p.get(1).asDouble();
        }
      }
      arcs.add(pts);
    }
    List<double[]> land = new ArrayList<>();
    JsonNode landObj = topo.get("objects").get("land");
    if (landObj != null) {
      collectRings(landObj, arcs, land);
    }
    return new NaturalEarth(List.copyOf(arcs), List.copyOf(land));
  }

  private static void collectRings(JsonNode geom, List<double[]> arcs, List<double[]> out) {
    String type = geom.get("type").asText();
    switch (type) {
      case "GeometryCollection" -> {
        for (JsonNode g : geom.get("geometries")) {
          collectRings(g, arcs, out);
        }
      }
      case "Polygon" -> {
        for (JsonNode ring : geom.get("arcs")) {
          out.add(ring(ring, arcs));
        }
      }
      case "MultiPolygon" -> {
        for (JsonNode poly : geom.get("arcs")) {
          for (JsonNode ring : poly) {
            out.add(ring(ring, arcs));
          }
        }
      }
      default -> { }
    }
  }

  /** Concatenates the referenced arcs, dropping each arc's first point after the first arc. */
  static double[] ring(JsonNode refs, List<double[]> arcs) {
    List<Double> pts = new ArrayList<>();
    boolean first = true;
    for (JsonNode r : refs) {
      int ref = r.asInt();
      boolean reversed = ref < 0;
      double[] a = arcs.get(reversed ? ~ref : ref);
      int n = a.length / 2;
      for (int k = first ? 0 : 1; k < n; k++) {
        int idx = reversed ? n - 1 - k : k;
        pts.add(a[2 * idx]);
        pts.add(a[2 * idx + 1]);
      }
      first = false;
    }
    double[] out = new double[pts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = pts.get(i);
    }
    return out;
  }
}
