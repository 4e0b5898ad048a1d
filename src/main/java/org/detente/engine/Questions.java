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
    for (int q = 0; q < qs.count(); q++) {
      if (state.answer[q] || qs.kind(q) != QuestionKind.ACTION.ordinal()
          || state.week > qs.within(q)) {
        continue;
      }
      if ((qs.actor(q) < 0 || qs.actor(q) == a) && (qs.target(q) < 0 || qs.target(q) == b)
          && (qs.actions(q) & (1L << act.ordinal())) != 0
          && (qs.theater(q) < 0 || qs.theater(q) == t)) {
        state.answer[q] = true;
      }
    }
  }

  /**
   * The questions about the end of a war that an accepted deal, ceasefire or concession between
   * a and b, at war until now, answers.
   */
  void onWarEnded(int a, int b) {
    for (int q = 0; q < qs.count(); q++) {
      if (state.answer[q] || qs.kind(q) != QuestionKind.DEAL_ENDED_WAR.ordinal()
          || state.week > qs.within(q)) {
        continue;
      }
      int x = qs.actor(q);
      int y = qs.target(q);
      boolean pair = x < 0 || (x == a && (y < 0 || y == b)) || (x == b && (y < 0 || y == a));
      if (pair) {
        state.answer[q] = true;
      }
    }
  }

  /**
   * Questions about the state (control of a theater, holding it through a window, a severed
   * channel, deaths), checked at week 0 and after each week's steps.
   */
  void checkWeek() {
    for (int q = 0; q < qs.count(); q++) {
      if (state.answer[q] || state.week > qs.within(q)) {
        continue;
      }
      int kind = qs.kind(q);
      if (kind == QuestionKind.HOLDS.ordinal()) {
        if (state.week >= qs.from(q) && state.week <= qs.to(q)
            && state.control[qs.theater(q)] != qs.actor(q)) {
          state.broken[q] = true;
        }
      } else if (kind == QuestionKind.DEATHS.ordinal()) {
        state.answer[q] = deathsAbove(q);
      } else if (kind == QuestionKind.CONTROL.ordinal()) {
        state.answer[q] = qs.theater(q) >= 0 && state.control[qs.theater(q)] == qs.actor(q);
      } else if (kind == QuestionKind.CHANNEL_SEVERED.ordinal()) {
        if (qs.actor(q) >= 0 && qs.target(q) >= 0) {
          state.answer[q] = state.channel[qs.actor(q) * m.nA + qs.target(q)] == RunState.SEVERED;
        } else if (qs.actor(q) >= 0) {
          for (int b = 0; b < m.nA; b++) {
            if (b != qs.actor(q) && state.channel[qs.actor(q) * m.nA + b] == RunState.SEVERED) {
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
    for (int q = 0; q < qs.count(); q++) {
      int kind = qs.kind(q);
      if (kind == QuestionKind.HOLDS.ordinal()) {
        // a run absorbed before the end of the window keeps its last state for the rest of it
        boolean rest = !state.absorbed || state.endWeek > qs.to(q)
            || state.control[qs.theater(q)] == qs.actor(q);
        state.answer[q] = !state.broken[q] && rest;
        continue;
      }
      if (kind == QuestionKind.DEATHS.ordinal()) {
        // deaths of the week in which the run was absorbed (e.g. a strategic exchange)
        state.answer[q] = state.answer[q] || (state.week <= qs.within(q) && deathsAbove(q));
        continue;
      }
      if (kind != QuestionKind.OUTCOME.ordinal()) {
        continue;
      }
      boolean in = (qs.outcomes(q) & (1 << state.outcome.ordinal())) != 0;
      int when = switch (state.outcome) {
        case STRATEGIC_NUCLEAR -> state.firstRung[8];
        case LIMITED_NUCLEAR -> state.firstRung[6];
        case CONVENTIONAL_WAR -> state.principalWarWeek;
        case SETTLEMENT -> state.endWeek;
        case FROZEN -> m.horizon;
      };
      state.answer[q] = in && (state.outcome == Outcome.FROZEN || when <= qs.within(q));
    }
  }

  /** Whether the deaths of the question's actor (or of everyone) of all kinds exceed its bar. */
  private boolean deathsAbove(int q) {
    int a0 = qs.actor(q) < 0 ? 0 : qs.actor(q);
    int a1 = qs.actor(q) < 0 ? m.nA : qs.actor(q) + 1;
    double sum = 0;
    for (int a = a0; a < a1; a++) {
      for (int k = 0; k < RunState.NK; k++) {
        sum += state.deaths[a * RunState.NK + k];
      }
    }
    return sum > qs.above(q); // not computable (NaN) deaths never exceed a bar
  }
}
