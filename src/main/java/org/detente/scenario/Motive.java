package org.detente.scenario;

import java.util.List;

/**
 * One hypothesis about what an actor wants. The actor's true motive in a run is drawn from the
 * priors (or fixed by the analysis); observers hold beliefs over it.
 *
 * @param id               short id (e.g. {@code conquer-europe})
 * @param description      what the hypothesis says, with its source when it is someone's claim
 * @param prior            prior probability (0–1); an actor's priors sum to 1
 * @param territory        value (0–1) the actor puts on controlling each listed theater
 * @param regimeSecurity   weight (0–1) on avoiding losses that threaten the regime at home
 * @param deterActor       id of a third power the actor seeks to deter, or null
 * @param deterWeight      weight (0–1) of gaining relative power against {@code deterActor}
 * @param allianceCohesion weight (0–1) on keeping its alliances intact
 * @param issues           the position and salience this motive implies on bargaining issues;
 *                         overrides the actor's entry in {@link Issue#positions()} when present
 */
public record Motive(
    String id,
    String description,
    double prior,
    List<TheaterStake> territory,
    double regimeSecurity,
    String deterActor,
    double deterWeight,
    double allianceCohesion,
    List<IssueStake> issues) {

  public Motive {
    territory = List.copyOf(territory);
    issues = List.copyOf(issues);
  }
}
