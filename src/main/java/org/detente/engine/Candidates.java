package org.detente.engine;

import org.detente.model.Action;

/**
 * The feasible actions of one decision of an actor toward a counterpart, in the order they were
 * found, each with its theater and auxiliary actor (the recipient of arms, the partner of an
 * alliance), and what was found on the way: the front, the theater an attack would aim at, the
 * theater of the counterpart's forces a nuclear strike would hit, where a deployment would go
 * and the rise of the local share it would bring, whether a nuclear option is among them.
 * Refilled for every decision; one per decision step.
 *
 * <p>The actions are kept by ordinal in a primitive array (read them with {@link #action}): the
 * list is refilled some twenty times per decision, and primitive stores cost the hot loop less
 * than reference stores.
 */
final class Candidates {

  /** Each action is feasible at most once per decision. */
  static final int CAPACITY = Action.values().length;
  private static final Action[] ACTIONS = Action.values();

  final int[] act = new int[CAPACITY]; // Action ordinal
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
    final int i = n;
    if (i >= CAPACITY) {
      throw full(action);
    }
    act[i] = action.ordinal();
    theater[i] = t;
    aux[i] = with;
    n = i + 1;
  }

  /** The action of candidate c. */
  Action action(int c) {
    return ACTIONS[act[c]];
  }

  // out of the hot path: keeps add() small enough to be inlined
  private static IllegalStateException full(Action action) {
    return new IllegalStateException("more than " + CAPACITY + " feasible actions: " + action
        + " added twice");
  }
}
