package org.detente.engine;

import org.detente.model.Action;
import org.detente.scenario.TargetKind;

/** Nuclear-exchange step: strikes, their casualties from the model's tables, retaliation. */
final class NuclearExchange {

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final Situation situation;
  private final EventLog log;
  private final Trace trace;

  NuclearExchange(CompiledModel m, RunState state, Situation situation, EventLog log,
      Trace trace) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.situation = situation;
    this.log = log;
    this.trace = trace;
  }

  /**
   * Nuclear use by a against b (the action's theater t, or -1 to choose one): warheads spent,
   * forces destroyed, the precomputed casualties of the targets hit, and, when allowed, the
   * victim's retaliation as its doctrine says. A strategic exchange ends the run.
   */
  void strike(int a, int b, Action act, int t, boolean allowRetaliation) {
    int nA = m.nA;
    int nT = m.nT;
    if (act == Action.STRATEGIC_COUNTERFORCE || act == Action.STRATEGIC_COUNTERVALUE) {
      if (state.st[a] <= 0) {
        return;
      }
    } else if (act != Action.NUCLEAR_DEMONSTRATION && state.ns[a] <= 0) {
      return;
    } else if (act == Action.NUCLEAR_DEMONSTRATION && state.ns[a] + state.st[a] <= 0) {
      return;
    }
    if (act == Action.NUCLEAR_STRIKE_FORCES && t < 0) {
      t = situation.frontTheater(b, a);
    }
    if (act == Action.NUCLEAR_STRIKE_CITY && t < 0) {
      t = situation.cityTheaterOf(b, false);
    }
    log.record(a, b, act, t);
    state.addHostility(a, b, 1.0);
    state.nuclearUsed = true;
    state.reassessAfterNuclear = true;
    state.struck[b] = true;
    for (int c = 0; c < nA; c++) {
      if (state.allied[c * nA + b]) {
        state.struck[c] = true;
      }
    }
    if (act == Action.NUCLEAR_DEMONSTRATION) {
      if (state.ns[a] > 0) {
        state.ns[a]--;
      } else {
        state.st[a]--;
      }
    } else if (act == Action.NUCLEAR_STRIKE_FORCES) {
      int used = Math.min(state.ns[a], constants.warheadsPerStrike());
      state.ns[a] -= used;
      if (t >= 0) {
        double killed = constants.nuclearForceKill() * state.forces[b * nT + t];
        state.forces[b * nT + t] -= killed;
        state.addDeaths(b, CasualtyKind.NUCLEAR, killed * 1000 * 0.5);
        int hits = 0;
        for (int jt = 0, jtn = m.casualties.targetCount(t); jt < jtn; jt++) {
          int k = m.casualties.target(t, jt);
          int kind = m.casualties.targetKind(k);
          if (hits < used && !state.targetHit[k] && (kind == TargetKind.FORCES.ordinal()
              || kind == TargetKind.MILITARY_BASE.ordinal())) {
            hitTarget(a, k, 0);
            hits++;
          }
        }
      }
    } else if (act == Action.NUCLEAR_STRIKE_CITY) {
      state.ns[a]--;
      if (t >= 0) {
        for (int jt = 0, jtn = m.casualties.targetCount(t); jt < jtn; jt++) {
          int k = m.casualties.target(t, jt);
          if (!state.targetHit[k] && m.casualties.targetKind(k) == TargetKind.CITY.ordinal()) {
            hitTarget(a, k, 0);
            break;
          }
        }
      }
    } else {
      state.strategicUsed = true;
      int salvo = Math.max(1, (int) Math.ceil(constants.strategicSalvo() * state.st[a]));
      salvo = Math.min(salvo, state.st[a]);
      state.st[a] -= salvo;
      boolean cf = act == Action.STRATEGIC_COUNTERFORCE;
      int hits = 0;
      boolean anyHome = false;
      for (int u = 0; u < nT && hits < salvo; u++) {
        if (m.theaters.home(u) != b) {
          continue;
        }
        anyHome = true;
        for (int jt = 0, jtn = m.casualties.targetCount(u); jt < jtn; jt++) {
          int k = m.casualties.target(u, jt);
          int kind = m.casualties.targetKind(k);
          boolean fits = cf ? kind != TargetKind.CITY.ordinal() : kind == TargetKind.CITY.ordinal();
          if (fits && !state.targetHit[k] && hits < salvo) {
            hitTarget(a, k, 1);
            hits++;
          }
        }
        if (cf) {
          double killed = 0.5 * state.forces[b * nT + u];
          state.forces[b * nT + u] -= killed;
          state.addDeaths(b, CasualtyKind.NUCLEAR, killed * 1000 * 0.5);
        }
      }
      if (cf) {
        state.st[b] -= state.st[b] / 2;
        state.ns[b] -= state.ns[b] / 2;
      }
      if (hits == 0) {
        // the strike happened but no listed target can be priced: deaths are unknown
        state.addDeaths(b, CasualtyKind.NUCLEAR, Double.NaN);
        if (trace.on() && !anyHome) {
          trace.note(state.week, "no listed targets of " + m.actorId(b)
              + ": casualties of the strike cannot be computed");
        }
      }
      state.absorbed = true;
      state.endWeek = state.week;
    }
    if (!allowRetaliation) {
      return;
    }
    // doctrine governs retaliation: the victim answers in kind with its retaliation probability
    int rung = act.rung();
    if (rung >= 7 && state.nuclearArmed(b)) {
      boolean retaliates = state.rng.nextDouble() < m.actors.retaliation(b);
      if (trace.on()) {
        trace.note(state.week, m.actorId(b) + (retaliates ? " retaliates" : " does not retaliate")
            + " (doctrine retaliation probability " + m.actors.retaliation(b) + ")");
      }
      if (retaliates) {
        if (rung >= 8 && state.st[b] > 0) {
          strike(b, a, Action.STRATEGIC_COUNTERVALUE, -1, false);
        } else if (state.ns[b] > 0) {
          strike(b, a, act == Action.NUCLEAR_STRIKE_CITY ? Action.NUCLEAR_STRIKE_CITY
              : Action.NUCLEAR_STRIKE_FORCES, -1, false);
        } else if (state.st[b] > 0) {
          strike(b, a, Action.STRATEGIC_COUNTERFORCE, -1, false);
        }
      }
    }
  }

  private void hitTarget(int a, int k, int cls) {
    state.targetHit[k] = true;
    int t = m.casualties.targetTheater(k);
    int victim = m.theaters.home(t) >= 0 ? m.theaters.home(t) : state.control[t];
    if (victim < 0) {
      return;
    }
    double d = m.casualties.deaths(k, a, cls) + m.casualties.falloutDeaths(k, a, cls);
    state.addDeaths(victim, CasualtyKind.NUCLEAR, d);
    if (trace.on()) {
      trace.note(state.week, String.format(java.util.Locale.ROOT,
          "%s strikes %s (%s): %s deaths, %s injured", m.actorId(a), m.casualties.targetName(k),
          m.theaterId(t), fmt(d), fmt(m.casualties.injuries(k, a, cls))));
    }
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "unknown" : String.format(java.util.Locale.ROOT, "%,.0f", v);
  }
}
