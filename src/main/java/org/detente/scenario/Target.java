package org.detente.scenario;

/**
 * A place that may be struck.
 *
 * @param name    city or site name (a city is looked up in the shipped GeoNames data)
 * @param kind    city, base, forces or nuclear forces
 * @param country ISO 3166 alpha-2 country code that disambiguates the name, or null
 * @param lat     latitude in degrees (resolved from the city data when omitted)
 * @param lon     longitude in degrees (resolved from the city data when omitted)
 */
public record Target(String name, TargetKind kind, String country, double lat, double lon) {}
