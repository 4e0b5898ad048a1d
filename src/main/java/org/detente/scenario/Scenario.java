package org.detente.scenario;

import java.util.List;

/**
 * A validated, immutable crisis scenario: the root of the model records that the loader
 * produces from a YAML file (see {@code docs/scenario-reference.md}).
 *
 * <p>All lists keep the order of the file. Identifiers are case-sensitive. A scenario seen by
 * the engine has already had its selected policies applied by the loader, so the engine never
 * deals with policy overlays.
 *
 * @param meta       identification, dates, time step and horizon
 * @param actors     states, alliances, blocs and regions
 * @param theaters   named regions where forces meet and control can change
 * @param relations  one entry per unordered pair of actors that has a channel or a stance
 * @param alliances  collective-defence commitments with per-member credibility
 * @param issues     bargaining dimensions (0–100 scale) with actor positions
 * @param events     scripted exogenous events
 * @param policies   named overlays that are available (already applied ones are listed in
 *                   {@link Meta#appliedPolicies()})
 * @param questions  forecast questions evaluated on every run
 * @param parameters model constants overridden by the scenario, with uncertainty ranges
 * @param principals the two actors the outcome classes are about, as declared in the file, or
 *                   empty when the engine is to guess them ({@link Principals})
 * @param routes     declared lines of movement (sea, air, land) between theaters, with transit
 *                   times and capacities
 */
public record Scenario(
    Meta meta,
    List<Actor> actors,
    List<Theater> theaters,
    List<Relation> relations,
    List<Alliance> alliances,
    List<Issue> issues,
    List<ScriptedEvent> events,
    List<Policy> policies,
    List<Question> questions,
    List<Parameter> parameters,
    List<String> principals,
    List<Route> routes) {

  public Scenario {
    actors = List.copyOf(actors);
    theaters = List.copyOf(theaters);
    relations = List.copyOf(relations);
    alliances = List.copyOf(alliances);
    issues = List.copyOf(issues);
    events = List.copyOf(events);
    policies = List.copyOf(policies);
    questions = List.copyOf(questions);
    parameters = List.copyOf(parameters);
    principals = List.copyOf(principals);
    routes = List.copyOf(routes);
  }

  /** A scenario without declared principals (the engine guesses them). */
  public Scenario(Meta meta, List<Actor> actors, List<Theater> theaters, List<Relation> relations,
      List<Alliance> alliances, List<Issue> issues, List<ScriptedEvent> events,
      List<Policy> policies, List<Question> questions, List<Parameter> parameters) {
    this(meta, actors, theaters, relations, alliances, issues, events, policies, questions,
        parameters, List.of(), List.of());
  }

  /** A scenario without declared routes (forces move between adjacent theaters only). */
  public Scenario(Meta meta, List<Actor> actors, List<Theater> theaters, List<Relation> relations,
      List<Alliance> alliances, List<Issue> issues, List<ScriptedEvent> events,
      List<Policy> policies, List<Question> questions, List<Parameter> parameters,
      List<String> principals) {
    this(meta, actors, theaters, relations, alliances, issues, events, policies, questions,
        parameters, principals, List.of());
  }

  /** This scenario with another horizon, in weeks; everything else unchanged. */
  public Scenario withHorizonWeeks(int horizonWeeks) {
    Meta m = meta;
    Meta m2 = new Meta(m.id(), m.title(), m.description(), m.source(), m.asOf(), m.stepDays(),
        horizonWeeks, m.appliedPolicies());
    return new Scenario(m2, actors, theaters, relations, alliances, issues, events, policies,
        questions, parameters, principals, routes);
  }

  /**
   * A copy whose {@code parameters:} section has these values: a parameter already there takes
   * the new value (keeping its range for sensitivity analyses), a new one is added.
   */
  public Scenario withParameterOverrides(List<Parameter> overrides) {
    List<Parameter> ps = new java.util.ArrayList<>(parameters);
    for (Parameter o : overrides) {
      boolean found = false;
      for (int i = 0; i < ps.size(); i++) {
        Parameter p = ps.get(i);
        if (p.name().equals(o.name())) {
          ps.set(i, new Parameter(p.name(), o.value(), p.low(), p.high(), o.source()));
          found = true;
        }
      }
      if (!found) {
        ps.add(o);
      }
    }
    return new Scenario(meta, actors, theaters, relations, alliances, issues, events, policies,
        questions, ps, principals, routes);
  }

  /** Index of the actor with this id, or -1. */
  public int actorIndex(String id) {
    for (int i = 0; i < actors.size(); i++) {
      if (actors.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the theater with this id, or -1. */
  public int theaterIndex(String id) {
    for (int i = 0; i < theaters.size(); i++) {
      if (theaters.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
