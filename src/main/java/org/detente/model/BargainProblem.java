package org.detente.model;

import java.util.List;

/**
 * Input of the spatial negotiation model: actors with capability, and per issue dimension a
 * position and a salience, both on KTAB's 0–100 scale.
 *
 * @param name       scenario name
 * @param actors     actor names in input order
 * @param dimensions dimension names in input order
 * @param capability capability per actor (&gt; 0, any scale)
 * @param position   position [actor][dimension] on 0–100
 * @param salience   salience [actor][dimension] on 0–100, summing to at most 100 per actor
 */
public record BargainProblem(
    String name,
    List<String> actors,
    List<String> dimensions,
    double[] capability,
    double[][] position,
    double[][] salience) {

  public BargainProblem {
    actors = List.copyOf(actors);
    dimensions = List.copyOf(dimensions);
  }
}
