package org.detente.engine;

import org.detente.model.Action;

/**
 * The decisions taken in one week's decision phase, applied after everybody has decided: who
 * acts toward whom, the action, its theater and auxiliary actor, the noise of the channel it was
 * seen through, and its likelihood under each of the decider's types.
 */
final class PendingDecisions {

  final int[] actor;
  final int[] target;
  final Action[] action;
  final int[] theater;
  final int[] aux; // recipient of arm-proxy / partner of alliance
  final double[] noise;
  final double[] lik; // [p*maxTypes + type]
  int n;

  PendingDecisions(CompiledModel m) {
    int max = m.nA * (m.nA - 1) + 8;
    actor = new int[max];
    target = new int[max];
    action = new Action[max];
    theater = new int[max];
    aux = new int[max];
    noise = new double[max];
    lik = new double[max * m.types.maxTypes()];
  }

  /** Empties the list for a new week. */
  void clear() {
    n = 0;
  }

  /** Appends a decision; returns its index p (its likelihoods go to lik[p*maxTypes..]). */
  int add(int a, int b, Action act, int t, int with, double eps) {
    int p = n++;
    actor[p] = a;
    target[p] = b;
    action[p] = act;
    theater[p] = t;
    aux[p] = with;
    noise[p] = eps;
    return p;
  }
}
