package org.detente.engine;

import org.detente.model.Action;

/**
 * The feasible actions of one decision of an actor toward a counterpart, in the order they were
 * found, each with its theater and auxiliary actor (the recipient of arms, the partner of an
 * alliance), and what was found on the way: the front, the theater an attack would aim at, the
 * theater of the counterpart's forces a nuclear strike would hit, where a deployment would go
 * and the rise of the local share it would bring, whether a nuclear option is among them. Refilled for every decision; one per decision step.
 */
final class Candidates {

  /** Each action is feasible at most once per decision. */
  static final int CAPACITY = Action.values().length;

  final Action[] act = new Action[CAPACITY];
  final int[] theater = new int[CAPACITY];
  final int[] aux = new int[CAPACITY];
  int n;
  int front;
  int attackTheater;
  int deployTheater;
  double deployGain;
  int nuclearForcesTheater;
  boolean hasNuclear;

  /** Empties the list. */
  void clear() {
    n = 0;
  }

  /** Appends an action; more than one entry per action fails loudly. */
  void add(Action action, int t, int with) {
    if (n >= CAPACITY) {
      throw new IllegalStateException("more than " + CAPACITY + " feasible actions: " + action
          + " added twice");
    }
    act[n] = action;
    theater[n] = t;
    aux[n] = with;
    n++;
  }
}
