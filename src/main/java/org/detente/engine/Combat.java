package org.detente.engine;

import org.detente.model.Action;

/** Combat step: attacks, the wars they start and alliance triggers, and each week's fighting. */
final class Combat {

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final EventLog log;
  private final Trace trace;
  private final double[] lanch = new double[2];
  private final double[] sideF; // per actor: 0 not engaged, 1 attacker, 2 defender

  Combat(CompiledModel m, RunState state, EventLog log, Trace trace) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.log = log;
    this.trace = trace;
    sideF = new double[m.nA];
  }

  /**
   * a attacks b in theater t, moving a share of its forces in from an adjacent theater if it
   * has none there; a new war calls each ally of b to honour its commitment.
   */
  void attack(int a, int b, int t) {
    int nA = m.nA;
    int nT = m.nT;
    if (state.forces[a * nT + t] <= 0) {
      int from = -1;
      double bf = 0;
      for (int u = 0; u < nT; u++) {
        if (m.theaters.adj[t * nT + u] && state.forces[a * nT + u] > bf) {
          bf = state.forces[a * nT + u];
          from = u;
        }
      }
      if (from >= 0) {
        double moved = constants.attackCommit() * bf;
        state.forces[a * nT + from] -= moved;
        state.forces[a * nT + t] += moved;
        state.eff[a * nT + t] = state.eff[a * nT + from];
      }
    }
    log.record(a, b, Action.ATTACK, t);
    state.addHostility(a, b, 1.0);
    boolean newWar = !state.war[a * nA + b];
    state.setWar(a, b, true);
    if (newWar) {
      if (trace.on()) {
        trace.note(state.week, "war between " + m.actorIds[a] + " and " + m.actorIds[b]);
      }
      // alliance triggers: each ally of b intervenes with its commitment's credibility
      for (int c = 0; c < nA; c++) {
        double cr = state.cred[c * nA + b];
        if (cr <= 0 || c == a || state.war[c * nA + a]) {
          continue;
        }
        boolean joins = state.rng.nextDouble() < cr;
        if (trace.on()) {
          trace.note(state.week, m.actorIds[c] + (joins ? " honours" : " does not honour")
              + " its commitment to " + m.actorIds[b] + " (credibility " + cr + ")");
        }
        if (joins) {
          state.setWar(c, a, true);
          state.addHostility(a, c, 1.0);
          log.record(c, a, Action.ATTACK, t);
        }
      }
    }
  }

  /**
   * This week's fighting: in each theater, the forces at war with its controller against the
   * controller's side (Lanchester's square law with terrain), losses shared in proportion to
   * forces, military and civilian deaths, and control passing to the leading attacker on a
   * breakthrough or when no defender is left.
   */
  void step() {
    int nA = m.nA;
    int nT = m.nT;
    for (int t = 0; t < nT; t++) {
      int ctl = state.control[t];
      double att = 0;
      double attW = 0;
      double def = 0;
      double defW = 0;
      int lead = -1;
      double leadF = 0;
      for (int c = 0; c < nA; c++) {
        double f = state.forces[c * nT + t];
        sideF[c] = 0;
        if (f <= 0) {
          continue;
        }
        boolean enemy = ctl >= 0 && c != ctl && state.war[c * nA + ctl];
        boolean friend =
            ctl < 0 || c == ctl || (!state.war[c * nA + ctl] && state.allied[c * nA + ctl]);
        if (enemy) {
          att += f;
          attW += f * state.eff[c * nT + t];
          sideF[c] = 1;
          if (f > leadF) {
            leadF = f;
            lead = c;
          }
        } else if (friend) {
          def += f;
          defW += f * state.eff[c * nT + t];
          sideF[c] = 2;
        }
      }
      if (att <= 0) {
        continue;
      }
      // a defender with any of its side engaged; otherwise attackers take control unopposed
      double tau = m.theaters.terrainMult[t];
      if (def <= 0) {
        changeControl(t, lead, ctl);
        continue;
      }
      double effA = attW / att;
      double effD = defW / def;
      Lanchester.step(att, effA, def, effD, tau, constants.lanchesterK(), 1.0, 7, lanch);
      double attLeft = lanch[0];
      double defLeft = lanch[1];
      double attLoss = att - attLeft;
      double defLoss = def - defLeft;
      double milDeaths = 0;
      for (int c = 0; c < nA; c++) {
        if (sideF[c] == 0) {
          continue;
        }
        double f = state.forces[c * nT + t];
        double loss = sideF[c] == 1 ? attLoss * f / att : defLoss * f / def;
        state.forces[c * nT + t] = Math.max(0, f - loss);
        double d = loss * 1000 * constants.killedShare();
        state.addDeaths(c, CasualtyKind.MILITARY, d);
        milDeaths += d;
      }
      int civ = m.theaters.home[t] >= 0 ? m.theaters.home[t] : ctl;
      if (civ >= 0) {
        state.addDeaths(civ, CasualtyKind.CIVILIAN, milDeaths * constants.civilianRatio());
      }
      double ratio = Lanchester.forceRatio(attLeft, effA, defLeft, effD, tau);
      if (trace.on()) {
        trace.note(state.week, String.format(java.util.Locale.ROOT,
            "combat in %s: attackers lose %.1fk (%.1fk left), defenders lose %.1fk (%.1fk left);"
                + " effective ratio %.2f", m.theaterIds[t], attLoss, attLeft, defLoss, defLeft,
            ratio));
      }
      if (ratio >= constants.breakthroughRatio() || defLeft < 0.5) {
        changeControl(t, lead, ctl);
      }
    }
  }

  private void changeControl(int t, int to, int from) {
    if (to < 0 || to == from) {
      return;
    }
    state.control[t] = to;
    if (trace.on()) {
      trace.note(state.week, m.actorIds[to] + " takes control of " + m.theaterIds[t]
          + (from >= 0 ? " from " + m.actorIds[from] : ""));
    }
  }
}
