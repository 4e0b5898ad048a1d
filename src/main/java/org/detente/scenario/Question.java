package org.detente.scenario;

import java.util.List;

/**
 * A forecast question: a predicate over a run's event log, true or false per run.
 *
 * @param id          short id
 * @param text        the question in words
 * @param source      whose claim it tests (citation), or null
 * @param kind        predicate kind
 * @param actor       acting actor id (all kinds but OUTCOME)
 * @param target      target actor id, or null for any
 * @param actions     action ids (ACTION), empty otherwise
 * @param theater     theater id, or null for any
 * @param outcomes    outcome class names (OUTCOME), empty otherwise
 * @param withinWeeks the predicate must hold at or before this step
 * @param fromWeek    HOLDS: first step of the holding window (the step itself for
 *                    {@code week}); -1 for the other kinds
 * @param toWeek      HOLDS: last step of the holding window; -1 for the other kinds
 * @param above       DEATHS: the number of deaths that must be exceeded; NaN for the other
 *                    kinds
 */
public record Question(
    String id,
    String text,
    String source,
    QuestionKind kind,
    String actor,
    String target,
    List<String> actions,
    String theater,
    List<String> outcomes,
    int withinWeeks,
    int fromWeek,
    int toWeek,
    double above) {

  public Question {
    actions = List.copyOf(actions);
    outcomes = List.copyOf(outcomes);
  }

  /** A question of a kind without a holding window or a deaths threshold. */
  public Question(String id, String text, String source, QuestionKind kind, String actor,
      String target, List<String> actions, String theater, List<String> outcomes,
      int withinWeeks) {
    this(id, text, source, kind, actor, target, actions, theater, outcomes, withinWeeks, -1, -1,
        Double.NaN);
  }
}
