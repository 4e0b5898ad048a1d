package org.detente.scenario;

/**
 * A declared line of movement between two theaters that need not be adjacent (a sea lane, an
 * air bridge, a long road or rail link). Forces deployed along it leave their theater at once,
 * are in transit for {@code steps} time steps, and arrive in the other theater; a route serves
 * both directions.
 *
 * @param from            one end (theater id)
 * @param to              the other end (theater id)
 * @param steps           transit time in time steps (YAML {@code weeks}), at least 1
 * @param mode            sea, air or land
 * @param capacityThousands most troops one deployment can carry, in thousands (YAML
 *                        {@code capacity: 30k}); infinite when not given
 */
public record Route(String from, String to, int steps, RouteMode mode, double capacityThousands) {

  /** Whether the route joins theaters t and u, in either direction. */
  public boolean joins(String t, String u) {
    return (from.equals(t) && to.equals(u)) || (from.equals(u) && to.equals(t));
  }
}
