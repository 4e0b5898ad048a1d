package org.detente.engine;

import java.util.Arrays;
import org.detente.scenario.DoctrineKind;
import org.detente.scenario.TargetKind;

/**
 * What the state of a run implies, read by several steps: who is active against whom, the
 * theaters of contact, side strengths and win probabilities, nuclear retaliation and the
 * doctrines' thresholds, the theaters an action would aim at, partners and proxies. {@link
 * #assess} refreshes the quantities derived once per week (weighted forces, threatened theaters,
 * retaliation, contested homes) into the state. While the actors decide, the state does not
 * change: {@link #beginDecisions} opens a phase in which side strengths (and, in {@link
 * Valuation}, motive values) are computed once per pair and served from phase caches.
 */
final class Situation {

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private boolean decisionPhase;
  private long sideEpoch;
  private final double[] sideCache; // [a*nA+b]: side strength of a against b, this phase
  private final long[] sideStamp;

  Situation(CompiledModel m, RunState state) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    sideCache = new double[m.nA * m.nA];
    sideStamp = new long[m.nA * m.nA];
  }

  /** Opens the decision phase: the state is constant until {@link #endDecisions}. */
  void beginDecisions() {
    decisionPhase = true;
    sideEpoch++;
  }

  /** Closes the decision phase; the phase caches are no longer served. */
  void endDecisions() {
    decisionPhase = false;
    sideEpoch++;
  }

  /** Whether the actors are deciding (the state is constant). */
  boolean inDecisions() {
    return decisionPhase;
  }

  /** The current phase's stamp, for caches kept per phase. */
  long epoch() {
    return sideEpoch;
  }

  int typeOf(int a) {
    return state.trueRes[a] * m.types.nMot(a) + state.trueMot[a];
  }

  boolean active(int a, int b) {
    int ab = a * m.nA + b;
    return state.war[ab] || state.hostility[ab] >= constants.hostileThreshold();
  }

  void assess() {
    int nA = m.nA;
    int nT = m.nT;
    Arrays.fill(state.threat, false);
    for (int a = 0; a < nA; a++) {
      double w = 0;
      int base = a * nT;
      for (int t = 0; t < nT; t++) {
        double f = state.forces[base + t];
        if (f > 0) {
          w += f * state.eff[base + t];
          state.threat[base + t] = true;
          for (int jn = 0, jnn = m.theaters.neighbourCount(t); jn < jnn; jn++) {
            int u = m.theaters.neighbour(t, jn);
            state.threat[base + u] = true;
          }
        }
      }
      state.totW[a] = w + state.inTransitW[a];
    }
    reassess();
  }

  void reassess() {
    int nA = m.nA;
    for (int a = 0; a < nA; a++) {
      state.retaliation[a] = computeRetaliation(a);
      state.contested[a] = computeContested(a);
    }
  }

  double noiseOf(int a, int b) {
    return constants.noise(state.channel[a * m.nA + b]);
  }

  boolean canTalk(int a, int b) {
    int ab = a * m.nA + b;
    return state.channel[ab] != RunState.SEVERED || m.relations.mediator(ab) >= 0;
  }

  /** A theater where a and b are in contact (forces in the same or adjacent theaters), or -1. */
  int contactTheater(int a, int b) {
    int nT = m.nT;
    for (int t = 0; t < nT; t++) {
      if (state.forces[a * nT + t] > 0 && state.threat[b * nT + t]) {
        return t;
      }
    }
    return -1;
  }

  /** Probability that a prevails over b in war: Lanchester-square contest over weighted forces. */
  double winProb(int a, int b) {
    double fa = sideStrength(a, b);
    double fb = sideStrength(b, a);
    return squareShare(fa, fb);
  }

  double sideStrength(int a, int b) {
    int ab = a * m.nA + b;
    if (decisionPhase && sideStamp[ab] == sideEpoch) {
      return sideCache[ab];
    }
    double s = computeSideStrength(a, b);
    if (decisionPhase) {
      sideStamp[ab] = sideEpoch;
      sideCache[ab] = s;
    }
    return s;
  }

  private double computeSideStrength(int a, int b) {
    int nA = m.nA;
    double s = state.totW[a];
    for (int c = 0; c < nA; c++) {
      double cr = state.cred[c * nA + a];
      double sup = cr + state.support[c * nA + a];
      if (sup > 0 && c != b && !state.war[c * nA + a]) {
        s += Math.min(1.0, sup) * state.totW[c];
      }
    }
    return s;
  }

  /** Probability b (or a nuclear ally of b) retaliates with nuclear weapons (cached per step). */
  double retaliationBy(int b) {
    return state.retaliation[b];
  }

  private double computeRetaliation(int b) {
    double r = state.nuclearArmed(b) ? m.actors.retaliation(b) : 0;
    int nA = m.nA;
    for (int c = 0; c < nA; c++) {
      double cr = state.cred[c * nA + b];
      if (cr > 0 && state.nuclearArmed(c)) {
        r = Math.max(r, cr * m.actors.retaliation(c));
      }
    }
    return r;
  }

  double escalationRiskFrom(int b) {
    return retaliationBy(b) > 0 || state.nuclearArmed(b) ? constants.escalationRisk() : 0;
  }

  /** Share of the theaters a held or called home at week 0 now held by an enemy at war. */
  private double lossShare(int a, boolean homeOnly) {
    int nT = m.nT;
    int nA = m.nA;
    int lost = 0;
    int base = 0;
    for (int t = 0; t < nT; t++) {
      boolean mine = m.theaters.home(t) == a || (!homeOnly && m.theaters.control0(t) == a);
      if (!mine) {
        continue;
      }
      base++;
      int c = state.control[t];
      if (c >= 0 && c != a && state.war[a * nA + c]) {
        lost++;
      }
    }
    return base == 0 ? 0 : (double) lost / base;
  }

  boolean nuclearUnlocked(int a, int b) {
    if (!state.nuclearArmed(a)) {
      return false;
    }
    if (state.struck[a]) {
      return true;
    }
    int d = m.actors.doctrine(a);
    boolean atWar = state.war[a * m.nA + b];
    if (d == DoctrineKind.ESCALATE_TO_DEESCALATE.ordinal()) {
      return atWar && lossShare(a, false) >= m.actors.doctrineThreshold(a);
    }
    if (d == DoctrineKind.EXISTENTIAL.ordinal()) {
      return atWar && m.theaters.homeCount(a) > 0
          && lossShare(a, true) >= m.actors.doctrineThreshold(a);
    }
    return false;
  }

  boolean strategicUnlocked(int a, int b) {
    if (state.st[a] <= 0) {
      return false;
    }
    if (state.struck[a]) {
      return true;
    }
    int d = m.actors.doctrine(a);
    boolean existential = d != DoctrineKind.NONE.ordinal()
        && d != DoctrineKind.NO_FIRST_USE.ordinal() && state.war[a * m.nA + b]
        && m.theaters.homeCount(a) > 0 && lossShare(a, true) >= m.actors.doctrineThreshold(a);
    return existential;
  }

  /**
   * Share of x's forces committed against y: those in theaters where y has forces too. A great
   * power fighting with a fraction of its army bears that fraction of the war's running cost.
   */
  double engagedShare(int x, int y) {
    int nT = m.nT;
    double all = 0;
    double in = 0;
    for (int t = 0; t < nT; t++) {
      double f = state.forces[x * nT + t];
      if (f > 0) {
        all += f;
        if (state.forces[y * nT + t] > 0) {
          in += f;
        }
      }
    }
    return all > 0 ? in / all : 0;
  }

  /**
   * How far the crisis has ripened: 1 − exp(−(w + 1)/τ), w the weeks since the run began (the
   * scenario's as-of date, a generated crisis's trigger) and τ = ripeningWeeks. The strain of an
   * unresolved crisis (crisisCost·h) is felt as it accumulates, as the running cost of a war is
   * (Zartman 1989, 2000: a crisis is ripe for settlement when both sides find themselves in a
   * stalemate that hurts), so in a crisis's first weeks holding on is worth nearly the status
   * quo and a deal is inside both ranges only if it gives neither side less than the status quo;
   * the danger of nuclear escalation is felt at once (Schelling 1960). At war the strain is
   * felt in full from the start (the war's own running cost ripens by {@link #ripeness}).
   */
  double crisisRipeness() {
    return 1 - FastMath.exp(-(state.week + 1) / constants.ripeningWeeks());
  }

  /**
   * How far the war between x and y has ripened into a hurting stalemate: 1 − exp(−d/τ), d the
   * weeks since it began and τ = ripeningWeeks. The running cost of a war is felt as it
   * accumulates (Zartman 2000), so a side does not count the full cost of fighting on in the
   * war's first weeks, and a settlement is not yet worth its audience cost.
   */
  double ripeness(int x, int y) {
    final int d = state.week - state.warStart[x * m.nA + y];
    return d <= 0 ? 0 : 1 - FastMath.exp(-d / constants.ripeningWeeks());
  }

  /** Lanchester-square share of side a: fa² / (fa² + fb²), one half when both are zero. */
  private static double squareShare(double fa, double fb) {
    double x = fa * fa;
    double y = fb * fb;
    return x + y > 0 ? x / (x + y) : 0.5;
  }

  /** a's theater with most forces among those in contact with b, or -1 (b's strongest theater
   * facing a is {@code frontTheater(b, a)}). */
  int frontTheater(int a, int b) {
    int nT = m.nT;
    int best = -1;
    double bf = 0;
    for (int t = 0; t < nT; t++) {
      double f = state.forces[a * nT + t];
      if (f > bf && state.threat[b * nT + t]) {
        bf = f;
        best = t;
      }
    }
    return best;
  }

  /** The theater a would attack: held by b (or with b's forces), reachable by a's forces. */
  int attackTheater(int a, int b) {
    int nT = m.nT;
    int best = -1;
    double bv = -1;
    for (int t = 0; t < nT; t++) {
      boolean bHolds = state.control[t] == b
          || (state.forces[b * nT + t] > 0 && state.control[t] != a
              && (state.control[t] < 0 || !state.allied[a * m.nA + state.control[t]]));
      if (!bHolds || !state.threat[a * nT + t]) {
        continue;
      }
      double v = m.motives.priorTerr(a, t) + 0.01 * localWinProb(a, b, t);
      if (v > bv + 1e-12) {
        bv = v;
        best = t;
      }
    }
    return best;
  }

  double localWinProb(int a, int b, int t) {
    int nT = m.nT;
    double fa = state.forces[a * nT + t] * state.eff[a * nT + t];
    if (fa <= 0) {
      for (int jn = 0, jnn = m.theaters.neighbourCount(t); jn < jnn; jn++) {
        int u = m.theaters.neighbour(t, jn);
        fa = Math.max(fa,
            constants.attackCommit() * state.forces[a * nT + u] * state.eff[a * nT + u]);
      }
    }
    double fb = state.forces[b * nT + t] * state.eff[b * nT + t]
        * (state.control[t] == b ? m.theaters.terrainMult(t) : 1);
    return squareShare(fa, fb);
  }

  /**
   * The share of a's forces an attack on theater t commits anew: none when a already has forces
   * there (they fight every week anyway), else {@code attackCommit} of its largest force next
   * door, over all its forces.
   */
  double attackEngagement(int a, int t) {
    int nT = m.nT;
    if (state.forces[a * nT + t] > 0) {
      return 0;
    }
    double moved = 0;
    for (int jn = 0, jnn = m.theaters.neighbourCount(t); jn < jnn; jn++) {
      int u = m.theaters.neighbour(t, jn);
      moved = Math.max(moved, constants.attackCommit() * state.forces[a * nT + u]);
    }
    double all = 0;
    for (int u = 0; u < nT; u++) {
      all += state.forces[a * nT + u];
    }
    return all > 0 ? moved / all : 0;
  }

  /** Win probability of a over b after a nuclear strike on b's forces in theater t. */
  double afterStrikeWinProb(int a, int b, int t) {
    if (t < 0) {
      return winProb(a, b);
    }
    double fa = sideStrength(a, b);
    double fb = sideStrength(b, a)
        - constants.nuclearForceKill() * state.forces[b * m.nT + t] * state.eff[b * m.nT + t];
    fb = Math.max(0, fb);
    return squareShare(fa, fb);
  }

  /** A theater of b (home, else controlled) with an unstruck city target, or -1. */
  int cityTheaterOf(int b, boolean homeOnly) {
    int nT = m.nT;
    for (int pass = 0; pass < 2; pass++) {
      for (int t = 0; t < nT; t++) {
        boolean ok = pass == 0 ? m.theaters.home(t) == b : !homeOnly && state.control[t] == b;
        if (!ok) {
          continue;
        }
        for (int jt = 0, jtn = m.casualties.targetCount(t); jt < jtn; jt++) {
          int k = m.casualties.target(t, jt);
          if (!state.targetHit[k] && m.casualties.targetKind(k) == TargetKind.CITY.ordinal()) {
            return t;
          }
        }
      }
    }
    return -1;
  }

  /** An actor fighting b that a could arm, or -1. */
  int proxyFor(int a, int b) {
    int nA = m.nA;
    // a sponsor arms its own client first: at war with b, or active against it
    for (int c = 0; c < nA && m.actors.sponsors(a); c++) {
      if (c != b && m.actors.sponsor(c) == a && !state.war[a * nA + c]
          && (state.war[c * nA + b]
              || state.hostility[c * nA + b] >= constants.hostileThreshold())) {
        return c;
      }
    }
    for (int c = 0; c < nA; c++) {
      if (c != a && c != b && state.war[c * nA + b] && !state.war[a * nA + c]
          && state.hostility[a * nA + c] < constants.hostileThreshold()) {
        return c;
      }
    }
    return -1;
  }

  /** Whether forces of an actor hostile to x stand on x's home territory (cached per step). */
  boolean contested(int x) {
    return state.contested[x];
  }

  private boolean computeContested(int x) {
    int nA = m.nA;
    int nT = m.nT;
    for (int t = 0; t < nT; t++) {
      if (m.theaters.home(t) != x) {
        continue;
      }
      for (int y = 0; y < nA; y++) {
        if (y != x && state.forces[y * nT + t] > 0
            && state.hostility[x * nA + y] >= constants.hostileThreshold()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A friendly actor hostile to b with whom a has no alliance yet, or -1. Alliances form in
   * peacetime only, between states without hostile forces on their soil: no state takes on a
   * partner at war or with an open territorial conflict (the condition NATO set for new members
   * in its 1995 Study on Enlargement), nor joins one while at war itself.
   */
  int partnerAgainst(int a, int b) {
    int nA = m.nA;
    if (state.atWarAny(a) || contested(a)) {
      return -1;
    }
    for (int c = 0; c < nA; c++) {
      if (state.atWarAny(c) || contested(c)) {
        continue;
      }
      if (c != a && c != b && !state.allied[a * nA + c] && !m.actors.nonState(c)
          && state.hostility[c * nA + b] >= constants.hostileThreshold()
          && state.hostility[a * nA + c] < constants.hostileThreshold() && !state.war[a * nA + c]
          && state.totW[c] > 0) {
        return c;
      }
    }
    return -1;
  }
}
