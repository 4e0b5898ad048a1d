package org.detente.scenario;

/** How forces travel along a declared route: by sea, by air or over land. */
public enum RouteMode {
  /** Sealift: slow, large capacity. */
  SEA,
  /** Airlift: fast, small capacity. */
  AIR,
  /** A road or rail link between theaters that are not adjacent. */
  LAND
}
