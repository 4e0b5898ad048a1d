package org.detente.engine;

import org.detente.model.Action;

/**
 * Decision step, third parties: an actor with a stake in an active dyad but not itself active
 * against either side (hostility below {@code hostileThreshold}, no war) may back one side
 * against the other with a warning, sanctions, arms and aid, or a show of force, decided by the
 * same logit quantal response as every other action (docs/model.md, "Support").
 *
 * <p>Its stake in the dyad of v and b, backing v, under its true type (resolve r, motive m): the
 * value of v's position over b's on the issues, {@code r·(u(pos_v) − u(pos_b))}, plus the
 * theaters it values that v (or one of its own allies) holds and b threatens, the audience cost
 * of a defence commitment left unhonoured, {@code cred(c→v)·audienceCost}, and its deterrence
 * weight when its motive is to deter b. The side it backs is the one of highest stake; it backs
 * nobody it is hostile to, nobody allied with b, nobody against its own ally or client, and no
 * side of a pair it mediates between. A sponsor's stake in its own client counts the audience cost
 * in full, as for an ally whose defence is certain.
 */
final class Support {

  private static final int MAXN = 5;
  /** Bit of {@link RunState#supportDone}: c has warned b (each support action is taken once). */
  static final int WARNED = 1;
  /** Bit of {@link RunState#supportDone}: c has made a show of force toward b. */
  static final int SHOWN = 2;
  /** Bit of {@link RunState#supportDone}: c has sanctioned b. */
  static final int SANCTIONED = 4;

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final Situation situation;
  private final Valuation valuation;
  private final Movement movement;
  private final Trace trace;
  private final Simulator owner;
  private final Valuation.Motives mvC;
  private final Valuation.Motives mvB;
  private final Valuation.TypeValues tv = new Valuation.TypeValues();
  private final boolean[] decides; // [c]: a state (alliances, blocs and regions do not act)
  private final int[] act = new int[MAXN];
  private final int[] theater = new int[MAXN];
  private final int[] aux = new int[MAXN];
  private final double[] util = new double[MAXN];
  private final double[] prob = new double[MAXN];
  // the stake of the last call of stake(): v prevails in a war with b rather than b
  private double stakeWar;
  // the responses of b to pressure on v's behalf, computed once per pair and decision phase
  private final long[] respStamp;
  private final long[] crisisStamp;
  private final boolean[] crisisOf; // [v*nA+b]: v and b at war, or b threatens ground v holds
  private final double[] respVerbal;
  private final double[] respMaterial;

  Support(CompiledModel m, RunState state, Situation situation, Valuation valuation,
      Movement movement, Trace trace, Simulator owner) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.situation = situation;
    this.valuation = valuation;
    this.movement = movement;
    this.trace = trace;
    this.owner = owner;
    this.mvC = new Valuation.Motives(m.types.maxMot());
    this.mvB = new Valuation.Motives(m.types.maxMot());
    respStamp = new long[m.nA * m.nA];
    crisisStamp = new long[m.nA * m.nA];
    crisisOf = new boolean[m.nA * m.nA];
    respVerbal = new double[m.nA * m.nA];
    respMaterial = new double[m.nA * m.nA];
    decides = new boolean[m.nA];
    for (int c = 0; c < m.nA; c++) {
      decides[c] = m.actors.supports(c);
    }
  }

  /**
   * Every third party's decision toward each actor b engaged in an active dyad, appended to
   * {@code pending}; runs in the decision phase, after the parties' own decisions.
   */
  void decideAll(PendingDecisions pending) {
    final int nA = m.nA;
    for (int b = 0; b < nA; b++) {
      if (!hasCrisis(b)) {
        continue;
      }
      for (int c = 0; c < nA; c++) {
        if (c != b && decides[c] && !situation.active(c, b)) {
          decide(c, b, pending);
        }
      }
    }
  }

  private boolean hasCrisis(int b) {
    for (int v = 0; v < m.nA; v++) {
      if (v != b && crisis(v, b)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether v faces b in a crisis a third party may take sides in: at war, or active with b's
   * forces threatening ground v holds (cached per decision phase).
   */
  private boolean crisis(int v, int b) {
    final int vb = v * m.nA + b;
    final long epoch = situation.epoch();
    if (crisisStamp[vb] == epoch) {
      return crisisOf[vb];
    }
    boolean on = state.war[vb];
    if (!on && situation.active(v, b)) {
      final int nT = m.nT;
      for (int t = 0; t < nT && !on; t++) {
        on = state.control[t] == v && state.threat[b * nT + t];
      }
    }
    crisisStamp[vb] = epoch;
    crisisOf[vb] = on;
    return on;
  }

  /** c, not active against b, may back the side of b's adversary v it has most stake in. */
  private void decide(int c, int b, PendingDecisions pending) {
    final int nA = m.nA;
    final double thr = constants.hostileThreshold();
    if (state.allied[c * nA + b] || m.actors.sponsor(b) == c) {
      return; // c takes no side against its own ally or client
    }
    int v = -1;
    double best = 0;
    for (int u = 0; u < nA; u++) {
      if (u == c || u == b || !crisis(u, b) || state.allied[u * nA + b]
          || m.relations.mediator(u * nA + b) == c
          || state.hostility[c * nA + u] >= thr || state.war[c * nA + u]) {
        continue;
      }
      stake(c, u, b);
      if (stakeWar > best + 1e-12) {
        best = stakeWar;
        v = u;
      }
    }
    if (v < 0) {
      return;
    }
    if ((state.supportDone[c * nA + b] & (WARNED | SANCTIONED | SHOWN))
        == (WARNED | SANCTIONED | SHOWN) && state.support[c * nA + v] >= constants.aidShare()) {
      return; // every support action taken: nothing left to do but wait
    }
    final double bestYield = yieldStake(c, v, b, best);
    final double r = m.types.typeRes(c, situation.typeOf(c));
    final double gH = constants.goldsteinHostility();
    final double crisis = constants.crisisCost();
    final double coerce = constants.coercionCost();
    // b's responses to pressure from v's side
    responses(v, b);
    int n = 0;
    final int cb = c * nA + b;
    final int done = state.supportDone[cb];
    n = add(n, Action.WAIT, -1, -1, 0);
    // a warning on v's behalf (once), a verbal threat read as cheap talk
    if ((done & WARNED) == 0) {
      n = add(n, Action.THREATEN, -1, v,
          pVerbal * bestYield - crisis * -Action.THREATEN.goldstein() * gH);
    }
    // sanctions (once: they stand until a deal between v and b): their pain weighs on b's
    // holding out against v
    if ((done & SANCTIONED) == 0) {
      n = add(n, Action.SANCTION, -1, v,
          pMaterial * bestYield - coerce - crisis * -Action.SANCTION.goldstein() * gH);
    }
    // arms and aid to v: a standing commitment of aidShare of c's strength on v's side, and
    // proxyBoost on v's effectiveness; worth the rise of v's chance of prevailing
    if (state.support[c * nA + v] < constants.aidShare() && state.totW[v] > 0) {
      double sv = situation.sideStrength(v, b);
      double sb = situation.sideStrength(b, v);
      double had = Math.min(1.0, state.cred[c * nA + v] + state.support[c * nA + v]);
      double gets = Math.min(1.0, state.cred[c * nA + v] + constants.aidShare());
      double sv2 = sv + (gets - had) * state.totW[c] + constants.proxyBoost() * state.totW[v];
      double dp = squareShare(sv2, sb) - squareShare(sv, sb);
      n = add(n, Action.ARM_PROXY, -1, v,
          best * dp - coerce - crisis * 4 * gH);
    }
    // a show of force: forces sent to a theater of c or an ally that b threatens
    if ((done & SHOWN) == 0 && movement.plan(c, b, false)) {
      int d = movement.planTheater;
      double hvb = state.hostility[v * nA + b];
      double local = r * m.motives.priorTerr(c, d) * movement.planGain * hvb;
      n = add(n, Action.DEPLOY, d, movement.planSource,
          pMaterial * bestYield + local - coerce - crisis * -Action.DEPLOY.goldstein() * gH);
    }
    if (n == 1) {
      return; // nothing left to do but wait
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, util[i]);
    }
    final double lam = constants.lambda();
    for (int i = 0; i < n; i++) {
      double d = lam * (util[i] - max);
      prob[i] = d < -40 ? 0 : FastMath.expInRange(d);
    }
    int chosen = state.rng.pick(prob, 0, n);
    Decisions.tally(state, util, prob, 0, n, chosen);
    if (trace.on()) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += prob[i];
      }
      for (int i = 0; i < n; i++) {
        prob[i] /= s;
      }
      trace.note(state.week, String.format(java.util.Locale.ROOT,
          "%s has a stake in %s's crisis with %s (%.3f if %s prevails, %.3f if %s yields)",
          m.actorId(c), m.actorId(v), m.actorId(b), best, m.actorId(v), bestYield,
          m.actorId(b)));
      trace.tracer().decision(owner, state.week, c, b, n, act, theater, util, prob, chosen);
    }
    Action a = Action.of(act[chosen]);
    if (a == Action.WAIT) {
      return;
    }
    if (a == Action.THREATEN) {
      state.supportDone[cb] |= WARNED;
    } else if (a == Action.DEPLOY) {
      state.supportDone[cb] |= SHOWN;
    } else if (a == Action.SANCTION) {
      state.supportDone[cb] |= SANCTIONED;
    }
    int p = pending.add(c, b, a, theater[chosen], aux[chosen], situation.noiseOf(c, b));
    // b does not learn c's type from it: c is no party to the bargaining
    java.util.Arrays.fill(pending.lik, p * m.types.maxTypes(), (p + 1) * m.types.maxTypes(), 1.0);
  }

  private int add(int n, Action a, int t, int with, double u) {
    act[n] = a.ordinal();
    theater[n] = t;
    aux[n] = with;
    util[n] = u;
    return n + 1;
  }

  /**
   * c's stake in v prevailing over b in a war rather than b (stakeWar, at least 0), under c's
   * true type: issues, the territory at risk, an ally's commitment, deterrence of b.
   */
  private void stake(int c, int v, int b) {
    final int nA = m.nA;
    final int nT = m.nT;
    final int k = situation.typeOf(c);
    final int mo = m.types.typeMot(c, k);
    final double r = m.types.typeRes(c, k);
    final MotiveTables mt = m.motives;
    double terr = 0;
    for (int t = 0; t < nT; t++) {
      final double value = mt.terr(c, mo, t);
      if (value <= 0) {
        continue;
      }
      int h = state.control[t];
      if (h >= 0 && (h == v || state.allied[v * nA + h]) && state.threat[b * nT + t]) {
        terr += value;
      }
    }
    double issues = r * mt.alignment(c, mo, v, b);
    stakeWar = Math.max(0, issues + r * terr + common(c, v, b, mo));
  }

  /**
   * What c's stake owes to commitments: an ally's defence (a sponsor's client counts as an ally
   * whose defence is certain), the deterrence of b.
   */
  private double common(int c, int v, int b, int mo) {
    final MotiveTables mt = m.motives;
    final double cred = m.actors.sponsor(v) == c ? 1.0 : state.cred[c * m.nA + v];
    return cred * constants.audienceCost()
        + (mt.deterActor(c, mo) == b ? mt.deterWeight(c, mo) : 0);
  }

  /**
   * c's stake in b yielding to v (the point moved toward v instead of the status quo on the
   * ground), at least 0; 0 when c has no stake in v prevailing ({@code war} 0).
   */
  private double yieldStake(int c, int v, int b, double war) {
    if (war <= 0) {
      return 0;
    }
    final int k = situation.typeOf(c);
    final int mo = m.types.typeMot(c, k);
    final double r = m.types.typeRes(c, k);
    final MotiveTables mt = m.motives;
    valuation.motives(c, b, mvC);
    double yield = r * (mt.uOfferTo(c, mo, v) - mvC.sq(mt.uSq(c, mo), mo));
    return Math.max(0, yield + common(c, v, b, mo));
  }

  private double pVerbal;
  private double pMaterial;

  /**
   * The chance that b yields to v under a verbal threat (halved: cheap talk) and under material
   * pressure, by the look-ahead's rules (docs/model.md) over v's belief about b's types: a third
   * party reads the crisis through the side it backs. Computed once per pair and decision phase.
   */
  private void responses(int v, int b) {
    final int nA = m.nA;
    final int vb = v * nA + b;
    final long epoch = situation.epoch();
    if (respStamp[vb] == epoch) {
      pVerbal = respVerbal[vb];
      pMaterial = respMaterial[vb];
      return;
    }
    final int nTb = m.types.nTypes(b);
    final int bo = vb * m.types.maxTypes();
    final double pb = situation.winProb(b, v);
    final Valuation.Motives mv = valuation.motives(b, v, mvB);
    final double acB = constants.audienceCost() * state.rhetoric[b * nA + v];
    final double lam = constants.lambda();
    final double pain = constants.coercionPain();
    double verbal = 0;
    double material = 0;
    for (int k = 0; k < nTb; k++) {
      final double bel = state.belief[bo + k];
      if (bel == 0) {
        continue;
      }
      valuation.values(mv, b, k, v, pb, tv);
      final int mo = m.types.typeMot(b, k);
      final double y = tv.res * m.motives.uOfferTo(b, mo, v) - acB;
      final double alt = Math.max(tv.hold, tv.w);
      verbal += bel * Valuation.sigmoid(lam * (y - alt));
      material += bel * Valuation.sigmoid(lam * (y - Math.max(tv.hold - pain, tv.w)));
    }
    pVerbal = 0.5 * verbal;
    pMaterial = material;
    respStamp[vb] = epoch;
    respVerbal[vb] = pVerbal;
    respMaterial[vb] = pMaterial;
  }

  private static double squareShare(double fa, double fb) {
    double x = fa * fa;
    double y = fb * fb;
    return x + y > 0 ? x / (x + y) : 0.5;
  }
}
