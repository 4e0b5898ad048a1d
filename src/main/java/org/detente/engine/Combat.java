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
        if (m.theaters.adjacent(t, u) && state.forces[a * nT + u] > bf) {
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
    state.addHostilityBy(m.actors, a, b, 1.0);
    boolean newWar = !state.war[a * nA + b];
    state.setWar(a, b, true);
    if (newWar) {
      if (trace.on()) {
        trace.note(state.week, "war between " + m.actorId(a) + " and " + m.actorId(b));
      }
      // alliance triggers: each ally of b intervenes with its commitment's credibility
      for (int c = 0; c < nA; c++) {
        double cr = state.cred[c * nA + b];
        if (cr <= 0 || c == a || state.war[c * nA + a]) {
          continue;
        }
        boolean joins = state.rng.nextDouble() < cr;
        if (trace.on()) {
          trace.note(state.week, m.actorId(c) + (joins ? " honours" : " does not honour")
              + " its commitment to " + m.actorId(b) + " (credibility " + cr + ")");
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
   * breakthrough (the effective ratio at the 3:1 rule) or when no defender is left; where the
   * controller's side is not engaged but forces at war with each other meet, they fight too
   * (the largest of them holding the field, without terrain); then the exchanges across borders
   * between forces at war that meet nowhere else.
   */
  void step() {
    int nA = m.nA;
    int nT = m.nT;
    for (int t = 0; t < nT; t++) {
      int ctl = state.control[t];
      if (!engagedWith(t, ctl)) {
        // the controller's side is not fighting here: forces at war with each other still meet
        int holder = fieldHolder(t);
        if (holder >= 0) {
          fight(t, holder, false);
        }
        continue;
      }
      fight(t, ctl, true);
    }
    borderExchanges();
  }

  /** Whether an actor at war with c has forces in theater t (c ≥ 0). */
  private boolean engagedWith(int t, int c) {
    if (c < 0) {
      return false;
    }
    int nA = m.nA;
    int nT = m.nT;
    for (int x = 0; x < nA; x++) {
      if (x != c && state.forces[x * nT + t] > 0 && state.war[x * nA + c]) {
        return true;
      }
    }
    return false;
  }

  /**
   * In a theater where the controller's side is not engaged, the actor with the most forces
   * among those at war with another actor present, or -1 when no two actors at war meet there.
   */
  private int fieldHolder(int t) {
    int nA = m.nA;
    int nT = m.nT;
    int best = -1;
    double bf = 0;
    for (int x = 0; x < nA; x++) {
      double f = state.forces[x * nT + t];
      if (f <= bf) {
        continue;
      }
      for (int y = 0; y < nA; y++) {
        if (y != x && state.war[x * nA + y] && state.forces[y * nT + t] > 0) {
          best = x;
          bf = f;
          break;
        }
      }
    }
    return best;
  }

  /**
   * One week of fighting in theater t between the side of {@code holder} (it and its friends
   * present) and the forces at war with it. With {@code controls}, the holder controls t: its
   * side has the terrain, and control can pass to the leading attacker.
   */
  private void fight(int t, int holder, boolean controls) {
    int nA = m.nA;
    int nT = m.nT;
    int ctl = holder;
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
      boolean enemy = c != ctl && state.war[c * nA + ctl];
      boolean friend = c == ctl || (!state.war[c * nA + ctl] && state.allied[c * nA + ctl]);
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
      return;
    }
    // a defender with any of its side engaged; otherwise attackers take control unopposed
    double tau = controls ? m.theaters.terrainMult(t) : 1.0;
    if (def <= 0) {
      if (controls) {
        changeControl(t, lead, ctl);
      }
      return;
    }
    double effA = attW / att;
    double effD = defW / def;
    Lanchester.step(att, effA, def, effD, tau, constants.lanchesterK() * intensity(lead, ctl),
        1.0, 7, lanch);
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
    int civ = m.theaters.home(t) >= 0 ? m.theaters.home(t) : state.control[t];
    if (civ >= 0) {
      state.addDeaths(civ, CasualtyKind.CIVILIAN, milDeaths * constants.civilianRatio());
    }
    double ratio = Lanchester.forceRatio(attLeft, effA, defLeft, effD, tau);
    if (trace.on()) {
      trace.note(state.week, String.format(java.util.Locale.ROOT,
          "combat in %s: attackers lose %.1fk (%.1fk left), defenders lose %.1fk (%.1fk left);"
              + " effective ratio %.2f", m.theaterId(t), attLoss, attLeft, defLoss, defLeft,
          ratio));
    }
    // control changes only when the attackers' local ratio warrants it (or no defender is
    // left): a small garrison that holds at 1:3 keeps the theater, and does not lose it to a
    // floor on its size
    if (controls && (ratio >= constants.breakthroughRatio() || defLeft <= 0)) {
      changeControl(t, lead, ctl);
    }
  }

  /**
   * Forces at war that meet in no theater but face each other across a border exchange fire:
   * for each such pair, the largest of one side's forces next to a theater of the other's,
   * Lanchester's square law at {@code contactIntensity} of the attrition coefficient, no
   * terrain, no change of control; deaths as in combat, civilians counted to each theater's home.
   */
  private void borderExchanges() {
    final int nA = m.nA;
    final int nT = m.nT;
    final double k = constants.lanchesterK() * constants.contactIntensity();
    if (k <= 0) {
      return;
    }
    for (int x = 0; x < nA; x++) {
      if (!state.atWarAny(x)) {
        continue;
      }
      for (int y = x + 1; y < nA; y++) {
        if (!state.war[x * nA + y] || meet(x, y)) {
          continue;
        }
        int bt = -1;
        int bu = -1;
        double best = 0;
        for (int t = 0; t < nT; t++) {
          double fx = state.forces[x * nT + t];
          if (fx <= 0) {
            continue;
          }
          for (int jn = 0, jnn = m.theaters.neighbourCount(t); jn < jnn; jn++) {
            int u = m.theaters.neighbour(t, jn);
            double fy = state.forces[y * nT + u];
            double v = Math.min(fx, fy);
            if (v > best) {
              best = v;
              bt = t;
              bu = u;
            }
          }
        }
        if (bt < 0) {
          continue;
        }
        double fx = state.forces[x * nT + bt];
        double fy = state.forces[y * nT + bu];
        double ex = state.eff[x * nT + bt];
        double ey = state.eff[y * nT + bu];
        Lanchester.step(fx, ex, fy, ey, 1.0, k * intensity(x, y), 1.0, 7, lanch);
        double lx = fx - lanch[0];
        double ly = fy - lanch[1];
        state.forces[x * nT + bt] = lanch[0];
        state.forces[y * nT + bu] = lanch[1];
        double dx = lx * 1000 * constants.killedShare();
        double dy = ly * 1000 * constants.killedShare();
        state.addDeaths(x, CasualtyKind.MILITARY, dx);
        state.addDeaths(y, CasualtyKind.MILITARY, dy);
        civilians(bt, dx);
        civilians(bu, dy);
        if (trace.on()) {
          trace.note(state.week, String.format(java.util.Locale.ROOT,
              "fire across the border: %s in %s loses %.1fk, %s in %s loses %.1fk",
              m.actorId(x), m.theaterId(bt), lx, m.actorId(y), m.theaterId(bu), ly));
        }
      }
    }
  }

  /**
   * The intensity of the fighting between x and y this week: 1 for a war going on at week 0,
   * else {@code 1 - exp(-(d + 1) / engagementWeeks)} in week d of the war (d = 0 the week it
   * began). A war begun during a run starts as a clash of the forces at the point of contact and
   * grows to full intensity as the armies join it (docs/model.md section 4).
   */
  double intensity(int x, int y) {
    final int xy = x * m.nA + y;
    if (state.warAtStart[xy]) {
      return 1.0;
    }
    final int d = Math.max(0, state.week - state.warStart[xy]);
    return 1.0 - FastMath.exp(-(d + 1) / constants.engagementWeeks());
  }

  /** Whether x and y both have forces in some theater. */
  private boolean meet(int x, int y) {
    final int nT = m.nT;
    for (int t = 0; t < nT; t++) {
      if (state.forces[x * nT + t] > 0 && state.forces[y * nT + t] > 0) {
        return true;
      }
    }
    return false;
  }

  /** Civilian deaths that go with military deaths in theater t, counted to its home state. */
  private void civilians(int t, double military) {
    int civ = m.theaters.home(t) >= 0 ? m.theaters.home(t) : state.control[t];
    if (civ >= 0) {
      state.addDeaths(civ, CasualtyKind.CIVILIAN, military * constants.civilianRatio());
    }
  }

  private void changeControl(int t, int to, int from) {
    if (to < 0 || to == from) {
      return;
    }
    state.control[t] = to;
    if (trace.on()) {
      trace.note(state.week, m.actorId(to) + " takes control of " + m.theaterId(t)
          + (from >= 0 ? " from " + m.actorId(from) : ""));
    }
  }
}
