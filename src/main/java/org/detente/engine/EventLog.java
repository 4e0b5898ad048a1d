package org.detente.engine;

import org.detente.model.Action;

/** Event-log step: every action and incident of a run, recorded as it happens. */
final class EventLog {

  private final CompiledModel m;
  private final RunState state;
  private final Questions questions;

  EventLog(CompiledModel m, RunState state, Questions questions) {
    this.m = m;
    this.state = state;
    this.questions = questions;
  }

  /**
   * Records that a did act toward b (or -1) in theater t (or -1) this week: the log (up to its
   * capacity; every event counts), the highest rung and the first week of each rung, war
   * between the principals' sides (which also voids their deal), and the questions it answers.
   */
  void record(int a, int b, Action act, int t) {
    if (state.nEv < RunState.LOG_CAPACITY) {
      state.logWeek[state.nEv] = state.week;
      state.logActor[state.nEv] = a;
      state.logTarget[state.nEv] = b;
      state.logAction[state.nEv] = act;
      state.logTheater[state.nEv] = t;
      state.nEv++;
    }
    state.nEvTotal++;
    if (b >= 0 && act.goldstein() < 0) {
      state.lastHostile[a * m.nA + b] = state.week;
      state.lastHostile[b * m.nA + a] = state.week;
    }
    int rung = act.rung();
    if (rung > state.highest) {
      state.highest = rung;
    }
    for (int r = 0; r <= rung; r++) {
      if (state.firstRung[r] < 0) {
        state.firstRung[r] = state.week;
      }
    }
    if (act == Action.ATTACK && b >= 0 && !state.principalWar) {
      int sa = m.relations.side(a);
      int sb = m.relations.side(b);
      if (sa != 0 && sb != 0 && sa != sb) {
        state.principalWar = true;
        state.principalWarWeek = state.week;
      }
    }
    if (act == Action.ATTACK && b >= 0 && m.relations.side(a) != 0 && m.relations.side(b) != 0
        && m.relations.side(a) != m.relations.side(b)) {
      state.principalDeal = false;
    }
    questions.onEvent(a, b, act, t);
  }
}
