package org.detente.scenario;

import java.util.List;

/**
 * A region where forces meet and control can change.
 *
 * @param id        short id (e.g. {@code UKR}, {@code BLR-POL})
 * @param name      display name
 * @param adjacent  ids of adjacent theaters (symmetric)
 * @param control   id of the actor that controls the theater at week 0
 * @param home      id of the actor whose national territory it is (may equal control), or null
 * @param terrain   terrain class
 * @param lat       representative latitude in degrees (for maps)
 * @param lon       representative longitude in degrees (for maps)
 * @param targets   cities, bases and force concentrations that may be struck
 */
public record Theater(
    String id,
    String name,
    List<String> adjacent,
    String control,
    String home,
    Terrain terrain,
    double lat,
    double lon,
    List<Target> targets) {

  public Theater {
    adjacent = List.copyOf(adjacent);
    targets = List.copyOf(targets);
  }
}
