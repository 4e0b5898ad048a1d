package org.detente.scenario;

import java.util.List;
import java.util.Locale;
import org.detente.Message;
import org.detente.geo.City;
import org.detente.geo.CityIndex;
import org.detente.geo.Geo;
import org.detente.geo.Places;

/**
 * City targets of scenario files, looked up with the one place resolver {@link Places} in the
 * shipped GeoNames data (GeoNames, geonames.org, CC BY 4.0).
 */
final class Cities {

  /** Largest accepted distance between given coordinates and the GeoNames point of the city. */
  static final double MAX_OFFSET_KM = 50.0;

  private Cities() {}

  /** Receives a problem. */
  interface Sink {
    void error(Node at, String path, String message);
  }

  /**
   * Resolves a city. When {@code lookUp} is true the coordinates come from the data: an unknown
   * or ambiguous name is an error with candidates or suggestions. When coordinates are given and
   * the name matches exactly one city of 100,000 people or more, they must lie within
   * {@link #MAX_OFFSET_KM} of it (this catches swapped or mistyped coordinates); names not in
   * the data are accepted with the given coordinates.
   *
   * @return {lat, lon}, or null after reporting a problem
   */
  static double[] resolve(String name, String country, Node at, String path, boolean lookUp,
      double lat, double lon, Sink sink) {
    if (!lookUp) {
      if (Double.isNaN(lat) || Double.isNaN(lon)) {
        return null;
      }
      List<City> found = CityIndex.world().search(name, country);
      if (found.size() == 1) {
        City c = found.get(0);
        double d = Geo.distanceKm(lat, lon, c.lat(), c.lon());
        if (d > MAX_OFFSET_KM) {
          sink.error(at, path, String.format(Locale.ROOT,
              "the given lat/lon (%.4f, %.4f) are %.0f km from GeoNames' %s (%.5f, %.5f); "
                  + "check the coordinates, or omit them to use the GeoNames point",
              lat, lon, d, c.label(), c.lat(), c.lon()));
          return null;
        }
      }
      return new double[] {lat, lon};
    }
    Places.Query q = new Places.Query(name.strip(), country == null ? null : country.strip(),
        null);
    Places.Resolution r = Places.resolve(q);
    if (r instanceof Places.Unique u) {
      return new double[] {u.city().lat(), u.city().lon()};
    }
    if (r instanceof Places.Ambiguous a) {
      sink.error(at, path, Message.PLACE_AMBIGUOUS.format(q.text(), a.count(),
          Places.candidates(a.candidates(), a.count()),
          (country == null ? "add 'country' or " : "") + "give 'lat' and 'lon'"));
      return null;
    }
    sink.error(at, path, Message.PLACE_UNKNOWN.format(q.text(),
        Places.unknownDetail(q, (Places.Unknown) r),
        "give 'lat' and 'lon' for a place not in the data"));
    return null;
  }
}
