package org.detente.engine;

/**
 * Observer of one run's inner workings, used by {@code explain}. The simulator calls it only when
 * one is installed, so ensembles pay nothing for it. Arrays passed in are the simulator's scratch
 * space: read them during the call only.
 */
public interface Tracer {

  /**
   * An actor chose an action toward a counterpart.
   *
   * @param sim       the simulator (for beliefs and state)
   * @param week      step
   * @param actor     deciding actor
   * @param target    counterpart
   * @param n         number of feasible actions
   * @param actions   action ordinals [0, n)
   * @param theaters  theater per action or -1
   * @param utility   expected utility per action under the actor's true type (stake units)
   * @param prob      quantal-response probability per action
   * @param chosen    index of the chosen action
   */
  void decision(
      Simulator sim, int week, int actor, int target, int n, int[] actions, int[] theaters,
      double[] utility, double[] prob, int chosen);

  /** A free-text note: channel change, deal, combat result, retaliation, alliance trigger. */
  void note(int week, String text);
}
