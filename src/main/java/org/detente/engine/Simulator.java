package org.detente.engine;

import org.detente.model.Action;
import org.detente.model.Outcome;
import java.util.Arrays;
import org.detente.engine.Lanchester;
import org.detente.scenario.DoctrineKind;
import org.detente.scenario.QuestionKind;
import org.detente.scenario.TargetKind;

/**
 * Simulates single runs of a {@link CompiledModel} in a reusable {@link RunState} (no allocation per step)
 * and exposes the finished run as a {@link RunView}. A run is a pure function of the model and the
 * run's seed. Not thread-safe: one simulator per worker thread. docs/model.md documents every
 * equation used here.
 */
public final class Simulator implements RunView {

  /** Events kept per run; later events still count for questions and outcomes. */
  public static final int LOG_CAPACITY = RunState.LOG_CAPACITY;

  private static final int OPEN = RunState.OPEN;
  private static final int DEGRADED = RunState.DEGRADED;
  private static final int SEVERED = RunState.SEVERED;
  private static final int NK = RunState.NK;
  // the feasible actions of one decision: each action at most once
  private static final int MAXC = Action.values().length;
  private static final int NZ = 5; // the most coefficients in one action's utility row
  /** Hostility at week 0 at or above which a pair is at war from the start. */
  static final double WAR_HOSTILITY = RunState.WAR_HOSTILITY;
  /**
   * Posterior probability below which a type is ruled out: one in a million, below what an
   * ensemble of 10^5 runs can resolve; ruled-out types need no quantal response.
   */
  static final double BELIEF_FLOOR = 1e-6;

  private static final Action[] ACTIONS = Action.values();

  private final CompiledModel m;
  private Tracer tracer;

  // ---- the run ------------------------------------------------------------------------------------
  private final RunState state;
  private boolean decisionPhase;
  private long sideEpoch;
  private final double[] sideCache; // [a*nA+b]: side strength of a against b, this phase
  private final long[] sideStamp;
  private final double[] gainM; // per motive scratch
  private final double[] loseM;

  // ---- decision scratch --------------------------------------------------------------------------
  private final int[] pendActor;
  private final int[] pendTarget;
  private final Action[] pendAction;
  private final int[] pendTheater;
  private final int[] pendAux; // recipient of arm-proxy / partner of alliance
  private final double[] pendLik; // [p*maxTypes + type]
  private final double[] pendNoise;
  private int nPend;
  private boolean refreshCachesAfterNuclear;
  private final Action[] cAct = new Action[MAXC];
  private final int[] trAct = new int[MAXC];
  private final int[] cTh = new int[MAXC];
  private final int[] cAux = new int[MAXC];
  private final double[] util; // [type*MAXC + c]
  private final double[] prob; // [type*MAXC + c]
  private final double[] trUtil = new double[MAXC];
  private final double[] spVal = new double[MAXC * NZ];
  private final double[] trProb = new double[MAXC];
  private final double[] ratio = new double[MAXC];
  // whether a motive's resolve levels share one row of exponentials (likelihoodChain); off only
  // in tests, which compare it with the direct computation
  private boolean chainLikelihoods = true;
  // set by feasibleActions: a's front theater, attack theater, theater of b's forces a nuclear
  // strike would hit (-1: none), whether a nuclear option is feasible
  private int dFront;
  private int dAttackT;
  private int dNucForcesT;
  private boolean dHasNuclear;
  // set by lookAhead: belief-averaged probabilities of b's responses
  private double laDeal;
  private double laOffer;
  private double laCease;
  private double laYieldVerbal;
  private double laYieldMaterial;
  private double laEscMaterial;
  private double laYieldNuc;
  // a's utilities are affine in resolve for a given motive: u = res * uSlope + uIcpt, plus the two
  // piecewise features (max(0, deal - hold) and max(0, G - L)) with dense coefficients cR, cGL
  private final double[] uSlope; // [mo*MAXC + c]
  private final double[] uIcpt; // [mo*MAXC + c]
  private final double[] cR = new double[MAXC];
  private final double[] cGL = new double[MAXC];
  private final double[] rSlope; // per motive: deal - hold = res * rSlope + rIcpt
  private final double[] rIcpt;
  private final double[] glSlope; // per motive: G - L = res * glSlope + glIcpt
  private final double[] glIcpt;
  // per-motive values of x facing y, set by prepareMotives(x, y): G = res * mG1 + mG0,
  // L = res * mL1, war cost mCost
  private final double[] mG1;
  private final double[] mG0;
  private final double[] mL1;
  private final double[] mCost;
  // prepareMotives(x, y) for the decision phase (the state is constant while everybody decides):
  // [x*nA+y] stamp, engaged share and danger; [(x*nA+y)*4*maxMot + j*maxMot + mo] mG1, mG0, mL1,
  // mCost
  private final long[] pmStamp;
  private final double[] pmEngaged;
  private final double[] pmDanger;
  private final double[] pmValues;
  private final double[] lanch = new double[2];
  private final double[] sideF;

  /** A simulator for one compiled model. */
  public Simulator(CompiledModel model) {
    this.m = model;
    this.state = new RunState(model);
    int nA = m.nA;
    int nT = m.nT;
    sideCache = new double[nA * nA];
    sideStamp = new long[nA * nA];
    gainM = new double[m.maxMot];
    loseM = new double[m.maxMot];
    int maxPend = nA * (nA - 1) + 8;
    pendActor = new int[maxPend];
    pendTarget = new int[maxPend];
    pendAction = new Action[maxPend];
    pendTheater = new int[maxPend];
    pendAux = new int[maxPend];
    pendNoise = new double[maxPend];
    pendLik = new double[maxPend * m.maxTypes];
    util = new double[(m.maxTypes + 2) * MAXC]; // a row per type, and two scratch rows
    uSlope = new double[m.maxMot * MAXC];
    uIcpt = new double[m.maxMot * MAXC];
    rSlope = new double[m.maxMot];
    rIcpt = new double[m.maxMot];
    glSlope = new double[m.maxMot];
    glIcpt = new double[m.maxMot];
    mG1 = new double[m.maxMot];
    mG0 = new double[m.maxMot];
    mL1 = new double[m.maxMot];
    mCost = new double[m.maxMot];
    pmStamp = new long[nA * nA];
    pmEngaged = new double[nA * nA];
    pmDanger = new double[nA * nA];
    pmValues = new double[nA * nA * 4 * m.maxMot];
    prob = new double[(m.maxTypes + 2) * MAXC];
    sideF = new double[nA];
  }

  /**
   * Work done in the last run, for cost models: {decisions taken, quantal-response rows (the
   * decider's true type plus every type whose likelihood an observer needed), utility terms in
   * those rows (one per feasible action and row), counterpart types valued in look-aheads}.
   */
  public long[] lastRunWork() {
    return new long[] {state.workDecisions, state.workRows, state.workTerms, state.workCounterpartTypes};
  }

  /** The model simulated. */
  public CompiledModel model() {
    return m;
  }

  /** Installs a tracer (null to remove). */
  public void setTracer(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Simulates run {@code index} of an ensemble with master seed {@code masterSeed}. */
  public void run(long masterSeed, int index) {
    runSeeded(Rng.runSeed(masterSeed, index), index);
  }

  /** For tests: computes every likelihood row directly instead of chaining resolve levels. */
  void chainLikelihoods(boolean on) {
    chainLikelihoods = on;
  }

  /** Simulates one run from its own seed. */
  public void runSeeded(long runSeed, int index) {
    start(runSeed, index);
    continueRun();
  }

  /** Starts a run from its own seed: the state at week 0, nothing simulated yet. */
  void start(long runSeed, int index) {
    state.reset(m, runSeed, index);
    checkStepQuestions();
  }

  /** Simulates the weeks left from the current state to the end of the run. */
  void continueRun() {
    while (!done()) {
      advance();
    }
    finish();
  }

  /** Whether the run has reached its horizon or an absorbing outcome. */
  boolean done() {
    return state.week >= m.horizon || state.absorbed;
  }

  /** Continues from a copy of {@code from} (a state of this model, e.g. another run's mid-way). */
  void resume(RunState from) {
    state.copyFrom(from);
  }

  /** The state of the run in progress (or last finished). */
  RunState state() {
    return state;
  }

  /** Simulates one week; the week counter stays on a week in which the run was absorbed. */
  void advance() {
    if (week()) {
      state.week++;
    }
  }

  /** The steps of one week; false if an absorbing outcome ended the run during the week. */
  private boolean week() {
    // 1. scripted events and incidents
    while (state.nextEvent < m.evWeek.length && m.evWeek[state.nextEvent] <= state.week) {
      int e = state.nextEvent++;
      if (m.evWeek[e] == state.week) {
        scripted(e);
      }
      if (state.absorbed) {
        return false;
      }
    }
    computeForceTotals();
    incidents();
    // 2-3. decisions of active dyads (simultaneous), then observation and belief updates
    nPend = 0;
    // the state is constant while everybody decides: side strengths are cached for the phase
    decisionPhase = true;
    sideEpoch++;
    for (int a = 0; a < m.nA; a++) {
      for (int b = 0; b < m.nA; b++) {
        if (a != b && active(a, b)) {
          decide(a, b);
        }
      }
    }
    decisionPhase = false;
    sideEpoch++;
    for (int p = 0; p < nPend && !state.absorbed; p++) {
      applyDecision(p);
      if (refreshCachesAfterNuclear) {
        refreshCaches();
        refreshCachesAfterNuclear = false;
      }
    }
    if (state.absorbed) {
      return false;
    }
    // 5. resolution: combat
    combat();
    decayPressure();
    checkStepQuestions();
    checkSettlement();
    return true;
  }

  private int typeOf(int a) {
    return state.trueRes[a] * m.nMot[a] + state.trueMot[a];
  }

  // ------------------------------------------------------------------------------------------------
  // step helpers

  private boolean active(int a, int b) {
    int ab = a * m.nA + b;
    return state.war[ab] || state.hostility[ab] >= m.hostileThreshold;
  }

  private void computeForceTotals() {
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
          for (int u : m.neighbours[t]) {
            state.threat[base + u] = true;
          }
        }
      }
      state.totW[a] = w;
    }
    refreshCaches();
  }

  private void refreshCaches() {
    int nA = m.nA;
    for (int a = 0; a < nA; a++) {
      state.retaliation[a] = computeRetaliation(a);
      state.contested[a] = computeContested(a);
    }
  }

  private double noiseOf(int a, int b) {
    return m.noise[state.channel[a * m.nA + b]];
  }

  private boolean canTalk(int a, int b) {
    int ab = a * m.nA + b;
    return state.channel[ab] != SEVERED || m.mediator[ab] >= 0;
  }

  private void incidents() {
    if (m.incidentRate <= 0) {
      return;
    }
    int nA = m.nA;
    for (int a = 0; a < nA; a++) {
      for (int b = a + 1; b < nA; b++) {
        int ab = a * nA + b;
        double h = state.hostility[ab];
        if (h < m.hostileThreshold || state.war[ab]) {
          continue;
        }
        int t = contactTheater(a, b);
        if (t < 0) {
          continue;
        }
        double rate = m.incidentRate * h;
        if (state.rng.nextDouble() >= 1.0 - FastMath.exp(-rate)) {
          continue;
        }
        int x = state.rng.nextDouble() < 0.5 ? a : b;
        int y = x == a ? b : a;
        record(x, y, Action.INCIDENT, t);
        boolean clarified = state.rng.nextDouble() >= noiseOf(x, y);
        if (tracer != null) {
          tracer.note(state.week, "incident between " + m.actorIds[x] + " and " + m.actorIds[y]
              + " in " + m.theaterIds[t] + (clarified ? ": clarified over the channel"
              : ": not clarified, " + m.actorIds[y] + " reads it as deliberate"));
        }
        if (!clarified) {
          addHostility(x, y, m.incidentHostility);
          // the victim reads the incident as a sign of resolve: weight types by resolve level
          int off = (y * nA + x) * m.maxTypes;
          double s = 0;
          for (int k = 0; k < m.nTypes[x]; k++) {
            state.belief[off + k] *= m.resLevel[x][k / m.nMot[x]];
            s += state.belief[off + k];
          }
          normaliseBelief(off, m.nTypes[x], s, x);
        }
      }
    }
  }

  /** A theater where a and b are in contact (forces in the same or adjacent theaters), or -1. */
  private int contactTheater(int a, int b) {
    int nT = m.nT;
    for (int t = 0; t < nT; t++) {
      if (state.forces[a * nT + t] > 0 && state.threat[b * nT + t]) {
        return t;
      }
    }
    return -1;
  }

  private void normaliseBelief(int off, int n, double s, int about) {
    if (!(s > 0) || !Double.isFinite(s)) {
      System.arraycopy(m.typePrior[about], 0, state.belief, off, n);
      return;
    }
    double kept = 0;
    boolean pruned = false;
    for (int k = 0; k < n; k++) {
      double v = state.belief[off + k] / s;
      if (v < BELIEF_FLOOR && v > 0) {
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

  private void addHostility(int a, int b, double d) {
    int nA = m.nA;
    double h = Math.max(0, Math.min(1, state.hostility[a * nA + b] + d));
    state.hostility[a * nA + b] = h;
    state.hostility[b * nA + a] = h;
  }

  private void decayPressure() {
    for (int i = 0; i < state.pressure.length; i++) {
      state.pressure[i] *= 0.9;
    }
  }

  // ------------------------------------------------------------------------------------------------
  // decision values

  /** Probability that a prevails over b in war: Lanchester-square contest over weighted forces. */
  private double winProb(int a, int b) {
    double fa = sideStrength(a, b);
    double fb = sideStrength(b, a);
    double x = fa * fa;
    double y = fb * fb;
    return x + y > 0 ? x / (x + y) : 0.5;
  }

  private double sideStrength(int a, int b) {
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

  private boolean nuclearArmed(int a) {
    return state.ns[a] + state.st[a] > 0;
  }

  /** Probability b (or a nuclear ally of b) retaliates with nuclear weapons (cached per step). */
  private double retaliationBy(int b) {
    return state.retaliation[b];
  }

  private double computeRetaliation(int b) {
    double r = nuclearArmed(b) ? m.retaliation[b] : 0;
    int nA = m.nA;
    for (int c = 0; c < nA; c++) {
      double cr = state.cred[c * nA + b];
      if (cr > 0 && nuclearArmed(c)) {
        r = Math.max(r, cr * m.retaliation[c]);
      }
    }
    return r;
  }

  private double escalationRiskFrom(int b) {
    return retaliationBy(b) > 0 || nuclearArmed(b) ? m.escalationRisk : 0;
  }

  /**
   * Territorial stakes of x under motive mo against y: gainM[mo], the value of the theaters y
   * controls, and loseM[mo], the value of those x or an ally holds that y threatens.
   */
  private void territory(int x, int mo, int y) {
    double g = 0;
    double l = 0;
    final int nT = m.nT;
    final int nA = m.nA;
    final double[] tv = m.terr[x];
    final int off = mo * nT;
    for (int t : m.valued[x][mo]) {
      int c = state.control[t];
      if (c == y) {
        g += tv[off + t];
      }
      if (c >= 0 && (c == x || state.allied[x * nA + c]) && state.threat[y * nT + t]) {
        l += tv[off + t];
      }
    }
    gainM[mo] = g;
    loseM[mo] = l;
  }

  /** Share of the theaters a held or called home at week 0 now held by an enemy at war. */
  private double lossShare(int a, boolean homeOnly) {
    int nT = m.nT;
    int nA = m.nA;
    int lost = 0;
    int base = 0;
    for (int t = 0; t < nT; t++) {
      boolean mine = m.home[t] == a || (!homeOnly && m.control0[t] == a);
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

  private boolean nuclearUnlocked(int a, int b) {
    if (!nuclearArmed(a)) {
      return false;
    }
    if (state.struck[a]) {
      return true;
    }
    int d = m.doctrine[a];
    boolean atWar = state.war[a * m.nA + b];
    if (d == DoctrineKind.ESCALATE_TO_DEESCALATE.ordinal()) {
      return atWar && lossShare(a, false) >= m.doctrineThreshold[a];
    }
    if (d == DoctrineKind.EXISTENTIAL.ordinal()) {
      return atWar && m.homeCount[a] > 0 && lossShare(a, true) >= m.doctrineThreshold[a];
    }
    return false;
  }

  private boolean strategicUnlocked(int a, int b) {
    if (state.st[a] <= 0) {
      return false;
    }
    if (state.struck[a]) {
      return true;
    }
    int d = m.doctrine[a];
    boolean existential = d != DoctrineKind.NONE.ordinal() && d != DoctrineKind.NO_FIRST_USE.ordinal()
        && state.war[a * m.nA + b] && m.homeCount[a] > 0 && lossShare(a, true) >= m.doctrineThreshold[a];
    return existential;
  }


  // values of actor x of type k facing y (stake units); set by typeValues
  private double vW;
  private double vH;
  private double vSq;
  private double vRes;

  /**
   * The per-motive values of x facing y (docs/model.md, "Values"), all affine in resolve: G =
   * res·mG1 + mG0, L = res·mL1, the war cost mCost, plus the engaged share and the nuclear
   * danger. The state does not change during a decision phase, so there they are computed once
   * per pair and phase and served from pmValues.
   */
  private void prepareMotives(int x, int y) {
    final int xy = x * m.nA + y;
    final int nM = m.nMot[x];
    final int mm = m.maxMot;
    final int vo = xy * 4 * mm;
    if (decisionPhase && pmStamp[xy] == sideEpoch) {
      engaged = pmEngaged[xy];
      danger = pmDanger[xy];
      System.arraycopy(pmValues, vo, mG1, 0, nM);
      System.arraycopy(pmValues, vo + mm, mG0, 0, nM);
      System.arraycopy(pmValues, vo + 2 * mm, mL1, 0, nM);
      System.arraycopy(pmValues, vo + 3 * mm, mCost, 0, nM);
      return;
    }
    engaged = state.war[xy] ? engagedShare(x, y) : 0;
    danger = escalationRiskFrom(y) * m.catastropheCost * m.riskWeight[x];
    for (int mo = 0; mo < nM; mo++) {
      territory(x, mo, y);
      int deter = m.deterActor[x][mo];
      mG1[mo] = m.uIdeal[x][mo] + gainM[mo];
      mG0[mo] = deter == y ? m.deterWeight[x][mo] : 0;
      mL1[mo] = m.uLose[x][mo * m.nA + y] - loseM[mo];
      mCost[mo] = m.warCost * (1 + m.regimeSec[x][mo])
          + (deter >= 0 && deter != y ? m.deterWeight[x][mo] * m.warCost : 0);
    }
    if (decisionPhase) {
      pmStamp[xy] = sideEpoch;
      pmEngaged[xy] = engaged;
      pmDanger[xy] = danger;
      System.arraycopy(mG1, 0, pmValues, vo, nM);
      System.arraycopy(mG0, 0, pmValues, vo + mm, nM);
      System.arraycopy(mL1, 0, pmValues, vo + 2 * mm, nM);
      System.arraycopy(mCost, 0, pmValues, vo + 3 * mm, nM);
    }
  }

  // set by prepareMotives(x, y): share of x's forces engaged against y (at war), nuclear danger
  private double engaged;
  private double danger;

  /**
   * Share of x's forces committed against y: those in theaters where y has forces too. A great
   * power fighting with a fraction of its army bears that fraction of the war's running cost.
   */
  private double engagedShare(int x, int y) {
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
   * Values of actor x of private type k facing y, given x's win probability p: war (W), the
   * no-deal status quo in the shadow of power (Sq) and holding on for another step (H), written
   * to vW, vSq, vH (and its resolve to vRes). Requires {@link #prepareMotives}(x, y) first.
   */
  private void typeValues(int x, int k, int y, double p) {
    int nA = m.nA;
    int mo = m.typeMot[x][k];
    double res = m.typeRes[x][k];
    int xy = x * nA + y;
    double g = res * mG1[mo] + mG0[mo];
    double l = res * mL1[mo];
    double cost = mCost[mo];
    double w = p * g + (1 - p) * l - cost - danger;
    double sq = res * m.uSq[x][mo];
    double h = state.hostility[xy];
    double hold = sq - m.crisisCost * h * (1 + danger) - state.pressure[y * nA + x];
    if (state.war[xy]) {
      // fighting on as things stand: the status quo of the front, paying the war's running
      // cost (half the cost of a decisive war) in proportion to the share of x's forces
      // engaged against y; escalating to a decisive war is worth w
      hold -= 0.5 * cost * engaged;
    }
    vW = w;
    vSq = sq;
    vH = hold;
    vRes = res;
  }

  /**
   * Probability that a side accepts (or ratifies) a settlement worth delta more to it than its
   * alternative. In peacetime the logit quantal response; between parties at war a settlement
   * must lie inside the bargaining range (delta at least 0): a war ends only when both sides'
   * expectations leave them better off stopping (Fearon 1995; Goemans 2000; Reiter 2009), not
   * by a leadership's error.
   */
  private static double accept(double lambda, double delta, boolean atWar) {
    if (atWar) {
      return delta >= 0 ? 1.0 : 0.0;
    }
    return sigmoid(lambda * delta);
  }

  private static double sigmoid(double x) {
    if (x > 30) {
      return 1;
    }
    if (x < -30) {
      return 0;
    }
    return 1.0 / (1.0 + FastMath.exp(-x));
  }

  // ------------------------------------------------------------------------------------------------
  // the decision of a toward b

  private void decide(int a, int b) {
    final int ab = a * m.nA + b;
    final boolean atWar = state.war[ab];
    final double h = state.hostility[ab];
    final double p = winProb(a, b);
    final double pb = 1 - p;
    final boolean talk = canTalk(a, b);
    final int ch = state.channel[ab];

    final int n = feasibleActions(a, b, atWar, talk, ch);
    final int attackT = dAttackT;
    lookAhead(a, b, pb, atWar, talk, ch, h, dFront, dHasNuclear);
    final double acA = m.audienceCost * state.rhetoric[ab];
    coefficients(a, b, n, p, h, acA, atWar, attackT, dNucForcesT);
    final double lam = m.lambda;
    prepareMotives(a, b);
    motiveTables(a, b, p, acA, attackT, n);
    // the true type first: its quantal response is the decision
    final int tk = typeOf(a);
    final int row = tk * MAXC;
    final double max = utilities(state.trueMot[a], m.resLevel[a][state.trueRes[a]], n, row);
    state.workDecisions++;
    state.workRows++;
    state.workTerms += n;
    for (int c = 0; c < n; c++) {
      double d = lam * (util[row + c] - max);
      // below 4e-18 of the largest weight: never drawn in practice, and left out of the sums
      prob[row + c] = d < -40 ? 0 : FastMath.expInRange(d);
    }
    int chosen = state.rng.pick(prob, row, n);
    double eps = noiseOf(a, b);
    int perceived = state.rng.nextDouble() < eps ? state.rng.nextInt(n) : chosen;
    if (tracer != null) {
      traceDecision(a, b, n, row, chosen, perceived, eps);
    }
    Action act = cAct[chosen];
    if (act == Action.WAIT && m.nTypes[a] == 1) {
      return; // nothing observable, nothing to learn
    }
    int pi = nPend++;
    pendActor[pi] = a;
    pendTarget[pi] = b;
    pendAction[pi] = act;
    pendTheater[pi] = cTh[chosen];
    pendAux[pi] = cAux[chosen];
    pendNoise[pi] = eps;
    likelihoods(a, b, pi, n, tk, perceived, eps);
  }

  private void traceDecision(int a, int b, int n, int row, int chosen, int perceived,
      double eps) {
    final int ab = a * m.nA + b;
    double s = 0;
    for (int c = 0; c < n; c++) {
      s += prob[row + c];
    }
    for (int c = 0; c < n; c++) {
      trUtil[c] = util[row + c];
      trProb[c] = prob[row + c] / s;
    }
    for (int c = 0; c < n; c++) {
      trAct[c] = cAct[c].ordinal();
    }
    tracer.decision(this, state.week, a, b, n, trAct, cTh, trUtil, trProb, chosen);
    if (perceived != chosen) {
      tracer.note(state.week, m.actorIds[b] + " misreads " + m.actorIds[a] + "'s "
          + cAct[chosen].id() + " as " + cAct[perceived].id()
          + " (channel " + channelName(state.channel[ab]) + ", noise " + eps + ")");
    }
  }

  /**
   * a's feasible actions toward b, written to cAct, cTh and cAux; returns their number. Sets
   * dFront, dAttackT, dNucForcesT and dHasNuclear.
   */
  private int feasibleActions(int a, int b, boolean atWar, boolean talk, int ch) {
    int n = 0;
    n = add(n, Action.WAIT, -1, -1);
    n = add(n, Action.INTENT_TO_COOPERATE, -1, -1);
    n = add(n, Action.INSULT, -1, -1);
    n = add(n, Action.THREATEN, -1, -1);
    n = add(n, Action.CONCEDE, -1, -1);
    if (talk) {
      n = add(n, Action.CONSULT, -1, -1);
      n = add(n, Action.NEGOTIATE, -1, -1);
      n = add(n, Action.OFFER, -1, -1);
      if (atWar) {
        n = add(n, Action.CEASEFIRE, -1, -1);
      }
    }
    if (ch != OPEN) {
      n = add(n, Action.RESTORE_RELATIONS, -1, -1);
    }
    if (ch != SEVERED) {
      n = add(n, Action.THREATEN_BREAK_RELATIONS, -1, -1);
      n = add(n, Action.BREAK_RELATIONS, -1, -1);
    }
    if (!atWar) {
      n = add(n, Action.SANCTION, -1, -1);
    }
    final int front = frontTheater(a, b);
    if (front >= 0) {
      n = add(n, Action.MOBILIZE, front, -1);
      if (!atWar) {
        n = add(n, Action.BLOCKADE, front, -1);
      }
    }
    final int attackT = attackTheater(a, b);
    if (attackT >= 0) {
      n = add(n, Action.ATTACK, attackT, -1);
    }
    int proxy = atWar ? -1 : proxyFor(a, b);
    if (proxy >= 0) {
      n = add(n, Action.ARM_PROXY, -1, proxy);
    }
    int partner = partnerAgainst(a, b);
    if (partner >= 0) {
      n = add(n, Action.FORM_ALLIANCE, -1, partner);
    }
    if (nuclearArmed(a) && m.doctrine[a] != DoctrineKind.NONE.ordinal()) {
      n = add(n, Action.THREATEN_NUCLEAR, -1, -1);
    }
    int nucForcesT = -1;
    int cityT = -1;
    if (nuclearUnlocked(a, b)) {
      n = add(n, Action.NUCLEAR_DEMONSTRATION, -1, -1);
      if (state.ns[a] > 0) {
        nucForcesT = strongestTheaterOf(b, a);
        if (nucForcesT >= 0) {
          n = add(n, Action.NUCLEAR_STRIKE_FORCES, nucForcesT, -1);
        }
        cityT = cityTheaterOf(b, false);
        if (cityT >= 0) {
          n = add(n, Action.NUCLEAR_STRIKE_CITY, cityT, -1);
        }
      }
    }
    if (strategicUnlocked(a, b)) {
      n = add(n, Action.STRATEGIC_COUNTERFORCE, -1, -1);
      n = add(n, Action.STRATEGIC_COUNTERVALUE, -1, -1);
    }
    boolean hasNuclearOption = false;
    for (int c = 0; c < n; c++) {
      Action x = cAct[c];
      if (x == Action.NUCLEAR_DEMONSTRATION || x == Action.NUCLEAR_STRIKE_FORCES || x == Action.NUCLEAR_STRIKE_CITY) {
        hasNuclearOption = true;
      }
    }

    dFront = front;
    dAttackT = attackT;
    dNucForcesT = nucForcesT;
    dHasNuclear = hasNuclearOption;
    return n;
  }

  /**
   * a's look-ahead: b's values for each of its types a still deems possible, and the
   * belief-averaged probabilities of b's responses (accepting a deal, an offer or a ceasefire;
   * yielding to or escalating against coercion), written to the la* fields.
   */
  private void lookAhead(int a, int b, double pb, boolean atWar, boolean talk, int ch, double h,
      int front, boolean hasNuclearOption) {
    final int nA = m.nA;
    final int ab = a * nA + b;
    final int ba = b * nA + a;
    // ---- counterpart's values per type (public state + b's possible types)
    final int nTb = m.nTypes[b];
    final double acB = m.audienceCost * state.rhetoric[ba];
    final double kB = m.catastropheCost * m.riskWeight[b];
    final int bo = ab * m.maxTypes;
    prepareMotives(b, a);
    // belief-averaged response probabilities of b (a's look-ahead), each type's values used at
    // once
    double pAccDeal = 0;
    double pAccOffer = 0;
    double pAccCease = 0;
    double pYieldVerbal = 0;
    double pYieldMaterial = 0;
    double pEscMaterial = 0;
    double pYieldNuc = 0;
    final double lam = m.lambda;
    final double pain = m.coercionPain;
    final double acShare = acB * m.dealAudienceShare;
    final double ceaseCost = m.crisisCost * h;
    final double nucRisk = m.followOnRisk * kB;
    final boolean material = !atWar || front >= 0;
    final boolean restoreOnly = !talk && ch != OPEN;
    final int[] typeMot = m.typeMot[b];
    final double[] uDeal = m.uDeal[b];
    final double[] uYieldedTo = m.uYieldedTo[b];
    final double[] uOfferTo = m.uOfferTo[b];
    for (int k = 0; k < nTb; k++) {
      final double bel = state.belief[bo + k];
      if (bel == 0) {
        continue; // a rules this type out
      }
      final int mo = typeMot[k];
      typeValues(b, k, a, pb);
      state.workCounterpartTypes++;
      final double w = vW;
      final double hold = vH;
      final double res = vRes;
      final double y = res * uOfferTo[mo * nA + a] - acB;
      final double out = Math.max(hold, w);
      // only the responses to feasible actions are needed
      if (talk) {
        pAccDeal += bel * accept(lam, res * uDeal[mo] - acShare - out, atWar);
        pAccOffer += bel * accept(lam, res * uYieldedTo[mo * nA + a] - acShare - out, atWar);
        if (atWar) {
          pAccCease += bel * accept(lam, vSq - ceaseCost - acShare - out, true);
        }
      } else if (restoreOnly) {
        // restore-relations looks ahead to a deal
        pAccDeal += bel * sigmoid(lam * (res * uDeal[mo] - acShare - out));
      }
      pYieldVerbal += bel * sigmoid(lam * (y - out));
      if (material) {
        pYieldMaterial += bel * sigmoid(lam * (y - Math.max(hold - pain, w)));
        pEscMaterial += bel * sigmoid(lam * (w - Math.max(hold - pain, y)));
      }
      if (hasNuclearOption) {
        pYieldNuc += bel * sigmoid(lam * (y - Math.max(hold - 4 * pain, w - nucRisk)));
      }
    }
    laDeal = pAccDeal;
    laOffer = pAccOffer;
    laCease = pAccCease;
    laYieldVerbal = 0.5 * pYieldVerbal; // a verbal threat alone is discounted (cheap talk)
    laYieldMaterial = pYieldMaterial;
    laEscMaterial = pEscMaterial;
    laYieldNuc = pYieldNuc;
  }

  /**
   * The sparse coefficients of each feasible action's expected utility over the per-type values
   * (features), from the public state and the look-ahead.
   */
  private void coefficients(int a, int b, int n, double p, double h, double acA, boolean atWar,
      int attackT, int nucForcesT) {
    final double pAccDeal = laDeal;
    final double pAccOffer = laOffer;
    final double pAccCease = laCease;
    final double pYieldVerbal = laYieldVerbal;
    final double pYieldMaterial = laYieldMaterial;
    final double pEscMaterial = laEscMaterial;
    final double pYieldNuc = laYieldNuc;
    final double retal = retaliationBy(b);
    final double pAfterStrike = afterStrikeWinProb(a, b, nucForcesT);
    final double pLocal = attackT >= 0 ? localWinProb(a, b, attackT) : 0;

    // every action's expected utility is linear in a few per-type values (features), with
    // coefficients that depend only on the public state and a's beliefs: they are built once here,
    // and motiveTables turns them into a slope and an intercept in resolve per motive
    final double kA = m.catastropheCost * m.riskWeight[a];
    final double talkV = m.consultValue * h;
    final double gH = m.goldsteinHostility;
    final double crisis = m.crisisCost;
    final double coerce = m.coercionCost;
    final double taboo = m.tabooCost;
    final double follow = m.followOnRisk;
    for (int c = 0; c < n; c++) {
      final Action act = cAct[c];
      final int so = c * NZ;
      int z = 0;
      double r = 0;
      double gl = 0;
      switch (act) {
        case WAIT:
          z = co(so, z, 1); // hold
          break;
        case INTENT_TO_COOPERATE:
          z = co(so, z, 1); // hold
          z = co(so, z, 0.5 * talkV); // constant
          break;
        case CONSULT:
          z = co(so, z, 1); // hold
          z = co(so, z, talkV); // constant
          break;
        case RESTORE_RELATIONS:
          z = co(so, z, 1); // hold
          r = 0.5 * pAccDeal;
          break;
        case NEGOTIATE:
          z = co(so, z, pAccDeal); // deal
          z = co(so, z, 1 - pAccDeal); // hold
          z = co(so, z, talkV); // constant
          break;
        case OFFER:
          z = co(so, z, pAccOffer); // offer
          z = co(so, z, 1 - pAccOffer); // hold
          z = co(so, z, talkV); // constant
          break;
        case CEASEFIRE:
          z = co(so, z, pAccCease); // status quo
          z = co(so, z, -pAccCease * (crisis * h + acA * m.dealAudienceShare)); // constant
          z = co(so, z, 1 - pAccCease); // hold
          break;
        case CONCEDE:
          z = co(so, z, 1); // concession
          break;
        case INSULT:
          z = co(so, z, 1); // hold
          z = co(so, z, m.rhetoricGain - crisis * 2 * gH); // constant
          break;
        case THREATEN:
        case THREATEN_BREAK_RELATIONS:
          z = co(so, z, pYieldVerbal); // won
          z = co(so, z, 1 - pYieldVerbal); // hold
          z = co(so, z, -crisis * 6 * gH); // constant
          break;
        case THREATEN_NUCLEAR:
          z = co(so, z, pYieldVerbal); // won
          z = co(so, z, 1 - pYieldVerbal); // hold
          z = co(so, z, -crisis * 7 * gH - 0.1 * taboo); // constant
          break;
        case BREAK_RELATIONS:
          z = co(so, z, 1); // hold
          z = co(so, z, -talkV + m.rhetoricGain); // constant
          r = -0.5 * pAccDeal;
          break;
        case SANCTION:
        case MOBILIZE:
        case BLOCKADE: {
          double costMult = act == Action.BLOCKADE ? 2 : 1;
          double pe = act == Action.SANCTION ? 0.5 * pEscMaterial : pEscMaterial;
          z = co(so, z, pYieldMaterial); // won
          z = co(so, z, pe); // war
          z = co(so, z, 1 - pYieldMaterial - pe); // hold
          z = co(so, z, -costMult * coerce); // constant
          break;
        }
        case ATTACK:
          z = co(so, z, 1); // war
          if (atWar) {
            z = co(so, z, pLocal - 0.5); // territory
          } else {
            z = co(so, z, -crisis * h); // constant
          }
          break;
        case ARM_PROXY:
          z = co(so, z, 1); // hold
          z = co(so, z, -coerce); // constant
          gl = 0.5 * m.proxyBoost * p * (1 - p);
          break;
        case FORM_ALLIANCE:
          z = co(so, z, 1); // hold
          z = co(so, z, -coerce); // constant
          z = co(so, z, 0.1); // cohesion
          gl = m.allianceCredibility * 0.25 * p * (1 - p);
          break;
        case NUCLEAR_DEMONSTRATION:
          z = co(so, z, pYieldNuc); // won
          z = co(so, z, 1 - pYieldNuc); // war
          z = co(so, z, -(1 - pYieldNuc) * retal * follow * kA - taboo); // constant
          break;
        case NUCLEAR_STRIKE_FORCES: {
          double q = 1 - pYieldNuc;
          z = co(so, z, pYieldNuc); // won
          z = co(so, z, q * pAfterStrike); // G
          z = co(so, z, q * (1 - pAfterStrike)); // L
          z = co(so, z, -q); // war cost
          z = co(so, z, -q * (follow * kA + retal * follow * kA) - taboo); // constant
          break;
        }
        case NUCLEAR_STRIKE_CITY:
          z = co(so, z, pYieldNuc); // won
          z = co(so, z, 1 - pYieldNuc); // war
          z = co(so, z, -(1 - pYieldNuc) * retal * kA - 2 * taboo); // constant
          break;
        case STRATEGIC_COUNTERFORCE:
          z = co(so, z, 1); // war
          z = co(so, z, -retal * kA - taboo + (state.struck[a] ? 0.1 * kA : 0)); // constant
          break;
        default:
          // strategic countervalue: pure punishment, valued only after being struck
          z = co(so, z, 1); // war
          z = co(so, z, -retal * kA - 2 * taboo + (state.struck[a] ? 0.1 * kA : 0)); // constant
          break;
      }
      cR[c] = r;
      cGL[c] = gl;
    }
  }

  /**
   * Likelihood of the perceived action under each type of a that b still deems possible (b's
   * belief about a is exactly zero elsewhere, so the likelihood there cannot matter), written to
   * pendLik for pending decision pi. Requires the true type's weights in prob[tk*MAXC..].
   */
  private void likelihoods(int a, int b, int pi, int n, int tk, int perceived, double eps) {
    final int row = tk * MAXC;
    final int lo = pi * m.maxTypes;
    final int ob = (b * m.nA + a) * m.maxTypes;
    final double floor = eps / n;
    final int nMa = m.nMot[a];
    final int nRa = m.nRes[a];
    final double step = m.resStep[a];
    for (int mo = 0; mo < nMa; mo++) {
      // the levels of this motive whose likelihood has to be computed afresh
      int need = 0;
      int jlo = -1;
      int jhi = -1;
      for (int j = 0; j < nRa; j++) {
        int k = j * nMa + mo;
        if (state.belief[ob + k] == 0) {
          pendLik[lo + k] = 0;
        } else if (k == tk) {
          // the true type's terms are exactly the weights already in prob[row..]
          double s = 0;
          for (int c = 0; c < n; c++) {
            s += prob[row + c];
          }
          pendLik[lo + k] = (1 - eps) * (prob[row + perceived] / s) + floor;
        } else {
          need++;
          if (jlo < 0) {
            jlo = j;
          }
          jhi = j;
        }
      }
      if (need >= 2 && step > 0 && chainLikelihoods) {
        likelihoodChain(a, mo, jlo, jhi, tk, n, perceived, eps, floor, ob, lo);
      } else if (need > 0) {
        for (int j = jlo; j <= jhi; j++) {
          int k = j * nMa + mo;
          if (k != tk && state.belief[ob + k] != 0) {
            pendLik[lo + k] = (1 - eps) * likelihoodDirect(mo, m.resLevel[a][j], k, n, perceived)
                + floor;
          }
        }
      }
    }
  }

  /**
   * Quantal-response probability of action {@code perceived} for a type of motive mo and resolve
   * res, from its own row of utilities (written to row k of util and prob). Terms below 4e-18
   * of the largest cannot change the sum and are left out.
   */
  private double likelihoodDirect(int mo, double res, int k, int n, int perceived) {
    final int rk = k * MAXC;
    final double lam = m.lambda;
    double mk = utilities(mo, res, n, rk);
    state.workRows++;
    state.workTerms += n;
    final double[] u = util;
    final double[] pr = prob;
    double s = 0;
    for (int c = 0; c < n; c++) {
      double d = lam * (u[rk + c] - mk);
      double e = d < -40 ? 0 : FastMath.expInRange(d);
      pr[rk + c] = e;
      s += e;
    }
    return pr[rk + perceived] / s;
  }

  /**
   * Likelihoods of the perceived action for a's types of motive mo at resolve levels jlo..jhi
   * (equally spaced by resStep), written to pendLik for each live type other than the true
   * one. For an action whose utility is affine in resolve, u(r + Δ) = u(r) + Δ·slope, so its
   * quantal-response weight at the next level is the weight at this one times
   * exp(λ·Δ·slope): one row of exponentials and one of ratios serve every level, and the
   * normalisation of each level's row cancels the common shift. The two piecewise features'
   * actions are evaluated at each level. A level whose weights leave the range of doubles is
   * recomputed directly.
   */
  private void likelihoodChain(int a, int mo, int jlo, int jhi, int tk, int n, int perceived,
      double eps, double floor, int ob, int lo) {
    final int nMa = m.nMot[a];
    final double lam = m.lambda;
    final double step = m.resStep[a];
    final double r0 = m.resLevel[a][jlo];
    final int rk = m.maxTypes * MAXC; // first scratch row: the weights of the current level
    final double m0 = utilities(mo, r0, n, rk);
    final double[] u = util;
    final double[] w = prob;
    final double[] q = ratio;
    final int so = mo * MAXC;
    final double rs = rSlope[mo];
    final double ri = rIcpt[mo];
    final double gs = glSlope[mo];
    final double gi = glIcpt[mo];
    for (int c = 0; c < n; c++) {
      w[rk + c] = FastMath.exp(lam * (u[rk + c] - m0));
      q[c] = cR[c] != 0 || cGL[c] != 0 ? Double.NaN : FastMath.exp(lam * step * uSlope[so + c]);
    }
    for (int j = jlo; j <= jhi; j++) {
      double s = 0;
      if (j == jlo) {
        for (int c = 0; c < n; c++) {
          s += w[rk + c];
        }
      } else {
        double res = r0 + (j - jlo) * step;
        double dr = Math.max(0, res * rs + ri);
        double dg = Math.max(0, res * gs + gi);
        for (int c = 0; c < n; c++) {
          double qc = q[c];
          double v;
          if (qc == qc) {
            v = w[rk + c] * qc;
          } else {
            double uc = res * uSlope[so + c] + uIcpt[so + c] + cR[c] * dr + cGL[c] * dg;
            v = FastMath.exp(lam * (uc - m0));
          }
          w[rk + c] = v;
          s += v;
        }
      }
      int k = j * nMa + mo;
      if (k == tk || state.belief[ob + k] == 0) {
        continue;
      }
      double ep = w[rk + perceived];
      double lik;
      if (s >= 1e-280 && s < Double.POSITIVE_INFINITY) {
        lik = ep / s;
        state.workRows++;
        state.workTerms += n;
      } else {
        // outside the range of doubles: this level's own row, shifted by its own maximum
        lik = likelihoodDirect(mo, m.resLevel[a][j], m.maxTypes + 1, n, perceived);
      }
      pendLik[lo + k] = (1 - eps) * lik + floor;
    }
  }

  /**
   * Per motive of a, the slope and intercept in resolve of each feasible action's utility toward
   * b (every value of docs/model.md, "Values", is affine in resolve for a given motive), and of
   * the two piecewise features. Requires the sparse coefficients of decide() and
   * prepareMotives(a, b).
   */
  private void motiveTables(int a, int b, double p, double acA, int attackT, int n) {
    final int nA = m.nA;
    final int ab = a * nA + b;
    final double h = state.hostility[ab];
    final boolean atWar = state.war[ab];
    final double share = m.dealAudienceShare;
    final double holdBase = -m.crisisCost * h * (1 + danger) - state.pressure[b * nA + a];
    final double dealOff0 = -acA * share; // intercept of a deal's and an offer's value
    final double[] v = spVal;
    for (int mo = 0; mo < m.nMot[a]; mo++) {
      final double g1 = mG1[mo];
      final double g0 = mG0[mo];
      final double l1 = mL1[mo];
      final double cost = mCost[mo];
      final double sq1 = m.uSq[a][mo];
      final double h0 = holdBase - (atWar ? 0.5 * cost * engaged : 0);
      final double offer1 = m.uOfferTo[a][mo * nA + b];
      final double deal1 = m.uDeal[a][mo];
      final double w1 = p * g1 + (1 - p) * l1;
      final double w0 = p * g0 - cost - danger;
      final double won1 = m.uYieldedTo[a][mo * nA + b];
      final double terr1 = attackT >= 0 ? m.terr[a][mo * m.nT + attackT] : 0;
      final double coh0 = m.cohesion[a][mo];
      rSlope[mo] = deal1 - sq1;
      rIcpt[mo] = dealOff0 - h0;
      glSlope[mo] = g1 - l1;
      glIcpt[mo] = g0;
      final int o = mo * MAXC;
      for (int c = 0; c < n; c++) {
        // the coefficients v[so..] in the order coefficients() writes them, times each feature's
        // slope (s1) and intercept (s0) in resolve
        final int so = c * NZ;
        double s1;
        double s0;
        switch (cAct[c]) {
          case WAIT:
          case RESTORE_RELATIONS: // hold
            s1 = v[so] * sq1;
            s0 = v[so] * h0;
            break;
          case INTENT_TO_COOPERATE:
          case CONSULT:
          case INSULT:
          case BREAK_RELATIONS:
          case ARM_PROXY: // hold, one
            s1 = v[so] * sq1;
            s0 = v[so] * h0 + v[so + 1];
            break;
          case NEGOTIATE: // deal, hold, one
            s1 = v[so] * deal1 + v[so + 1] * sq1;
            s0 = v[so] * dealOff0 + v[so + 1] * h0 + v[so + 2];
            break;
          case OFFER: // offer, hold, one
            s1 = v[so] * offer1 + v[so + 1] * sq1;
            s0 = v[so] * dealOff0 + v[so + 1] * h0 + v[so + 2];
            break;
          case CEASEFIRE: // status quo, one, hold
            s1 = v[so] * sq1 + v[so + 2] * sq1;
            s0 = v[so + 1] + v[so + 2] * h0;
            break;
          case CONCEDE: // concession
            s1 = v[so] * offer1;
            s0 = v[so] * -acA;
            break;
          case THREATEN:
          case THREATEN_BREAK_RELATIONS:
          case THREATEN_NUCLEAR: // won, hold, one
            s1 = v[so] * won1 + v[so + 1] * sq1;
            s0 = v[so + 1] * h0 + v[so + 2];
            break;
          case SANCTION:
          case MOBILIZE:
          case BLOCKADE: // won, war, hold, one
            s1 = v[so] * won1 + v[so + 1] * w1 + v[so + 2] * sq1;
            s0 = v[so + 1] * w0 + v[so + 2] * h0 + v[so + 3];
            break;
          case ATTACK: // war, then territory at war, else one
            if (atWar) {
              s1 = v[so] * w1 + v[so + 1] * terr1;
              s0 = v[so] * w0;
            } else {
              s1 = v[so] * w1;
              s0 = v[so] * w0 + v[so + 1];
            }
            break;
          case FORM_ALLIANCE: // hold, one, cohesion
            s1 = v[so] * sq1;
            s0 = v[so] * h0 + v[so + 1] + v[so + 2] * coh0;
            break;
          case NUCLEAR_DEMONSTRATION:
          case NUCLEAR_STRIKE_CITY: // won, war, one
            s1 = v[so] * won1 + v[so + 1] * w1;
            s0 = v[so + 1] * w0 + v[so + 2];
            break;
          case NUCLEAR_STRIKE_FORCES: // won, G, L, cost, one
            s1 = v[so] * won1 + v[so + 1] * g1 + v[so + 2] * l1;
            s0 = v[so + 1] * g0 + v[so + 3] * cost + v[so + 4];
            break;
          case STRATEGIC_COUNTERFORCE:
          case STRATEGIC_COUNTERVALUE: // war, one
            s1 = v[so] * w1;
            s0 = v[so] * w0 + v[so + 1];
            break;
          default:
            throw new IllegalStateException("no utility row for action " + cAct[c]);
        }
        uSlope[o + c] = s1;
        uIcpt[o + c] = s0;
      }
    }
  }

  /**
   * Utilities of a's n feasible actions under motive mo and resolve res, written to
   * util[row..]; returns their maximum. Requires motiveTables().
   */
  private double utilities(int mo, double res, int n, int row) {
    final int o = mo * MAXC;
    final double dr = Math.max(0, res * rSlope[mo] + rIcpt[mo]);
    final double dg = Math.max(0, res * glSlope[mo] + glIcpt[mo]);
    final double[] sl = uSlope;
    final double[] ic = uIcpt;
    final double[] u = util;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < n; c++) {
      double v = res * sl[o + c] + ic[o + c] + cR[c] * dr + cGL[c] * dg;
      u[row + c] = v;
      if (v > max) {
        max = v;
      }
    }
    return max;
  }

  /**
   * Writes the coefficient v at slot z of action row so (the order of an action's features is
   * the one motiveTables reads); returns z + 1.
   */
  private int co(int so, int z, double v) {
    spVal[so + z] = v;
    return z + 1;
  }

  private int add(int n, Action action, int theater, int aux) {
    if (n >= MAXC) {
      throw new IllegalStateException("more than " + MAXC + " feasible actions: " + action
          + " added twice");
    }
    cAct[n] = action;
    cTh[n] = theater;
    cAux[n] = aux;
    return n + 1;
  }

  /** a's theater with most forces among those in contact with b, or -1. */
  private int frontTheater(int a, int b) {
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
  private int attackTheater(int a, int b) {
    int nT = m.nT;
    int best = -1;
    double bv = -1;
    for (int t = 0; t < nT; t++) {
      boolean bHolds = state.control[t] == b || (state.forces[b * nT + t] > 0 && state.control[t] != a
          && (state.control[t] < 0 || !state.allied[a * m.nA + state.control[t]]));
      if (!bHolds || !state.threat[a * nT + t]) {
        continue;
      }
      double v = m.priorTerr[a][t] + 0.01 * localWinProb(a, b, t);
      if (v > bv + 1e-12) {
        bv = v;
        best = t;
      }
    }
    return best;
  }

  private double localWinProb(int a, int b, int t) {
    int nT = m.nT;
    double fa = state.forces[a * nT + t] * state.eff[a * nT + t];
    if (fa <= 0) {
      for (int u : m.neighbours[t]) {
        fa = Math.max(fa, m.attackCommit * state.forces[a * nT + u] * state.eff[a * nT + u]);
      }
    }
    double fb = state.forces[b * nT + t] * state.eff[b * nT + t] * (state.control[t] == b ? m.terrainMult[t] : 1);
    double x = fa * fa;
    double y = fb * fb;
    return x + y > 0 ? x / (x + y) : 0.5;
  }

  /** Win probability of a over b after a nuclear strike on b's forces in theater t. */
  private double afterStrikeWinProb(int a, int b, int t) {
    if (t < 0) {
      return winProb(a, b);
    }
    double fa = sideStrength(a, b);
    double fb = sideStrength(b, a)
        - m.nuclearForceKill * state.forces[b * m.nT + t] * state.eff[b * m.nT + t];
    fb = Math.max(0, fb);
    double x = fa * fa;
    double y = fb * fb;
    return x + y > 0 ? x / (x + y) : 0.5;
  }

  /** b's theater with most forces in contact with a, or -1. */
  private int strongestTheaterOf(int b, int a) {
    int nT = m.nT;
    int best = -1;
    double bf = 0;
    for (int t = 0; t < nT; t++) {
      double f = state.forces[b * nT + t];
      if (f > bf && state.threat[a * nT + t]) {
        bf = f;
        best = t;
      }
    }
    return best;
  }

  /** A theater of b (home, else controlled) with an unstruck city target, or -1. */
  private int cityTheaterOf(int b, boolean homeOnly) {
    int nT = m.nT;
    for (int pass = 0; pass < 2; pass++) {
      for (int t = 0; t < nT; t++) {
        boolean ok = pass == 0 ? m.home[t] == b : !homeOnly && state.control[t] == b;
        if (!ok) {
          continue;
        }
        for (int k : m.theaterTargets[t]) {
          if (!state.targetHit[k] && m.tgtKind[k] == TargetKind.CITY.ordinal()) {
            return t;
          }
        }
      }
    }
    return -1;
  }

  /** An actor fighting b that a could arm, or -1. */
  private int proxyFor(int a, int b) {
    int nA = m.nA;
    for (int c = 0; c < nA; c++) {
      if (c != a && c != b && state.war[c * nA + b] && !state.war[a * nA + c]
          && state.hostility[a * nA + c] < m.hostileThreshold) {
        return c;
      }
    }
    return -1;
  }

  /** Whether a is at war with anyone. */
  private boolean atWarAny(int a) {
    return state.warCount[a] > 0;
  }

  private void setWar(int a, int b, boolean on) {
    int nA = m.nA;
    if (state.war[a * nA + b] == on || a == b) {
      return;
    }
    state.war[a * nA + b] = on;
    state.war[b * nA + a] = on;
    int d = on ? 1 : -1;
    state.warCount[a] += d;
    state.warCount[b] += d;
  }

  /** Whether forces of an actor hostile to x stand on x's home territory (cached per step). */
  private boolean contested(int x) {
    return state.contested[x];
  }

  private boolean computeContested(int x) {
    int nA = m.nA;
    int nT = m.nT;
    for (int t = 0; t < nT; t++) {
      if (m.home[t] != x) {
        continue;
      }
      for (int y = 0; y < nA; y++) {
        if (y != x && state.forces[y * nT + t] > 0 && state.hostility[x * nA + y] >= m.hostileThreshold) {
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
  private int partnerAgainst(int a, int b) {
    int nA = m.nA;
    if (atWarAny(a) || contested(a)) {
      return -1;
    }
    for (int c = 0; c < nA; c++) {
      if (atWarAny(c) || contested(c)) {
        continue;
      }
      if (c != a && c != b && !state.allied[a * nA + c] && state.hostility[c * nA + b] >= m.hostileThreshold
          && state.hostility[a * nA + c] < m.hostileThreshold && !state.war[a * nA + c]
          && state.totW[c] > 0) {
        return c;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------------------------------------
  // applying actions

  private void applyDecision(int p) {
    int a = pendActor[p];
    int b = pendTarget[p];
    Action act = pendAction[p];
    // observation: b updates its belief over a's type by Bayes' rule
    int off = (b * m.nA + a) * m.maxTypes;
    int n = m.nTypes[a];
    if (n > 1) {
      double s = 0;
      int lo = p * m.maxTypes;
      for (int k = 0; k < n; k++) {
        state.belief[off + k] *= pendLik[lo + k];
        s += state.belief[off + k];
      }
      normaliseBelief(off, n, s, a);
    }
    if (act == Action.WAIT) {
      return;
    }
    if (act == Action.NEGOTIATE || act == Action.OFFER || act == Action.CEASEFIRE) {
      bargain(a, b, act);
      return;
    }
    int aux = pendAux[p];
    if (act == Action.ARM_PROXY || act == Action.FORM_ALLIANCE) {
      apply(a, aux, act, -1, b);
      return;
    }
    apply(a, b, act, pendTheater[p], -1);
  }

  private void scripted(int e) {
    int a = m.evActor[e];
    int b = m.evTarget[e];
    Action act = ACTIONS[m.evAction[e]];
    int t = m.evTheater[e];
    if (b < 0) {
      b = act == Action.ATTACK && t >= 0 ? state.control[t] : -1;
    }
    if (tracer != null) {
      tracer.note(state.week, "scripted event: " + m.evDescription[e]);
    }
    if (act == Action.NEGOTIATE || act == Action.OFFER || act == Action.CEASEFIRE) {
      if (b >= 0) {
        bargain(a, b, act);
      } else {
        record(a, b, act, t);
      }
      return;
    }
    apply(a, b, act, t, -1);
  }

  /** Step 4: a proposes to b; b accepts under its true type if the deal beats fighting on. */
  private void bargain(int a, int b, Action act) {
    int nA = m.nA;
    record(a, b, act, -1);
    if (!canTalk(a, b)) {
      return;
    }
    int k = typeOf(b);
    int mo = state.trueMot[b];
    double acB = m.audienceCost * state.rhetoric[b * nA + a];
    double hB = state.hostility[a * nA + b];
    prepareMotives(b, a);
    typeValues(b, k, a, winProb(b, a));
    double value;
    double alt;
    if (act == Action.CEASEFIRE) {
      value = vSq - m.crisisCost * hB - acB * m.dealAudienceShare;
      alt = Math.max(vH, vW);
    } else {
      value = vRes * (act == Action.OFFER ? m.uYieldedTo[b][mo * nA + a] : m.uDeal[b][mo])
          - acB * m.dealAudienceShare;
      alt = Math.max(vH, vW);
    }
    double pAcc = accept(m.lambda, value - alt, state.war[a * nA + b]);
    // ratification: the proposer's own side must also prefer the deal to its alternatives
    // (each side prefers the deal to fighting on, Fearon 1995; two-level ratification,
    // Putnam 1988), so a proposal made by quantal-response error is not binding by itself
    double pRat = act == Action.CEASEFIRE ? ceasefireRatification(a, b)
        : ratification(a, b, act == Action.OFFER);
    boolean accept = state.rng.nextDouble() < pAcc * pRat;
    if (accept && act != Action.CEASEFIRE && isPrincipalPair(a, b)) {
      // the principals cannot settle a war over the heads of those fighting it: every third
      // party at war with a principal must find the deal inside its own bargaining range
      for (int c = 0; c < nA && accept; c++) {
        if (c == a || c == b) {
          continue;
        }
        int enemy = state.war[c * nA + a] ? a : state.war[c * nA + b] ? b : -1;
        if (enemy >= 0) {
          double pC = belligerentConsent(c, enemy);
          accept = state.rng.nextDouble() < pC;
          if (!accept && tracer != null) {
            tracer.note(state.week, m.actorIds[c] + ", at war with " + m.actorIds[enemy]
                + ", rejects the deal between " + m.actorIds[a] + " and " + m.actorIds[b]
                + String.format(java.util.Locale.ROOT, " (p(consent) %.2f)", pC));
          }
        }
      }
    }
    if (tracer != null) {
      tracer.note(state.week, m.actorIds[b] + (accept ? " accepts " : " rejects ") + m.actorIds[a]
          + "'s " + act.id() + String.format(java.util.Locale.ROOT,
          " (its value of the deal %.3f vs fighting on / holding %.3f; p(accept) %.2f)",
          value, alt, pAcc));
    }
    if (!accept) {
      record(b, a, Action.REJECT, -1);
      addHostility(a, b, -Action.REJECT.goldstein() * m.goldsteinHostility);
      return;
    }
    if (act == Action.CEASEFIRE) {
      endWar(a, b);
      return;
    }
    deal(a, b, Action.AGREEMENT);
  }

  private boolean isPrincipalPair(int a, int b) {
    return (a == m.principalA && b == m.principalB) || (a == m.principalB && b == m.principalA);
  }

  /**
   * Probability that c, at war with a principal (enemy), consents to the principals' focal deal:
   * its value of the deal, paying the compromise share of its audience cost toward the enemy,
   * against fighting on or a decisive war.
   */
  private double belligerentConsent(int c, int enemy) {
    int nA = m.nA;
    int mo = state.trueMot[c];
    prepareMotives(c, enemy);
    typeValues(c, typeOf(c), enemy, winProb(c, enemy));
    double value = vRes * m.uDeal[c][mo]
        - m.audienceCost * state.rhetoric[c * nA + enemy] * m.dealAudienceShare;
    return accept(m.lambda, value - Math.max(vH, vW), true);
  }

  /** Probability that a's own side ratifies a deal it proposed to b (focal deal or offer). */
  private double ratification(int a, int b, boolean offer) {
    int nA = m.nA;
    int mo = state.trueMot[a];
    prepareMotives(a, b);
    typeValues(a, typeOf(a), b, winProb(a, b));
    double ac = m.audienceCost * state.rhetoric[a * nA + b];
    double value = vRes * (offer ? m.uOfferTo[a][mo * nA + b] : m.uDeal[a][mo])
        - ac * m.dealAudienceShare;
    return accept(m.lambda, value - Math.max(vH, vW), state.war[a * nA + b]);
  }

  /**
   * Probability that a's own side ratifies a ceasefire it proposed to b: the front as it stands
   * (the status quo, minus the crisis cost and the share of the audience cost of a compromise)
   * against fighting on or a decisive war.
   */
  private double ceasefireRatification(int a, int b) {
    int nA = m.nA;
    prepareMotives(a, b);
    typeValues(a, typeOf(a), b, winProb(a, b));
    double value = vSq - m.crisisCost * state.hostility[a * nA + b]
        - m.audienceCost * state.rhetoric[a * nA + b] * m.dealAudienceShare;
    return accept(m.lambda, value - Math.max(vH, vW), true);
  }

  /** Probability that a's own side stands by a concession to b (full audience cost). */
  private double concessionRatification(int a, int b) {
    int nA = m.nA;
    int mo = state.trueMot[a];
    prepareMotives(a, b);
    typeValues(a, typeOf(a), b, winProb(a, b));
    double value = vRes * m.uOfferTo[a][mo * nA + b] - m.audienceCost * state.rhetoric[a * nA + b];
    return accept(m.lambda, value - Math.max(vH, vW), state.war[a * nA + b]);
  }

  private void endWar(int a, int b) {
    int nA = m.nA;
    if (state.war[a * nA + b]) {
      setWar(a, b, false);
      record(a, b, Action.CEASEFIRE, -1);
      if (tracer != null) {
        tracer.note(state.week, "ceasefire between " + m.actorIds[a] + " and " + m.actorIds[b]);
      }
    }
  }

  private void deal(int a, int b, Action act) {
    int nA = m.nA;
    if (act == Action.AGREEMENT) {
      record(a, b, Action.AGREEMENT, -1);
    }
    endWar(a, b);
    state.hostility[a * nA + b] *= 0.5;
    state.hostility[b * nA + a] *= 0.5;
    state.rhetoric[a * nA + b] *= 0.5;
    state.rhetoric[b * nA + a] *= 0.5;
    state.pressure[a * nA + b] = 0;
    state.pressure[b * nA + a] = 0;
    if ((a == m.principalA && b == m.principalB) || (a == m.principalB && b == m.principalA)) {
      state.principalDeal = true;
      checkSettlement();
    }
  }

  /**
   * A deal between the principal adversaries ends the crisis once no war involving either of
   * them goes on (a war with a third party is part of the crisis: the deal cannot settle it).
   */
  private void checkSettlement() {
    if (!state.principalDeal || state.settled) {
      return;
    }
    if (atWarAny(m.principalA) || atWarAny(m.principalB)) {
      if (tracer != null && !state.deferredNoted) {
        state.deferredNoted = true;
        tracer.note(state.week, "the principal adversaries have a deal, but a war involving one of"
            + " them goes on: the crisis is not over");
      }
      return;
    }
    state.settled = true;
    state.absorbed = true;
    state.endWeek = state.week;
    if (tracer != null) {
      tracer.note(state.week, "the principal adversaries settle: the crisis ends");
    }
  }

  /** Applies one action with its effects (step 5), records it, and handles responses. */
  private void apply(int a, int b, Action act, int t, int against) {
    int nA = m.nA;
    int nT = m.nT;
    if (act == Action.ATTACK) {
      if (t < 0 || b < 0 || b == a) {
        record(a, b, act, t);
        return;
      }
      attack(a, b, t);
      return;
    }
    if (act.nuclear()) {
      if (b < 0) {
        record(a, b, act, t);
        return;
      }
      nuclear(a, b, act, t, true);
      return;
    }
    record(a, b, act, t);
    if (b < 0) {
      return;
    }
    int ab = a * nA + b;
    double gd = act.goldstein();
    if (act != Action.ARM_PROXY && act != Action.FORM_ALLIANCE) {
      addHostility(a, b, -gd * m.goldsteinHostility);
    }
    if (act == Action.INSULT || act == Action.THREATEN || act == Action.THREATEN_BREAK_RELATIONS
        || act == Action.THREATEN_NUCLEAR) {
      state.rhetoric[ab] = Math.min(1.0, state.rhetoric[ab] + m.rhetoricStep);
    } else if (act == Action.BREAK_RELATIONS) {
      int ch = Math.min(SEVERED, state.channel[ab] + 1);
      setChannel(a, b, ch);
    } else if (act == Action.RESTORE_RELATIONS) {
      int ch = Math.max(OPEN, state.channel[ab] - 1);
      setChannel(a, b, ch);
    } else if (act == Action.SANCTION) {
      state.pressure[ab] += m.coercionPain;
    } else if (act == Action.BLOCKADE) {
      state.pressure[ab] += 2 * m.coercionPain;
    } else if (act == Action.MOBILIZE && t >= 0) {
      // the call-up draws on the actor's remaining reserve, which the fallen do not refill
      double f = state.forces[a * nT + t];
      double add = f * m.mobilizeShare;
      if (add <= state.reserve[a]) {
        state.forces[a * nT + t] = f * (1 + m.mobilizeShare);
        state.reserve[a] -= add;
      } else {
        add = state.reserve[a];
        state.forces[a * nT + t] = f + add;
        state.reserve[a] = 0;
      }
      if (tracer != null) {
        tracer.note(state.week, String.format(java.util.Locale.ROOT,
            "%s mobilises %.1fk troops in %s (%.1fk there now; reserve left %.1fk%s)",
            m.actorIds[a], add, m.theaterIds[t], state.forces[a * nT + t], state.reserve[a],
            state.reserve[a] == 0 ? ", exhausted" : ""));
      }
    } else if (act == Action.CONCEDE) {
      double pRat = concessionRatification(a, b);
      boolean ratified = state.rng.nextDouble() < pRat;
      if (tracer != null) {
        tracer.note(state.week, m.actorIds[a] + "'s concession to " + m.actorIds[b]
            + (ratified ? " stands" : " is disowned at home")
            + String.format(java.util.Locale.ROOT, " (p %.2f)", pRat));
      }
      if (ratified) {
        deal(a, b, Action.CONCEDE);
      }
    } else if (act == Action.ARM_PROXY) {
      // b is the recipient here; raise its effectiveness where it fights
      for (int u = 0; u < nT; u++) {
        if (state.forces[b * nT + u] > 0) {
          state.eff[b * nT + u] = Math.min(3.0, state.eff[b * nT + u] * (1 + m.proxyBoost));
        }
      }
      // a standing aid commitment: a share of a's strength counts on b's side from now on
      state.support[a * nA + b] = Math.max(state.support[a * nA + b], m.aidShare);
      if (against >= 0) {
        addHostility(a, against, m.goldsteinHostility * 4);
      }
    } else if (act == Action.FORM_ALLIANCE) {
      state.cred[ab] = Math.max(state.cred[ab], m.allianceCredibility);
      state.cred[b * nA + a] = Math.max(state.cred[b * nA + a], m.allianceCredibility);
      state.allied[ab] = true;
      state.allied[b * nA + a] = true;
      addHostility(a, b, -gd * m.goldsteinHostility);
    }
  }

  private void setChannel(int a, int b, int ch) {
    int nA = m.nA;
    if (state.channel[a * nA + b] != ch && tracer != null) {
      tracer.note(state.week, "channel " + m.actorIds[a] + "–" + m.actorIds[b] + ": "
          + channelName(state.channel[a * nA + b]) + " → " + channelName(ch));
    }
    state.channel[a * nA + b] = ch;
    state.channel[b * nA + a] = ch;
  }

  /** Name of a channel state. */
  static String channelName(int ch) {
    return ch == OPEN ? "open" : ch == DEGRADED ? "degraded" : "severed";
  }

  private void attack(int a, int b, int t) {
    int nA = m.nA;
    int nT = m.nT;
    if (state.forces[a * nT + t] <= 0) {
      int from = -1;
      double bf = 0;
      for (int u = 0; u < nT; u++) {
        if (m.adj[t * nT + u] && state.forces[a * nT + u] > bf) {
          bf = state.forces[a * nT + u];
          from = u;
        }
      }
      if (from >= 0) {
        double moved = m.attackCommit * bf;
        state.forces[a * nT + from] -= moved;
        state.forces[a * nT + t] += moved;
        state.eff[a * nT + t] = state.eff[a * nT + from];
      }
    }
    record(a, b, Action.ATTACK, t);
    addHostility(a, b, 1.0);
    boolean newWar = !state.war[a * nA + b];
    setWar(a, b, true);
    if (newWar) {
      if (tracer != null) {
        tracer.note(state.week, "war between " + m.actorIds[a] + " and " + m.actorIds[b]);
      }
      // alliance triggers: each ally of b intervenes with its commitment's credibility
      for (int c = 0; c < nA; c++) {
        double cr = state.cred[c * nA + b];
        if (cr <= 0 || c == a || state.war[c * nA + a]) {
          continue;
        }
        boolean joins = state.rng.nextDouble() < cr;
        if (tracer != null) {
          tracer.note(state.week, m.actorIds[c] + (joins ? " honours" : " does not honour")
              + " its commitment to " + m.actorIds[b] + " (credibility " + cr + ")");
        }
        if (joins) {
          setWar(c, a, true);
          addHostility(a, c, 1.0);
          record(c, a, Action.ATTACK, t);
        }
      }
    }
  }

  /** Nuclear use by a against b; applies precomputed casualties and doctrine retaliation. */
  private void nuclear(int a, int b, Action act, int t, boolean allowRetaliation) {
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
      t = strongestTheaterOf(b, a);
    }
    if (act == Action.NUCLEAR_STRIKE_CITY && t < 0) {
      t = cityTheaterOf(b, false);
    }
    record(a, b, act, t);
    addHostility(a, b, 1.0);
    state.nuclearUsed = true;
    refreshCachesAfterNuclear = true;
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
      int used = Math.min(state.ns[a], m.warheadsPerStrike);
      state.ns[a] -= used;
      if (t >= 0) {
        double killed = m.nuclearForceKill * state.forces[b * nT + t];
        state.forces[b * nT + t] -= killed;
        addDeaths(b, CasualtyKind.NUCLEAR, killed * 1000 * 0.5);
        int hits = 0;
        for (int k : m.theaterTargets[t]) {
          int kind = m.tgtKind[k];
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
        for (int k : m.theaterTargets[t]) {
          if (!state.targetHit[k] && m.tgtKind[k] == TargetKind.CITY.ordinal()) {
            hitTarget(a, k, 0);
            break;
          }
        }
      }
    } else {
      state.strategicUsed = true;
      int salvo = Math.max(1, (int) Math.ceil(m.strategicSalvo * state.st[a]));
      salvo = Math.min(salvo, state.st[a]);
      state.st[a] -= salvo;
      boolean cf = act == Action.STRATEGIC_COUNTERFORCE;
      int hits = 0;
      boolean anyHome = false;
      for (int u = 0; u < nT && hits < salvo; u++) {
        if (m.home[u] != b) {
          continue;
        }
        anyHome = true;
        for (int k : m.theaterTargets[u]) {
          int kind = m.tgtKind[k];
          boolean fits = cf ? kind != TargetKind.CITY.ordinal() : kind == TargetKind.CITY.ordinal();
          if (fits && !state.targetHit[k] && hits < salvo) {
            hitTarget(a, k, 1);
            hits++;
          }
        }
        if (cf) {
          double killed = 0.5 * state.forces[b * nT + u];
          state.forces[b * nT + u] -= killed;
          addDeaths(b, CasualtyKind.NUCLEAR, killed * 1000 * 0.5);
        }
      }
      if (cf) {
        state.st[b] -= state.st[b] / 2;
        state.ns[b] -= state.ns[b] / 2;
      }
      if (hits == 0) {
        // the strike happened but no listed target can be priced: deaths are unknown
        addDeaths(b, CasualtyKind.NUCLEAR, Double.NaN);
        if (tracer != null && !anyHome) {
          tracer.note(state.week, "no listed targets of " + m.actorIds[b]
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
    if (rung >= 7 && nuclearArmed(b)) {
      boolean retaliates = state.rng.nextDouble() < m.retaliation[b];
      if (tracer != null) {
        tracer.note(state.week, m.actorIds[b] + (retaliates ? " retaliates" : " does not retaliate")
            + " (doctrine retaliation probability " + m.retaliation[b] + ")");
      }
      if (retaliates) {
        if (rung >= 8 && state.st[b] > 0) {
          nuclear(b, a, Action.STRATEGIC_COUNTERVALUE, -1, false);
        } else if (state.ns[b] > 0) {
          nuclear(b, a, act == Action.NUCLEAR_STRIKE_CITY ? Action.NUCLEAR_STRIKE_CITY : Action.NUCLEAR_STRIKE_FORCES, -1, false);
        } else if (state.st[b] > 0) {
          nuclear(b, a, Action.STRATEGIC_COUNTERFORCE, -1, false);
        }
      }
    }
  }

  private void hitTarget(int a, int k, int cls) {
    state.targetHit[k] = true;
    int t = m.tgtTheater[k];
    int victim = m.home[t] >= 0 ? m.home[t] : state.control[t];
    if (victim < 0) {
      return;
    }
    int idx = (k * m.nA + a) * 2 + cls;
    double d = m.nucDeaths[idx] + m.nucFallout[idx];
    addDeaths(victim, CasualtyKind.NUCLEAR, d);
    if (tracer != null) {
      tracer.note(state.week, String.format(java.util.Locale.ROOT,
          "%s strikes %s (%s): %s deaths, %s injured", m.actorIds[a], m.tgtName[k],
          m.theaterIds[t], fmt(d), fmt(m.nucInjuries[idx])));
    }
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "unknown" : String.format(java.util.Locale.ROOT, "%,.0f", v);
  }

  private void addDeaths(int a, CasualtyKind k, double v) {
    state.deaths[a * NK + k.ordinal()] += v;
  }

  // ------------------------------------------------------------------------------------------------
  // combat

  private void combat() {
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
        boolean friend = ctl < 0 || c == ctl || (!state.war[c * nA + ctl] && state.allied[c * nA + ctl]);
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
      double tau = m.terrainMult[t];
      if (def <= 0) {
        changeControl(t, lead, ctl);
        continue;
      }
      double effA = attW / att;
      double effD = defW / def;
      Lanchester.step(att, effA, def, effD, tau, m.lanchesterK, 1.0, 7, lanch);
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
        double d = loss * 1000 * m.killedShare;
        addDeaths(c, CasualtyKind.MILITARY, d);
        milDeaths += d;
      }
      int civ = m.home[t] >= 0 ? m.home[t] : ctl;
      if (civ >= 0) {
        addDeaths(civ, CasualtyKind.CIVILIAN, milDeaths * m.civilianRatio);
      }
      double ratio = Lanchester.forceRatio(attLeft, effA, defLeft, effD, tau);
      if (tracer != null) {
        tracer.note(state.week, String.format(java.util.Locale.ROOT,
            "combat in %s: attackers lose %.1fk (%.1fk left), defenders lose %.1fk (%.1fk left);"
                + " effective ratio %.2f", m.theaterIds[t], attLoss, attLeft, defLoss, defLeft,
            ratio));
      }
      if (ratio >= m.breakthroughRatio || defLeft < 0.5) {
        changeControl(t, lead, ctl);
      }
    }
  }

  private void changeControl(int t, int to, int from) {
    if (to < 0 || to == from) {
      return;
    }
    state.control[t] = to;
    if (tracer != null) {
      tracer.note(state.week, m.actorIds[to] + " takes control of " + m.theaterIds[t]
          + (from >= 0 ? " from " + m.actorIds[from] : ""));
    }
  }

  // ------------------------------------------------------------------------------------------------
  // recording, questions, outcome

  private void record(int a, int b, Action act, int t) {
    if (state.nEv < LOG_CAPACITY) {
      state.logWeek[state.nEv] = state.week;
      state.logActor[state.nEv] = a;
      state.logTarget[state.nEv] = b;
      state.logAction[state.nEv] = act;
      state.logTheater[state.nEv] = t;
      state.nEv++;
    }
    state.nEvTotal++;
    int rung = act.rung();
    if (rung > state.highest) {
      state.highest = rung;
    }
    for (int r = 0; r <= rung; r++) {
      if (state.firstRung[r] < 0) {
        state.firstRung[r] = state.week;
      }
    }
    if (act == Action.ATTACK && b >= 0 && !state.principalWar) {
      int sa = m.side[a];
      int sb = m.side[b];
      if (sa != 0 && sb != 0 && sa != sb) {
        state.principalWar = true;
        state.principalWarWeek = state.week;
      }
    }
    if (act == Action.ATTACK && b >= 0 && m.side[a] != 0 && m.side[b] != 0 && m.side[a] != m.side[b]) {
      state.principalDeal = false;
    }
    for (int q = 0; q < m.nQ; q++) {
      if (state.answer[q] || m.qKind[q] != QuestionKind.ACTION.ordinal() || state.week > m.qWithin[q]) {
        continue;
      }
      if ((m.qActor[q] < 0 || m.qActor[q] == a) && (m.qTarget[q] < 0 || m.qTarget[q] == b)
          && (m.qActions[q] & (1L << act.ordinal())) != 0 && (m.qTheater[q] < 0 || m.qTheater[q] == t)) {
        state.answer[q] = true;
      }
    }
  }

  private void checkStepQuestions() {
    for (int q = 0; q < m.nQ; q++) {
      if (state.answer[q] || state.week > m.qWithin[q]) {
        continue;
      }
      int kind = m.qKind[q];
      if (kind == QuestionKind.CONTROL.ordinal()) {
        state.answer[q] = m.qTheater[q] >= 0 && state.control[m.qTheater[q]] == m.qActor[q];
      } else if (kind == QuestionKind.CHANNEL_SEVERED.ordinal()) {
        if (m.qActor[q] >= 0 && m.qTarget[q] >= 0) {
          state.answer[q] = state.channel[m.qActor[q] * m.nA + m.qTarget[q]] == SEVERED;
        } else if (m.qActor[q] >= 0) {
          for (int b = 0; b < m.nA; b++) {
            if (b != m.qActor[q] && state.channel[m.qActor[q] * m.nA + b] == SEVERED) {
              state.answer[q] = true;
            }
          }
        }
      }
    }
  }

  private void finish() {
    if (!state.absorbed) {
      state.endWeek = m.horizon;
      state.week = m.horizon;
    }
    if (state.strategicUsed) {
      state.outcome = Outcome.STRATEGIC_NUCLEAR;
    } else if (state.nuclearUsed) {
      state.outcome = Outcome.LIMITED_NUCLEAR;
    } else if (state.principalWar) {
      state.outcome = Outcome.CONVENTIONAL_WAR;
    } else if (state.settled) {
      state.outcome = Outcome.SETTLEMENT;
    } else {
      state.outcome = Outcome.FROZEN;
    }
    for (int q = 0; q < m.nQ; q++) {
      if (m.qKind[q] != QuestionKind.OUTCOME.ordinal()) {
        continue;
      }
      boolean in = (m.qOutcomes[q] & (1 << state.outcome.ordinal())) != 0;
      int when = switch (state.outcome) {
        case STRATEGIC_NUCLEAR -> state.firstRung[8];
        case LIMITED_NUCLEAR -> state.firstRung[6];
        case CONVENTIONAL_WAR -> state.principalWarWeek;
        case SETTLEMENT -> state.endWeek;
        case FROZEN -> m.horizon;
      };
      state.answer[q] = in && (state.outcome == Outcome.FROZEN || when <= m.qWithin[q]);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // RunView and inspection

  @Override
  public int runIndex() {
    return state.runIndex;
  }

  @Override
  public long seed() {
    return state.seed;
  }

  @Override
  public Outcome outcome() {
    return state.outcome;
  }

  @Override
  public int highestRung() {
    return state.highest;
  }

  @Override
  public int endWeek() {
    return state.endWeek;
  }

  @Override
  public int firstWeekOfRung(int rung) {
    return state.firstRung[rung];
  }

  @Override
  public boolean question(int q) {
    return state.answer[q];
  }

  @Override
  public double deaths(int actor, CasualtyKind kind) {
    return state.deaths[actor * NK + kind.ordinal()];
  }

  @Override
  public int finalController(int theater) {
    return state.control[theater];
  }

  @Override
  public int motive(int actor) {
    return state.trueMot[actor];
  }

  /** Index of the resolve level drawn for an actor. */
  public int resolveLevel(int actor) {
    return state.trueRes[actor];
  }

  @Override
  public int eventCount() {
    return state.nEv;
  }

  /** Events including those beyond the log capacity. */
  public int eventCountTotal() {
    return state.nEvTotal;
  }

  @Override
  public int eventWeek(int i) {
    return state.logWeek[i];
  }

  @Override
  public int eventActor(int i) {
    return state.logActor[i];
  }

  @Override
  public int eventTarget(int i) {
    return state.logTarget[i];
  }

  @Override
  public Action eventAction(int i) {
    return state.logAction[i];
  }

  @Override
  public int eventTheater(int i) {
    return state.logTheater[i];
  }

  /** Observer's current belief that {@code about} is of type {@code type} (resolve×motive). */
  public double belief(int observer, int about, int type) {
    return state.belief[(observer * m.nA + about) * m.maxTypes + type];
  }

  /** Current forces (thousands) of an actor in a theater; never negative. */
  public double forces(int actor, int theater) {
    return state.forces[actor * m.nT + theater];
  }

  /** Current channel between two actors: 0 open, 1 degraded, 2 severed. */
  public int channel(int a, int b) {
    return state.channel[a * m.nA + b];
  }

  /** Current hostility between two actors. */
  public double hostility(int a, int b) {
    return state.hostility[a * m.nA + b];
  }
}
