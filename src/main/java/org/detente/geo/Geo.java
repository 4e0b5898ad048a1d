package org.detente.geo;

/** Small spherical-earth functions (mean radius 6,371 km). */
public final class Geo {
  /** Mean earth radius in km. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  /** Kilometres per degree of latitude. */
  public static final double KM_PER_DEG_LAT = Math.PI * EARTH_RADIUS_KM / 180.0;

  private Geo() {}

  /** Great-circle distance in km (haversine). */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** Kilometres per degree of longitude at a latitude (never below 1 km, to stay finite at the poles). */
  public static double kmPerDegLon(double latDeg) {
    return Math.max(1.0, KM_PER_DEG_LAT * Math.cos(Math.toRadians(latDeg)));
  }

  /** Longitude wrapped to [-180, 180). */
  public static double wrapLon(double lon) {
    double x = ((lon + 180.0) % 360.0 + 360.0) % 360.0;
    return x - 180.0;
  }
}
