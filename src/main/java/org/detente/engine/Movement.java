package org.detente.engine;

import java.util.Locale;

/**
 * Movement of forces between theaters: where an actor would deploy forces facing a
 * counterpart ({@link #plan}), what the deployment is worth locally (the win probability in the
 * destination after arrival), the deployment itself ({@link #deploy}) and the arrival of forces in
 * transit ({@link #arrivals}).
 *
 * <p>A deployment takes {@code attackCommit} of the actor's forces in the source theater. To an
 * adjacent theater they arrive at once; along a declared route they are in transit for the
 * route's time steps, at neither end, limited by the route's capacity (a weekly lift shared by
 * every deployment along it that week). Of the routes between two
 * theaters the one that carries the most (then the fastest) is taken. The source is the actor's
 * theater, not engaged in combat, that sends the most to the destination. Destinations: a
 * theater of the actor or an ally that the counterpart threatens (reinforcement), or, at war, a
 * theater the counterpart holds that the actor reaches only by a route (an assault from the sea
 * or the air; a neighbouring theater is attacked directly). The look-ahead values a destination
 * by its territorial value to the actor (averaged over the motive prior, as attacks are aimed)
 * times the rise of the actor's side's local share, {@code F_a²/(F_a² + F_b²)}, that the forces
 * would bring.
 */
final class Movement {

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final Trace trace;

  // the last plan: destination, source, route (-1: adjacent), troops moved, local gain
  int planTheater = -1;
  int planSource = -1;
  int planRoute = -1;
  double planTroops;
  double planGain;

  Movement(CompiledModel m, RunState state, Trace trace) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.trace = trace;
  }

  /**
   * The best deployment of a's forces facing b, in the plan fields; false (and planTheater -1)
   * when no deployment raises a's local share anywhere it has a stake.
   */
  boolean plan(int a, int b, boolean atWar) {
    planTheater = -1;
    planSource = -1;
    planRoute = -1;
    planTroops = 0;
    planGain = 0;
    final int nT = m.nT;
    final int nA = m.nA;
    final MotiveTables mt = m.motives;
    double best = 1e-9;
    for (int d = 0; d < nT; d++) {
      final double v = mt.priorTerr(a, d);
      if (v <= 0) {
        continue;
      }
      final int c = state.control[d];
      final boolean ours = c == a || (c >= 0 && state.allied[a * nA + c]);
      final boolean reinforce = ours && state.threat[b * nT + d];
      final boolean assault = atWar && !ours && (c == b || state.forces[b * nT + d] > 0);
      if (!reinforce && !assault) {
        continue;
      }
      if (!source(a, d, assault)) {
        continue;
      }
      final double gain = localGain(a, b, d, srcTroops, srcEff);
      final double score = v * gain;
      if (score > best) {
        best = score;
        planTheater = d;
        planSource = srcTheater;
        planRoute = srcRoute;
        planTroops = srcTroops;
        planGain = gain;
      }
    }
    return planTheater >= 0;
  }

  // the last source found: theater, route (-1 adjacent), troops it sends and their effectiveness
  private int srcTheater;
  private int srcRoute;
  private double srcTroops;
  private double srcEff;

  /**
   * The theater from which a sends the most forces to d (by route only when {@code routeOnly}),
   * in the src fields; false if none. A theater where a is in combat sends nothing.
   */
  private boolean source(int a, int d, boolean routeOnly) {
    final int nT = m.nT;
    srcTheater = -1;
    srcRoute = -1;
    srcTroops = 0;
    int srcSteps = Integer.MAX_VALUE;
    if (!routeOnly) {
      for (int jn = 0, jnn = m.theaters.neighbourCount(d); jn < jnn; jn++) {
        int u = m.theaters.neighbour(d, jn);
        double f = available(a, u);
        if (f > srcTroops) {
          srcTroops = f;
          srcTheater = u;
          srcRoute = -1;
          srcSteps = 0;
        }
      }
    }
    for (int jr = 0, jrn = m.theaters.routeCountAt(d); jr < jrn; jr++) {
      int r = m.theaters.routeAt(d, jr);
      int u = m.theaters.otherEnd(r, d);
      double f = Math.min(available(a, u), capacityLeft(r));
      int steps = m.theaters.routeSteps(r);
      if (f > srcTroops + 1e-9 || (f > 0 && Math.abs(f - srcTroops) <= 1e-9 && steps < srcSteps)) {
        srcTroops = f;
        srcTheater = u;
        srcRoute = r;
        srcSteps = steps;
      }
    }
    if (srcTheater < 0 || srcTroops < 0.01) {
      srcTheater = -1;
      return false;
    }
    srcEff = state.eff[a * nT + srcTheater];
    return true;
  }

  /** What route r can still carry this week (its capacity is a weekly lift). */
  private double capacityLeft(int r) {
    double cap = m.theaters.routeCapacity(r);
    return state.routeLoadWeek[r] == state.week ? Math.max(0, cap - state.routeLoad[r]) : cap;
  }

  /** Troops a can send from u: its committed share there, none while it fights there. */
  private double available(int a, int u) {
    final int nT = m.nT;
    final int nA = m.nA;
    double f = state.forces[a * nT + u];
    if (f <= 0) {
      return 0;
    }
    for (int c = 0; c < nA; c++) {
      if (c != a && state.war[a * nA + c] && state.forces[c * nT + u] > 0) {
        return 0;
      }
    }
    return constants.attackCommit() * f;
  }

  /**
   * The rise of a's side's local share in d facing b's side when {@code troops} of
   * effectiveness e arrive. The side holding d has the terrain multiplier; b's side, if absent
   * from d, counts the share of its forces next door it could commit to an attack.
   */
  double localGain(int a, int b, int d, double troops, double e) {
    final double fa = sideForces(a, d);
    double fb = sideForces(b, d);
    if (fb <= 0) {
      for (int jn = 0, jnn = m.theaters.neighbourCount(d); jn < jnn; jn++) {
        int u = m.theaters.neighbour(d, jn);
        fb = Math.max(fb, constants.attackCommit() * sideForces(b, u));
      }
    }
    final int c = state.control[d];
    final double tau = m.theaters.terrainMult(d);
    final double ta = c >= 0 && (c == a || state.allied[a * m.nA + c]) ? tau : 1;
    final double tb = c >= 0 && (c == b || state.allied[b * m.nA + c]) ? tau : 1;
    final double after = share(ta * (fa + troops * e), tb * fb);
    final double now = share(ta * fa, tb * fb);
    return after - now;
  }

  /** Effective forces in t of x and its allies. */
  private double sideForces(int x, int t) {
    final int nT = m.nT;
    final int nA = m.nA;
    double s = 0;
    for (int c = 0; c < nA; c++) {
      if (c == x || state.allied[x * nA + c]) {
        s += state.forces[c * nT + t] * state.eff[c * nT + t];
      }
    }
    return s;
  }

  private static double share(double x, double y) {
    double x2 = x * x;
    double y2 = y * y;
    return x2 + y2 > 0 ? x2 / (x2 + y2) : 0.5;
  }

  /**
   * a deploys forces to d from {@code from} (or, when from is -1, from the theater that sends
   * the most): at once to an adjacent theater, else along the route that carries the most.
   * Returns the troops sent (0 when nothing can go).
   */
  double deploy(int a, int d, int from) {
    final int nT = m.nT;
    if (d < 0) {
      return 0;
    }
    if (!source(a, d, false)) {
      return 0;
    }
    if (from >= 0 && from != srcTheater && !sourceFrom(a, d, from)) {
      return 0;
    }
    final int u = srcTheater;
    final double troops = srcTroops;
    final double e = srcEff;
    state.forces[a * nT + u] = Math.max(0, state.forces[a * nT + u] - troops);
    if (srcRoute < 0) {
      state.addForces(a, d, troops, e);
      if (trace.on()) {
        trace.note(state.week, String.format(Locale.ROOT,
            "%s moves %.1fk troops from %s into %s", m.actorId(a), troops, m.theaterId(u),
            m.theaterId(d)));
      }
      return troops;
    }
    final int steps = m.theaters.routeSteps(srcRoute);
    if (state.routeLoadWeek[srcRoute] != state.week) {
      state.routeLoadWeek[srcRoute] = state.week;
      state.routeLoad[srcRoute] = 0;
    }
    state.routeLoad[srcRoute] += troops;
    final int arrive = state.week + steps;
    final int slot = (a * nT + d) * state.slots + arrive % state.slots;
    state.transit[slot] += troops;
    state.transitEff[slot] += troops * e;
    state.inTransit[a] += troops;
    state.inTransitW[a] += troops * e;
    if (trace.on()) {
      trace.note(state.week, String.format(Locale.ROOT,
          "%s sends %.1fk troops from %s to %s by %s (%d week%s in transit, arriving in week %d)",
          m.actorId(a), troops, m.theaterId(u), m.theaterId(d),
          m.theaters.routeMode(srcRoute), steps, steps == 1 ? "" : "s", arrive));
    }
    return troops;
  }

  /** The src fields for sending from a given theater u to d; false if u cannot send. */
  private boolean sourceFrom(int a, int d, int u) {
    final int nT = m.nT;
    double f = available(a, u);
    if (f <= 0) {
      return false;
    }
    if (m.theaters.adjacent(d, u)) {
      srcTheater = u;
      srcRoute = -1;
      srcTroops = f;
    } else {
      int bestR = -1;
      double bestF = 0;
      for (int jr = 0, jrn = m.theaters.routeCountAt(d); jr < jrn; jr++) {
        int r = m.theaters.routeAt(d, jr);
        if (m.theaters.otherEnd(r, d) != u) {
          continue;
        }
        double g = Math.min(f, capacityLeft(r));
        if (g > bestF + 1e-9 || (bestR >= 0 && Math.abs(g - bestF) <= 1e-9
            && m.theaters.routeSteps(r) < m.theaters.routeSteps(bestR))) {
          bestF = g;
          bestR = r;
        }
      }
      if (bestR < 0) {
        return false;
      }
      srcTheater = u;
      srcRoute = bestR;
      srcTroops = bestF;
    }
    srcEff = state.eff[a * nT + u];
    return true;
  }

  /** Forces whose transit ends this week arrive in their destination. */
  void arrivals() {
    final int nA = m.nA;
    final int nT = m.nT;
    final int slots = state.slots;
    if (slots <= 1) {
      return;
    }
    final int w = state.week % slots;
    for (int a = 0; a < nA; a++) {
      if (state.inTransit[a] <= 0) {
        continue;
      }
      for (int t = 0; t < nT; t++) {
        final int i = (a * nT + t) * slots + w;
        final double f = state.transit[i];
        if (f <= 0) {
          continue;
        }
        final double fe = state.transitEff[i];
        state.transit[i] = 0;
        state.transitEff[i] = 0;
        state.inTransit[a] = Math.max(0, state.inTransit[a] - f);
        state.inTransitW[a] = Math.max(0, state.inTransitW[a] - fe);
        state.addForces(a, t, f, fe / f);
        if (trace.on()) {
          trace.note(state.week, String.format(Locale.ROOT, "%.1fk troops of %s arrive in %s"
              + " (%.1fk there now)", f, m.actorId(a), m.theaterId(t),
              state.forces[a * nT + t]));
        }
      }
    }
  }
}
