package org.detente.report;

import java.util.List;
import org.detente.DetenteException;
import org.detente.geo.NaturalEarth;

/**
 * Country borders for the report's map: the arcs of the shipped Natural Earth 1:110m TopoJSON as
 * decoded by {@link NaturalEarth}. Every TopoJSON arc is a shared boundary segment, so drawing each
 * arc once draws every border and coastline once.
 */
public final class Borders {

  /** Attribution shown under the map. */
  public static final String CREDIT =
      "Borders: Natural Earth 1:110m (public domain), via the world-atlas 2.0.2 TopoJSON.";

  private Borders() {}

  /**
   * The arcs as polylines of {lon, lat, lon, lat, …}, or null when the map data cannot be read (the
   * report is then drawn without borders).
   */
  public static List<double[]> load() {
    try {
      return NaturalEarth.world().arcs();
    } catch (DetenteException | ExceptionInInitializerError | NoClassDefFoundError e) {
      return null;
    }
  }
}
