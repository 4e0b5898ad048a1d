package org.detente.engine;

import org.detente.model.Action;

/**
 * Incident step: between hostile actors in contact and not at war, an incident happens with a
 * probability growing with their hostility; unless the channel clarifies it, it raises
 * hostility and the victim reads it as a sign of resolve.
 */
final class Incidents {

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final Situation situation;
  private final Beliefs beliefs;
  private final EventLog log;
  private final Trace trace;

  Incidents(CompiledModel m, RunState state, Situation situation, Beliefs beliefs, EventLog log,
      Trace trace) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.situation = situation;
    this.beliefs = beliefs;
    this.log = log;
    this.trace = trace;
  }

  /** This week's incidents between hostile actors in contact, not at war. */
  void step() {
    if (constants.incidentRate() <= 0) {
      return;
    }
    int nA = m.nA;
    for (int a = 0; a < nA; a++) {
      for (int b = a + 1; b < nA; b++) {
        int ab = a * nA + b;
        double h = state.hostility[ab];
        if (h < constants.hostileThreshold() || state.war[ab]) {
          continue;
        }
        int t = situation.contactTheater(a, b);
        if (t < 0) {
          continue;
        }
        double rate = constants.incidentRate() * h;
        if (state.rng.nextDouble() >= 1.0 - FastMath.exp(-rate)) {
          continue;
        }
        int x = state.rng.nextDouble() < 0.5 ? a : b;
        int y = x == a ? b : a;
        log.record(x, y, Action.INCIDENT, t);
        boolean clarified = state.rng.nextDouble() >= situation.noiseOf(x, y);
        if (trace.on()) {
          trace.note(state.week, "incident between " + m.actorId(x) + " and " + m.actorId(y)
              + " in " + m.theaterId(t) + (clarified ? ": clarified over the channel"
              : ": not clarified, " + m.actorId(y) + " reads it as deliberate"));
        }
        if (!clarified) {
          state.addHostilityBy(m.actors, x, y, constants.incidentHostility());
          beliefs.afterIncident(y, x);
        }
      }
    }
  }
}
