package org.detente.engine;

import static org.detente.engine.Compilation.actor;
import static org.detente.engine.Compilation.theater;

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

  final int nQ;
  final int[] qKind; // QuestionKind ordinal
  final int[] qActor;
  final int[] qTarget;
  final long[] qActions; // bit mask over Action ordinals
  final int[] qTheater;
  final int[] qOutcomes; // bit mask over Outcome ordinals
  final int[] qWithin;
  final int[] qFrom; // HOLDS: first and last step of the window
  final int[] qTo;
  final double[] qAbove; // DEATHS: the number of deaths to exceed

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
      qActor[q] = qu.actor() == null ? -1 : actor(sc, qu.actor(), w);
      qTarget[q] = qu.target() == null ? -1 : actor(sc, qu.target(), w);
      qTheater[q] = qu.theater() == null ? -1 : theater(sc, qu.theater(), w);
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
}
