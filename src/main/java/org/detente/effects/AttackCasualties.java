package org.detente.effects;

import java.util.List;

/**
 * Casualties of a set of detonations, with overlapping effect areas counted once.
 *
 * @param deaths               prompt deaths (blast, burns, initial radiation)
 * @param injuries             prompt injuries among survivors
 * @param falloutDeaths        fallout deaths among prompt survivors (surface bursts)
 * @param deathsByDetonation   prompt deaths in the area each detonation owns (the points where it
 *                             is the nearest in units of its own effect radius)
 * @param injuriesByDetonation injuries likewise
 * @param cities               the affected cities, most deaths first
 * @param populationSource     attribution of the population data
 */
public record AttackCasualties(
    double deaths,
    double injuries,
    double falloutDeaths,
    double[] deathsByDetonation,
    double[] injuriesByDetonation,
    List<CityCasualties> cities,
    String populationSource) {

  /** Prompt plus fallout deaths. */
  public double totalDeaths() {
    return deaths + falloutDeaths;
  }
}
