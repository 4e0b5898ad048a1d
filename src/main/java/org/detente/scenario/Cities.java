package org.detente.scenario;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.detente.geo.City;
import org.detente.geo.CityIndex;
import org.detente.geo.Geo;

/**
 * Looks up city targets in the shipped GeoNames data (GeoNames, geonames.org, CC BY 4.0): first
 * the cities of 100,000 people or more ({@link CityIndex#world()}), then all places of 1,000 or
 * more ({@link CityIndex#allPlaces()}, loaded only when needed).
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
   * Resolves a city. When {@code lookUp} is true the coordinates come from the data (a city of
   * 100,000 or more, else a smaller place when the name is unique): an unknown or ambiguous name
   * is an error with suggestions. When coordinates are given and the name
   * matches exactly one city, they must lie within {@link #MAX_OFFSET_KM} of it (this catches
   * swapped or mistyped coordinates); names not in the data are accepted with the given
   * coordinates.
   *
   * @return {lat, lon}, or null after reporting a problem
   */
  static double[] resolve(String name, String country, Node at, String path, boolean lookUp,
      double lat, double lon, Sink sink) {
    CityIndex index = CityIndex.world();
    List<City> found = index.search(name, country);
    if (!lookUp) {
      if (Double.isNaN(lat) || Double.isNaN(lon)) {
        return null;
      }
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
    if (found.size() == 1) {
      return new double[] {found.get(0).lat(), found.get(0).lon()};
    }
    if (found.isEmpty()) {
      // smaller places: all GeoNames places of 1,000 people or more
      List<City> small = CityIndex.allPlaces().search(name, country);
      if (small.size() == 1) {
        return new double[] {small.get(0).lat(), small.get(0).lon()};
      }
      if (small.size() > 1) {
        sink.error(at, path, "several places named '" + name + "'"
            + (country == null ? "" : " in " + country) + " in the GeoNames data: "
            + labels(small, 5) + "; " + (country == null ? "add 'country' or " : "")
            + "give 'lat' and 'lon'");
        return null;
      }
      List<City> anywhere = country == null ? List.of() : index.search(name, null);
      if (!anywhere.isEmpty()) {
        sink.error(at, path, "no city '" + name + "' in country " + country
            + " in the GeoNames data; found " + labels(anywhere, 5));
        return null;
      }
      List<City> near = index.suggest(name, 3);
      sink.error(at, path, "unknown city '" + name + "' in the shipped GeoNames data (places of "
          + "1,000 people or more)"
          + (near.isEmpty() ? "" : "; did you mean " + labels(near, 3) + "?")
          + " Give 'lat' and 'lon' for a place not in the data");
      return null;
    }
    if (country == null) {
      String countries = found.stream().map(City::country).distinct()
          .collect(Collectors.joining(" or "));
      sink.error(at, path, "ambiguous city '" + name + "': " + labels(found, 5)
          + "; add 'country' (" + countries + ") or give 'lat' and 'lon'");
    } else {
      sink.error(at, path, "several cities named '" + name + "' in " + country + ": "
          + labels(found, 5) + "; give 'lat' and 'lon'");
    }
    return null;
  }

  private static String labels(List<City> cities, int max) {
    String s = cities.stream().limit(max)
        .map(c -> c.label() + String.format(Locale.ROOT, " [%.4f, %.4f]", c.lat(), c.lon()))
        .collect(Collectors.joining(", "));
    return cities.size() > max ? s + ", ..." : s;
  }
}
