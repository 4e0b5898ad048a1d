package org.detente.engine;

/**
 * Belief step: each actor's belief over every other actor's private type (resolve × motive),
 * updated by Bayes' rule from the actions it perceives ({@link #observe}) and from incidents it
 * reads as deliberate ({@link #afterIncident}). A type whose posterior falls below {@link
 * #FLOOR} is ruled out.
 */
final class Beliefs {

  /**
   * Posterior probability below which a type is ruled out: one in a million, below what an
   * ensemble of 10^5 runs can resolve; ruled-out types need no quantal response.
   */
  static final double FLOOR = 1e-6;

  private final CompiledModel m;
  private final RunState state;

  Beliefs(CompiledModel m, RunState state) {
    this.m = m;
    this.state = state;
  }

  /** The target of pending decision p updates its belief over the decider's type. */
  void observe(PendingDecisions pending, int p) {
    int a = pending.actor[p];
    int b = pending.target[p];
    int off = (b * m.nA + a) * m.types.maxTypes();
    int n = m.types.nTypes(a);
    if (n > 1) {
      double s = 0;
      int lo = p * m.types.maxTypes();
      for (int k = 0; k < n; k++) {
        state.belief[off + k] *= pending.lik[lo + k];
        s += state.belief[off + k];
      }
      normalise(off, n, s, a);
    }
  }

  /**
   * y, victim of an unclarified incident caused by x, reads it as a sign of resolve: it weights
   * x's types by their resolve level.
   */
  void afterIncident(int y, int x) {
    int off = (y * m.nA + x) * m.types.maxTypes();
    double s = 0;
    for (int k = 0; k < m.types.nTypes(x); k++) {
      state.belief[off + k] *= m.types.resLevel(x, k / m.types.nMot(x));
      s += state.belief[off + k];
    }
    normalise(off, m.types.nTypes(x), s, x);
  }

  private void normalise(int off, int n, double s, int about) {
    if (!(s > 0) || !Double.isFinite(s)) {
      m.types.copyTypePriorInto(about, state.belief, off);
      return;
    }
    double kept = 0;
    boolean pruned = false;
    for (int k = 0; k < n; k++) {
      double v = state.belief[off + k] / s;
      if (v < FLOOR && v > 0) {
        v = 0; // a type below the floor is ruled out (and no longer evaluated)
        pruned = true;
      }
      state.belief[off + k] = v;
      kept += v;
    }
    if (pruned) {
      for (int k = 0; k < n; k++) {
        state.belief[off + k] /= kept;
      }
    }
  }
}
