package org.detente.scenario;

import java.util.List;

/**
 * Private resolve types: how much cost an actor will bear, as multipliers of its stakes.
 * Observers hold beliefs over these, updated from behaviour.
 *
 * @param levels multipliers, e.g. {@code [0.5, 1.0, 1.5]}
 * @param prior  prior probability of each level, summing to 1
 */
public record Resolve(List<Double> levels, List<Double> prior) {

  public Resolve {
    levels = List.copyOf(levels);
    prior = List.copyOf(prior);
  }

  /** One known level of 1.0 (complete information about resolve). */
  public static final Resolve KNOWN = new Resolve(List.of(1.0), List.of(1.0));
}
