package org.detente.engine;

import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.model.Action;
import org.detente.model.Outcome;
import org.detente.scenario.Question;
import org.detente.scenario.Scenario;

/**
 * The scenario's forecast questions: kind, actor, target, theater, the actions or outcomes that
 * answer them (bit masks over ordinals), the week by which they must happen, the window of a
 * question about holding a theater and the threshold of a question about deaths. Read-only after
 * compilation.
 */
final class QuestionSet {

  private final int nQ;
  private final int[] qKind; // QuestionKind ordinal
  private final int[] qActor;
  private final int[] qTarget;
  private final long[] qActions; // bit mask over Action ordinals
  private final int[] qTheater;
  private final int[] qOutcomes; // bit mask over Outcome ordinals
  private final int[] qWithin;
  private final int[] qFrom; // HOLDS: first and last step of the window
  private final int[] qTo;
  private final double[] qAbove; // DEATHS: the number of deaths to exceed

  QuestionSet(Scenario sc, int horizon) {
    nQ = sc.questions().size();
    qKind = new int[nQ];
    qActor = new int[nQ];
    qTarget = new int[nQ];
    qActions = new long[nQ];
    qTheater = new int[nQ];
    qOutcomes = new int[nQ];
    qWithin = new int[nQ];
    qFrom = new int[nQ];
    qTo = new int[nQ];
    qAbove = new double[nQ];
    for (int q = 0; q < nQ; q++) {
      Question qu = sc.questions().get(q);
      String w = "question " + qu.id();
      qKind[q] = qu.kind().ordinal();
      qActor[q] = qu.actor() == null ? -1 : Compilation.actor(sc, qu.actor(), w);
      qTarget[q] = qu.target() == null ? -1 : Compilation.actor(sc, qu.target(), w);
      qTheater[q] = qu.theater() == null ? -1 : Compilation.theater(sc, qu.theater(), w);
      for (String s : qu.actions()) {
        Action ac = Action.byId(s);
        if (ac == null) {
          throw new InvalidInputException(Message.UNKNOWN_REFERENCE, w, "action", s);
        }
        qActions[q] |= 1L << ac.ordinal();
      }
      for (String s : qu.outcomes()) {
        Outcome o = Outcome.byId(s);
        if (o == null) {
          throw new InvalidInputException(Message.UNKNOWN_REFERENCE, w, "outcome", s);
        }
        qOutcomes[q] |= 1 << o.ordinal();
      }
      qWithin[q] = qu.withinWeeks() > 0 ? qu.withinWeeks() : horizon;
      qFrom[q] = qu.fromWeek();
      qTo[q] = qu.toWeek();
      qAbove[q] = qu.above();
    }
  }

  /** Number of questions. */
  int count() {
    return nQ;
  }

  /** The kind of question q ({@link org.detente.scenario.QuestionKind} ordinal). */
  int kind(int q) {
    return qKind[q];
  }

  /** The actor question q is about, or -1 for any. */
  int actor(int q) {
    return qActor[q];
  }

  /** The target actor of question q, or -1 for any. */
  int target(int q) {
    return qTarget[q];
  }

  /** The actions that answer question q: a bit mask over Action ordinals. */
  long actions(int q) {
    return qActions[q];
  }

  /** The theater of question q, or -1 for any. */
  int theater(int q) {
    return qTheater[q];
  }

  /** The outcomes that answer question q: a bit mask over Outcome ordinals. */
  int outcomes(int q) {
    return qOutcomes[q];
  }

  /** The week by which question q must be answered. */
  int within(int q) {
    return qWithin[q];
  }

  /** First week of the window of a question about holding a theater. */
  int from(int q) {
    return qFrom[q];
  }

  /** Last week of the window of a question about holding a theater. */
  int to(int q) {
    return qTo[q];
  }

  /** The number of deaths a question about deaths asks to be exceeded. */
  double above(int q) {
    return qAbove[q];
  }
}
