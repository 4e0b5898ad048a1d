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
  OUTCOME
}
