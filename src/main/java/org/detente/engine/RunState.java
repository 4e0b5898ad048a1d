package org.detente.engine;

import java.util.Arrays;
import org.detente.model.Action;
import org.detente.model.Outcome;

/**
 * Everything one run changes, in one object: the actors' forces and arsenals, territorial
 * control, relations (hostility, rhetoric, pressure, aid, channels, wars, alliances), beliefs,
 * drawn private types, the quantities derived once per week from them, the event log, the
 * question answers and the run's own random stream. The model ({@link CompiledModel}) is what a
 * run only reads; the state is what it writes.
 *
 * <p>A state can be copied deeply ({@link #copy()}, {@link #copyFrom}) so that a run can be
 * cloned mid-way and continued with its own stream: continuing a copy gives exactly what the
 * original gives from that week on. Arrays are allocated once per state; {@link #reset} and
 * {@link #copyFrom} only write into them.
 */
final class RunState {

  /** Events kept per run; later events still count for questions and outcomes. */
  static final int LOG_CAPACITY = 4096;
  /** Number of casualty kinds. */
  static final int NK = CasualtyKind.values().length;
  /** Channel states, as the scenario's Channel ordinals. */
  static final int OPEN = 0;
  static final int DEGRADED = 1;
  static final int SEVERED = 2;
  /** Hostility at week 0 at or above which a pair is at war from the start. */
  static final double WAR_HOSTILITY = 0.95;

  final int nA;
  final int nT;
  final int maxTypes;

  /** The run's random stream. */
  final Rng rng = new Rng();

  // ---- the world -------------------------------------------------------------------------------
  final double[] forces; // [a*nT+t] thousands of troops
  final double[] eff; // [a*nT+t] effectiveness
  final int[] ns; // non-strategic warheads left
  final double[] reserve; // thousands of people each actor can still call up
  final int[] st; // strategic warheads left
  final int[] control; // [t] controlling actor or -1
  final double[] hostility; // [a*nA+b], symmetric
  final double[] rhetoric; // [a*nA+b]: a's public commitment toward b
  final double[] pressure; // [a*nA+b]: pain a inflicts on b by coercion
  // [c*nA+b]: what third party c has done toward b in support of b's adversary (Support.WARNED,
  // Support.SHOWN): a warning and a show of force are given once
  final int[] supportDone;
  // [v*nA+b]: pain of third parties' standing sanctions on b's holding out against v, lifted by
  // a deal between v and b; the pressure v–b does not fade below it
  final double[] standing;
  final double[] support; // [c*nA+a]: share of c's forces its aid adds to a's side
  final int[] channel; // [a*nA+b]: OPEN, DEGRADED or SEVERED
  final boolean[] war; // [a*nA+b], symmetric
  final int[] warStart; // [a*nA+b], symmetric: the week the pair's war began (0 for wars at week 0)
  final boolean[] warAtStart; // [a*nA+b], symmetric: the pair's war was going on at week 0
  // [a*nA+b], symmetric: the last week in which a hostile act passed between a and b (-1: none)
  final int[] lastHostile;
  final int[] warCount; // wars each actor is in
  final double[] cred; // [c*nA+a]: credibility that c defends a
  final boolean[] allied; // [a*nA+b]
  final double[] belief; // [(a*nA+b)*maxTypes + type]: a's belief over b's type
  final int[] trueRes; // drawn resolve level per actor
  final int[] trueMot; // drawn motive per actor
  final boolean[] struck; // actor or an ally was hit by nuclear weapons
  final boolean[] targetHit; // per target
  // forces in transit along routes: [(a*nT+t)*slots + w % slots] thousands of a's troops that
  // arrive in t at week w, and the same weighted by effectiveness; per actor the total in transit
  // (troops, and weighted)
  final int slots;
  final double[] transit;
  final double[] transitEff;
  final double[] inTransit;
  final double[] inTransitW;
  final double[] routeLoad; // per route: troops sent along it in week routeLoadWeek
  final int[] routeLoadWeek;

  // ---- derived each week from the world (read by the week's steps) -----------------------------
  final double[] totW; // weighted forces per actor
  final boolean[] threat; // [b*nT+t]: b has forces in t or an adjacent theater
  final double[] retaliation; // per actor: probability it or a nuclear ally retaliates
  final boolean[] contested; // per actor: hostile forces on home soil

  // ---- the run's course and results ------------------------------------------------------------
  int runIndex;
  long seed;
  int week;
  int endWeek;
  int nextEvent; // index of the next scripted event not yet reached
  Outcome outcome;
  int highest;
  final int[] firstRung = new int[Action.RUNGS];
  final double[] deaths; // [a*NK + kind]
  final boolean[] answer; // per question
  final boolean[] broken; // per question of kind HOLDS: not held at some step of its window
  boolean settled;
  boolean principalsInCrisis; // the principals' hostility has been at the crisis level or above
  boolean principalDeal;
  boolean deferredNoted;
  boolean principalWar;
  int principalWarWeek;
  // talks on the terms of a ceasefire the principals agreed at war: proposer, receiver and the
  // side the terms lean toward (-1: the focal deal); talksA -1 when no such talks go on
  int talksA;
  int talksB;
  int talksToward;
  int talksWeek; // the week the talks began (under a ceasefire agreed that week)
  boolean nuclearUsed;
  boolean strategicUsed;
  boolean absorbed;
  // a nuclear strike changed retaliation and contested homes: the week's derived quantities are
  // refreshed after the decision being applied (kept across weeks and runs until then)
  boolean reassessAfterNuclear;
  // the largest probability of a nuclear action in a decision of the week so far (the hazard
  // a rare-event estimate measures closeness to nuclear use by)
  double nuclearChoice;
  // importance sampling of the quantal choice (rare-event estimates): when positive, a decision
  // in which a nuclear action has probability q in (0, tiltTarget) draws from the distribution in
  // which the nuclear actions together have probability tiltTarget, and logWeight accumulates the
  // log likelihood ratio of the draws (docs/analysis.md, "Rare events")
  double tiltTarget;
  double logWeight;

  // ---- the event log ---------------------------------------------------------------------------
  int nEv;
  int nEvTotal;
  final int[] logWeek = new int[LOG_CAPACITY];
  final int[] logActor = new int[LOG_CAPACITY];
  final int[] logTarget = new int[LOG_CAPACITY];
  final Action[] logAction = new Action[LOG_CAPACITY];
  final int[] logTheater = new int[LOG_CAPACITY];

  // ---- work done (for the benchmark's cost model) ----------------------------------------------
  int workDecisions;
  int workRows;
  int workTerms;
  int workCounterpartTypes;

  // ---- how decisive the decisions were (docs/model.md, "Decision statistics") -------------------
  int decisionsTaken;
  int decisionsClose; // the chosen action's probability under twice the best other's
  int decisionsNotBest; // an action with a higher expected utility was available
  int decisionsNoise; // chosen outside the three most probable actions

  /** An empty state sized for a model; {@link #reset} starts a run in it. */
  RunState(CompiledModel m) {
    nA = m.nA;
    nT = m.nT;
    maxTypes = m.types.maxTypes();
    forces = new double[nA * nT];
    eff = new double[nA * nT];
    ns = new int[nA];
    reserve = new double[nA];
    st = new int[nA];
    control = new int[nT];
    hostility = new double[nA * nA];
    rhetoric = new double[nA * nA];
    pressure = new double[nA * nA];
    supportDone = new int[nA * nA];
    standing = new double[nA * nA];
    support = new double[nA * nA];
    channel = new int[nA * nA];
    war = new boolean[nA * nA];
    warStart = new int[nA * nA];
    warAtStart = new boolean[nA * nA];
    lastHostile = new int[nA * nA];
    warCount = new int[nA];
    cred = new double[nA * nA];
    allied = new boolean[nA * nA];
    belief = new double[nA * nA * m.types.maxTypes()];
    trueRes = new int[nA];
    trueMot = new int[nA];
    struck = new boolean[nA];
    targetHit = new boolean[m.casualties.nTargets()];
    slots = m.theaters.transitSlots();
    transit = new double[nA * nT * slots];
    transitEff = new double[nA * nT * slots];
    inTransit = new double[nA];
    inTransitW = new double[nA];
    routeLoad = new double[m.theaters.routeCount()];
    routeLoadWeek = new int[m.theaters.routeCount()];
    totW = new double[nA];
    threat = new boolean[nA * nT];
    retaliation = new double[nA];
    contested = new boolean[nA];
    deaths = new double[nA * NK];
    answer = new boolean[m.questions.count()];
    broken = new boolean[m.questions.count()];
  }

  /**
   * Starts run {@code index} from its seed: the world at week 0 and each actor's private type
   * drawn from the run's stream. The quantities derived each week keep their values until the
   * week's first refresh.
   */
  void reset(CompiledModel m, long runSeed, int index) {
    seed = runSeed;
    runIndex = index;
    rng.seed(runSeed);
    m.actors.copyForces0Into(forces);
    m.actors.copyEff0Into(eff);
    m.actors.copyNonStrategicWarheadsInto(ns);
    m.actors.copyReserve0Into(reserve);
    m.actors.copyStrategicWarheadsInto(st);
    m.theaters.copyControl0Into(control);
    m.relations.copyHostility0Into(hostility);
    m.relations.copyRhetoric0Into(rhetoric);
    m.relations.copyChannel0Into(channel);
    m.relations.copyCredibilityInto(cred);
    m.relations.copyAlliedInto(allied);
    Arrays.fill(pressure, 0);
    Arrays.fill(supportDone, 0);
    Arrays.fill(standing, 0);
    Arrays.fill(support, 0);
    for (int i = 0; i < war.length; i++) {
      war[i] = hostility[i] >= WAR_HOSTILITY;
    }
    Arrays.fill(warStart, 0);
    System.arraycopy(war, 0, warAtStart, 0, war.length);
    Arrays.fill(lastHostile, -1);
    Arrays.fill(warCount, 0);
    for (int a = 0; a < nA; a++) {
      for (int b = 0; b < nA; b++) {
        if (a != b && war[a * nA + b]) {
          warCount[a]++;
        }
      }
    }
    Arrays.fill(struck, false);
    Arrays.fill(targetHit, false);
    Arrays.fill(transit, 0);
    Arrays.fill(transitEff, 0);
    Arrays.fill(inTransit, 0);
    Arrays.fill(inTransitW, 0);
    Arrays.fill(routeLoad, 0);
    Arrays.fill(routeLoadWeek, -1);
    Arrays.fill(deaths, 0);
    Arrays.fill(answer, false);
    Arrays.fill(broken, false);
    Arrays.fill(firstRung, -1);
    for (int a = 0; a < nA; a++) {
      for (int b = 0; b < nA; b++) {
        int off = (a * nA + b) * maxTypes;
        m.types.copyTypePriorInto(b, belief, off);
      }
    }
    // draw each actor's private type
    for (int a = 0; a < nA; a++) {
      int k = m.types.drawType(a, rng);
      trueRes[a] = k / m.types.nMot(a);
      trueMot[a] = k % m.types.nMot(a);
    }
    outcome = Outcome.FROZEN;
    highest = 0;
    principalsInCrisis = false;
    settled = false;
    principalDeal = false;
    deferredNoted = false;
    principalWar = false;
    principalWarWeek = -1;
    talksA = -1;
    talksB = -1;
    talksToward = -1;
    talksWeek = -1;
    nuclearUsed = false;
    strategicUsed = false;
    absorbed = false;
    nEv = 0;
    nEvTotal = 0;
    nuclearChoice = 0;
    tiltTarget = 0;
    logWeight = 0;
    workDecisions = 0;
    workRows = 0;
    workTerms = 0;
    workCounterpartTypes = 0;
    decisionsTaken = 0;
    decisionsClose = 0;
    decisionsNotBest = 0;
    decisionsNoise = 0;
    week = 0;
    nextEvent = 0;
    endWeek = m.horizon;
  }

  /** A deep copy: the same world, course, log and position in the random stream. */
  RunState copy(CompiledModel m) {
    RunState c = new RunState(m);
    c.copyFrom(this);
    return c;
  }

  /** Makes this state a deep copy of {@code o}, a state of the same model; allocates nothing. */
  void copyFrom(RunState o) {
    if (o.nA != nA || o.nT != nT || o.maxTypes != maxTypes
        || o.targetHit.length != targetHit.length || o.answer.length != answer.length
        || o.slots != slots) {
      throw new IllegalArgumentException("states of different models");
    }
    rng.copyFrom(o.rng);
    copy(o.forces, forces);
    copy(o.eff, eff);
    copy(o.ns, ns);
    copy(o.reserve, reserve);
    copy(o.st, st);
    copy(o.control, control);
    copy(o.hostility, hostility);
    copy(o.rhetoric, rhetoric);
    copy(o.pressure, pressure);
    System.arraycopy(o.supportDone, 0, supportDone, 0, supportDone.length);
    copy(o.standing, standing);
    copy(o.support, support);
    copy(o.channel, channel);
    copy(o.war, war);
    copy(o.warStart, warStart);
    System.arraycopy(o.warAtStart, 0, warAtStart, 0, warAtStart.length);
    System.arraycopy(o.lastHostile, 0, lastHostile, 0, lastHostile.length);
    copy(o.warCount, warCount);
    copy(o.cred, cred);
    copy(o.allied, allied);
    copy(o.belief, belief);
    copy(o.trueRes, trueRes);
    copy(o.trueMot, trueMot);
    copy(o.struck, struck);
    copy(o.targetHit, targetHit);
    copy(o.transit, transit);
    copy(o.transitEff, transitEff);
    copy(o.inTransit, inTransit);
    copy(o.inTransitW, inTransitW);
    copy(o.routeLoad, routeLoad);
    copy(o.routeLoadWeek, routeLoadWeek);
    copy(o.totW, totW);
    copy(o.threat, threat);
    copy(o.retaliation, retaliation);
    copy(o.contested, contested);
    runIndex = o.runIndex;
    seed = o.seed;
    week = o.week;
    endWeek = o.endWeek;
    nextEvent = o.nextEvent;
    outcome = o.outcome;
    highest = o.highest;
    copy(o.firstRung, firstRung);
    copy(o.deaths, deaths);
    copy(o.answer, answer);
    copy(o.broken, broken);
    principalsInCrisis = o.principalsInCrisis;
    settled = o.settled;
    principalDeal = o.principalDeal;
    deferredNoted = o.deferredNoted;
    principalWar = o.principalWar;
    principalWarWeek = o.principalWarWeek;
    talksA = o.talksA;
    talksB = o.talksB;
    talksToward = o.talksToward;
    talksWeek = o.talksWeek;
    nuclearUsed = o.nuclearUsed;
    strategicUsed = o.strategicUsed;
    absorbed = o.absorbed;
    reassessAfterNuclear = o.reassessAfterNuclear;
    nuclearChoice = o.nuclearChoice;
    tiltTarget = o.tiltTarget;
    logWeight = o.logWeight;
    nEv = o.nEv;
    nEvTotal = o.nEvTotal;
    System.arraycopy(o.logWeek, 0, logWeek, 0, nEv);
    System.arraycopy(o.logActor, 0, logActor, 0, nEv);
    System.arraycopy(o.logTarget, 0, logTarget, 0, nEv);
    System.arraycopy(o.logAction, 0, logAction, 0, nEv);
    System.arraycopy(o.logTheater, 0, logTheater, 0, nEv);
    workDecisions = o.workDecisions;
    workRows = o.workRows;
    workTerms = o.workTerms;
    workCounterpartTypes = o.workCounterpartTypes;
    decisionsTaken = o.decisionsTaken;
    decisionsClose = o.decisionsClose;
    decisionsNotBest = o.decisionsNotBest;
    decisionsNoise = o.decisionsNoise;
  }

  private static void copy(double[] from, double[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }

  private static void copy(int[] from, int[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }

  private static void copy(boolean[] from, boolean[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }

  // ---- small state operations shared by the steps ----------------------------------------------

  /** Adds troops of effectiveness e to a's forces in t (their mean effectiveness kept). */
  void addForces(int a, int t, double troops, double e) {
    int i = a * nT + t;
    double f = forces[i];
    double sum = f + troops;
    if (sum <= 0) {
      return;
    }
    eff[i] = f > 0 ? (f * eff[i] + troops * e) / sum : e;
    forces[i] = sum;
  }

  /** Whether a is at war with anyone. */
  boolean atWarAny(int a) {
    return warCount[a] > 0;
  }

  /** Hostility between a and b moved by d, kept in [0, 1] and symmetric. */
  /**
   * a's hostile act toward b raises their hostility by d; when a has a sponsor s other than b,
   * the victim b also turns {@code attribution(a)·d} of it toward s (a sponsor answers in part
   * for its client's acts).
   */
  void addHostilityBy(Actors actors, int a, int b, double d) {
    addHostility(a, b, d);
    int s = actors.sponsor(a);
    if (s >= 0 && s != b && d > 0) {
      addHostility(s, b, actors.attribution(a) * d);
    }
  }

  void addHostility(int a, int b, double d) {
    double h = Math.max(0, Math.min(1, hostility[a * nA + b] + d));
    hostility[a * nA + b] = h;
    hostility[b * nA + a] = h;
  }

  /** Starts or ends the war between a and b (both directions), keeping the war counts. */
  void setWar(int a, int b, boolean on) {
    if (war[a * nA + b] == on || a == b) {
      return;
    }
    war[a * nA + b] = on;
    war[b * nA + a] = on;
    if (on) {
      warStart[a * nA + b] = week;
      warStart[b * nA + a] = week;
      warAtStart[a * nA + b] = false;
      warAtStart[b * nA + a] = false;
    }
    int d = on ? 1 : -1;
    warCount[a] += d;
    warCount[b] += d;
  }

  /** Adds deaths of a kind to an actor. */
  void addDeaths(int a, CasualtyKind k, double v) {
    deaths[a * NK + k.ordinal()] += v;
  }

  /** Whether a holds nuclear weapons of either class. */
  boolean nuclearArmed(int a) {
    return ns[a] + st[a] > 0;
  }

  /** Coercive pressure fades by a tenth each week, down to third parties' standing sanctions. */
  void decayPressure() {
    for (int i = 0; i < pressure.length; i++) {
      pressure[i] = Math.max(pressure[i] * 0.9, standing[i]);
    }
  }
}
