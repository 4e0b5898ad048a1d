package org.detente.engine;

import org.detente.model.Action;
import org.detente.model.Outcome;
/**
 * Read-only view of one finished run, handed to a {@link RunSink}. The object may be reused for
 * the next run: a consumer copies what it keeps.
 */
public interface RunView {

  /** Index of the run in the ensemble (0-based). */
  int runIndex();

  /** The run's own seed, derived from the master seed and the run index alone. */
  long seed();

  /** Outcome class of the run. */
  Outcome outcome();

  /**
   * Whether a deal of the principal adversaries ended the crisis (at {@link #endWeek()}), also
   * in a run whose outcome class is a war that came before the deal.
   */
  default boolean settled() {
    return outcome() == Outcome.SETTLEMENT;
  }

  /** Highest ladder rung reached (0..9). */
  int highestRung();

  /** Step at which the run ended (the horizon, or the step of an absorbing outcome). */
  int endWeek();

  /** Step of the first action on this rung or above, or -1 if never reached. */
  int firstWeekOfRung(int rung);

  /** Answer of scenario question {@code q} (index in the scenario's question list). */
  boolean question(int q);

  /** Number of casualty kinds (see {@link CasualtyKind}). */
  default int casualtyKinds() {
    return CasualtyKind.values().length;
  }

  /** Deaths of actor {@code actor} of the given kind; NaN when the model cannot compute it. */
  double deaths(int actor, CasualtyKind kind);

  /** Index of the actor controlling theater {@code theater} at the end of the run. */
  int finalController(int theater);

  /** Index of the true motive hypothesis drawn for actor {@code actor} in this run. */
  int motive(int actor);

  /** Number of events in the run's log. */
  int eventCount();

  /** Step of event {@code i}. */
  int eventWeek(int i);

  /** Acting actor index of event {@code i}. */
  int eventActor(int i);

  /** Target actor index of event {@code i}, or -1. */
  int eventTarget(int i);

  /** Action of event {@code i}. */
  Action eventAction(int i);

  /** Theater index of event {@code i}, or -1. */
  int eventTheater(int i);

  /**
   * How decisive the run's decisions were: {decisions taken, those whose chosen action had under
   * twice the probability of the most probable other action, those where an action of higher
   * expected utility was available, those chosen outside the three actions of highest expected
   * utility ("chosen by quantal-response noise")}.
   */
  int[] decisionStats();
}
