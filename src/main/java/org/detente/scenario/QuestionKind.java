package org.detente.scenario;

/** What kind of predicate a forecast question evaluates on a run. */
public enum QuestionKind {
  /** {@code actor} takes one of {@code actions} (against {@code target}, in {@code theater}). */
  ACTION,
  /** {@code actor} controls {@code theater} at some step. */
  CONTROL,
  /** The channel between {@code actor} and {@code target} is severed at some step. */
  CHANNEL_SEVERED,
  /** The run's outcome class is one of {@code outcomes}. */
  OUTCOME,
  /** {@code actor} holds {@code theater} at step {@code week}, or at every step from .. to. */
  HOLDS,
  /**
   * A war (involving {@code actor}, against {@code target}, when given) is ended by an accepted
   * deal, ceasefire or concession.
   */
  DEAL_ENDED_WAR,
  /** Deaths (of {@code actor}, or of everyone) exceed {@code above}. */
  DEATHS
}
