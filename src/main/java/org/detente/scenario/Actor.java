package org.detente.scenario;

import java.util.List;

/**
 * A party to the crisis.
 *
 * @param id                 ISO 3166 alpha-3 code where one exists (e.g. {@code RUS}), else a
 *                           short upper-case id (e.g. {@code NATO}, {@code CASIA})
 * @param name               display name
 * @param kind               state, non-state, alliance, bloc or region
 * @param members            member actor ids for an alliance, bloc or region; empty for a state
 * @param populationMillions population in millions of people
 * @param gdpBnUsd           gross domestic product in billions of current US dollars (NaN when the
 *                          scenario does not give it; the engine does not use it)
 * @param milexBnUsd         military expenditure in billions of US dollars per year
 * @param riskAttitude       -1 (risk-acceptant) .. 0 (neutral) .. +1 (risk-averse)
 * @param forces             conventional forces deployed per theater
 * @param arsenal            nuclear arsenal; {@link Arsenal#NONE} for non-nuclear actors
 * @param doctrine           when the actor considers nuclear first use
 * @param resolve            private resolve types with their prior
 * @param motives            competing motive hypotheses with priors summing to 1
 * @param sponsor            id of the state that sponsors this actor (arms it, and answers in
 *                           part for its attacks), or null
 * @param attribution        share of the hostility this actor's hostile acts raise that its
 *                           victim also turns toward the sponsor, 0..1 (0 without a sponsor)
 */
public record Actor(
    String id,
    String name,
    ActorKind kind,
    List<String> members,
    double populationMillions,
    double gdpBnUsd,
    double milexBnUsd,
    double riskAttitude,
    List<Force> forces,
    Arsenal arsenal,
    Doctrine doctrine,
    Resolve resolve,
    List<Motive> motives,
    String sponsor,
    double attribution) {

  /** The share of a client's hostile acts attributed to its sponsor when the scenario is silent. */
  public static final double DEFAULT_ATTRIBUTION = 0.5;

  public Actor {
    members = List.copyOf(members);
    forces = List.copyOf(forces);
    motives = List.copyOf(motives);
  }

  /** An actor without a sponsor. */
  public Actor(String id, String name, ActorKind kind, List<String> members,
      double populationMillions, double gdpBnUsd, double milexBnUsd, double riskAttitude,
      List<Force> forces, Arsenal arsenal, Doctrine doctrine, Resolve resolve,
      List<Motive> motives) {
    this(id, name, kind, members, populationMillions, gdpBnUsd, milexBnUsd, riskAttitude, forces,
        arsenal, doctrine, resolve, motives, null, 0);
  }
}
