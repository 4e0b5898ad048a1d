package org.detente.geo;

/**
 * A populated place from GeoNames (geonames.org, CC BY 4.0).
 *
 * @param name       place name as GeoNames spells it
 * @param country    ISO 3166-1 alpha-2 country code
 * @param admin1     GeoNames first-level administrative code (may be empty)
 * @param lat        latitude in degrees (WGS84)
 * @param lon        longitude in degrees (WGS84)
 * @param population GeoNames population of the city proper
 */
public record City(String name, String country, String admin1, double lat, double lon, long population) {

  /** "Name, CC (admin1)" for listings. */
  public String label() {
    return name + ", " + country + (admin1 == null || admin1.isEmpty() ? "" : " (" + admin1 + ")");
  }
}
