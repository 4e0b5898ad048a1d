package org.detente.engine;

import org.detente.model.Action;
import org.detente.model.Outcome;
import org.detente.scenario.QuestionKind;

/**
 * Question step: the scenario's forecast questions, answered from the events as they are
 * recorded ({@link #onEvent}), from the state each week ({@link #checkWeek}) and from the
 * outcome at the end of the run ({@link #conclude}).
 */
final class Questions {

  private final CompiledModel m;
  private final QuestionSet qs;
  private final RunState state;

  Questions(CompiledModel m, RunState state) {
    this.m = m;
    this.qs = m.questions;
    this.state = state;
  }

  /** The questions about actions that a did act toward b in theater t answers. */
  void onEvent(int a, int b, Action act, int t) {
    for (int q = 0; q < qs.nQ; q++) {
      if (state.answer[q] || qs.qKind[q] != QuestionKind.ACTION.ordinal()
          || state.week > qs.qWithin[q]) {
        continue;
      }
      if ((qs.qActor[q] < 0 || qs.qActor[q] == a) && (qs.qTarget[q] < 0 || qs.qTarget[q] == b)
          && (qs.qActions[q] & (1L << act.ordinal())) != 0
          && (qs.qTheater[q] < 0 || qs.qTheater[q] == t)) {
        state.answer[q] = true;
      }
    }
  }

  /** Questions about the state (control of a theater, a severed channel), checked each week. */
  void checkWeek() {
    for (int q = 0; q < qs.nQ; q++) {
      if (state.answer[q] || state.week > qs.qWithin[q]) {
        continue;
      }
      int kind = qs.qKind[q];
      if (kind == QuestionKind.CONTROL.ordinal()) {
        state.answer[q] = qs.qTheater[q] >= 0 && state.control[qs.qTheater[q]] == qs.qActor[q];
      } else if (kind == QuestionKind.CHANNEL_SEVERED.ordinal()) {
        if (qs.qActor[q] >= 0 && qs.qTarget[q] >= 0) {
          state.answer[q] = state.channel[qs.qActor[q] * m.nA + qs.qTarget[q]] == RunState.SEVERED;
        } else if (qs.qActor[q] >= 0) {
          for (int b = 0; b < m.nA; b++) {
            if (b != qs.qActor[q] && state.channel[qs.qActor[q] * m.nA + b] == RunState.SEVERED) {
              state.answer[q] = true;
            }
          }
        }
      }
    }
  }

  /**
   * Ends the run: its outcome class (strategic or limited nuclear use, war between the
   * principals' sides, settlement, else frozen) and the questions about the outcome.
   */
  void conclude() {
    if (!state.absorbed) {
      state.endWeek = m.horizon;
      state.week = m.horizon;
    }
    if (state.strategicUsed) {
      state.outcome = Outcome.STRATEGIC_NUCLEAR;
    } else if (state.nuclearUsed) {
      state.outcome = Outcome.LIMITED_NUCLEAR;
    } else if (state.principalWar) {
      state.outcome = Outcome.CONVENTIONAL_WAR;
    } else if (state.settled) {
      state.outcome = Outcome.SETTLEMENT;
    } else {
      state.outcome = Outcome.FROZEN;
    }
    for (int q = 0; q < qs.nQ; q++) {
      if (qs.qKind[q] != QuestionKind.OUTCOME.ordinal()) {
        continue;
      }
      boolean in = (qs.qOutcomes[q] & (1 << state.outcome.ordinal())) != 0;
      int when = switch (state.outcome) {
        case STRATEGIC_NUCLEAR -> state.firstRung[8];
        case LIMITED_NUCLEAR -> state.firstRung[6];
        case CONVENTIONAL_WAR -> state.principalWarWeek;
        case SETTLEMENT -> state.endWeek;
        case FROZEN -> m.horizon;
      };
      state.answer[q] = in && (state.outcome == Outcome.FROZEN || when <= qs.qWithin[q]);
    }
  }
}
