package org.detente.analysis;

import java.util.ArrayList;
import java.util.List;
import org.detente.model.Action;
import org.detente.engine.CasualtyKind;
import org.detente.model.Outcome;
import org.detente.engine.RunView;

/** A hand-made run for tests. */
class SyntheticRun implements RunView {
  int index;
  long seed;
  Outcome outcome = Outcome.FROZEN;
  int endWeek = 104;
  boolean[] questions = new boolean[0];
  double[][] deaths = new double[2][3];
  int[] control = new int[0];
  int[] motives = new int[2];
  final List<int[]> events = new ArrayList<>(); // week, actor, target, action ordinal, theater

  SyntheticRun event(int week, int actor, int target, Action a, int theater) {
    events.add(new int[] {week, actor, target, a.ordinal(), theater});
    return this;
  }

  @Override public int runIndex() { return index; }
  @Override public long seed() { return seed; }
  @Override public Outcome outcome() { return outcome; }

  @Override
  public int highestRung() {
    int r = 0;
    for (int[] e : events) r = Math.max(r, Action.values()[e[3]].rung());
    return r;
  }

  @Override public int endWeek() { return endWeek; }

  @Override
  public int firstWeekOfRung(int rung) {
    for (int[] e : events) if (Action.values()[e[3]].rung() >= rung) return e[0];
    return -1;
  }

  @Override public boolean question(int q) { return questions[q]; }
  @Override public double deaths(int actor, CasualtyKind kind) { return deaths[actor][kind.ordinal()]; }
  @Override public int finalController(int theater) { return control[theater]; }
  @Override public int motive(int actor) { return motives[actor]; }
  @Override public int eventCount() { return events.size(); }
  @Override public int eventWeek(int i) { return events.get(i)[0]; }
  @Override public int eventActor(int i) { return events.get(i)[1]; }
  @Override public int eventTarget(int i) { return events.get(i)[2]; }
  @Override public Action eventAction(int i) { return Action.values()[events.get(i)[3]]; }
  @Override public int eventTheater(int i) { return events.get(i)[4]; }
  @Override public int[] decisionStats() { return new int[4]; }
}
