package org.detente.engine;

import org.detente.model.Action;
import org.detente.model.Outcome;

/**
 * Simulates single runs of a {@link CompiledModel} in a reusable {@link RunState} and exposes the
 * finished run as a {@link RunView}. A run is a pure function of the model and the run's seed.
 * The simulator is the weekly loop; each step of a week is a class of its own, bound to the
 * model and to this simulator's state, with its own scratch space (no allocation per step).
 * Not thread-safe: one simulator per worker thread. docs/model.md documents every equation,
 * docs/architecture.md the steps.
 */
public final class Simulator implements RunView {

  /** Events kept per run; later events still count for questions and outcomes. */
  public static final int LOG_CAPACITY = RunState.LOG_CAPACITY;

  private final CompiledModel m;
  private final RunState state;
  private final Trace trace = new Trace();
  private final Situation situation;
  private final PendingDecisions pending;
  private final Incidents incidents;
  private final Decisions decisions;
  private final Support support;
  private final Beliefs beliefs;
  private final ActionEffects actions;
  private final Bargaining bargaining;
  private final Combat combat;
  private final Movement movement;
  private final Questions questions;

  /** A simulator for one compiled model. */
  public Simulator(CompiledModel model) {
    m = model;
    state = new RunState(model);
    situation = new Situation(m, state);
    Valuation valuation = new Valuation(m, state, situation);
    pending = new PendingDecisions(m);
    questions = new Questions(m, state);
    EventLog log = new EventLog(m, state, questions);
    beliefs = new Beliefs(m, state);
    incidents = new Incidents(m, state, situation, beliefs, log, trace);
    movement = new Movement(m, state, trace);
    decisions = new Decisions(m, state, situation, valuation, movement, trace, this);
    support = new Support(m, state, situation, valuation, movement, trace, this);
    bargaining = new Bargaining(m, state, situation, valuation, log, questions, trace);
    combat = new Combat(m, state, log, trace);
    NuclearExchange nuclear = new NuclearExchange(m, state, situation, log, trace);
    actions = new ActionEffects(m, state, log, bargaining, combat, nuclear, movement, trace);
  }

  /** Simulates run {@code index} of an ensemble with master seed {@code masterSeed}. */
  public void run(long masterSeed, int index) {
    runSeeded(Rng.runSeed(masterSeed, index), index);
  }

  /** Simulates one run from its own seed. */
  public void runSeeded(long runSeed, int index) {
    start(runSeed, index);
    continueRun();
  }

  /** Starts a run from its own seed: the state at week 0, nothing simulated yet. */
  void start(long runSeed, int index) {
    state.reset(m, runSeed, index);
    questions.checkWeek();
  }

  /** Simulates the weeks left from the current state to the end of the run. */
  void continueRun() {
    while (!done()) {
      advance();
    }
    questions.conclude();
  }

  /** Simulates one week; the week counter stays on a week in which the run was absorbed. */
  void advance() {
    if (week()) {
      state.week++;
    }
  }

  /** The steps of one week; false if an absorbing outcome ended the run during the week. */
  private boolean week() {
    // 1. forces whose transit ends arrive, scripted events of the week, then incidents
    state.nuclearChoice = 0;
    movement.arrivals();
    final EventSchedule events = m.events;
    while (state.nextEvent < events.count() && events.week(state.nextEvent) <= state.week) {
      int e = state.nextEvent++;
      if (events.week(e) == state.week) {
        actions.scripted(e);
      }
      if (state.absorbed) {
        return false;
      }
    }
    situation.assess();
    incidents.step();
    // 2. decisions of active dyads and of third parties, simultaneous: the state is constant while everybody decides
    pending.clear();
    situation.beginDecisions();
    for (int a = 0; a < m.nA; a++) {
      for (int b = 0; b < m.nA; b++) {
        if (a != b && situation.active(a, b)) {
          decisions.decide(a, b, pending);
        }
      }
    }
    // third parties with a stake in an active dyad
    support.decideAll(pending);
    situation.endDecisions();
    // 3-4. each decision observed (belief update), then applied
    for (int p = 0; p < pending.n && !state.absorbed; p++) {
      beliefs.observe(pending, p);
      actions.applyDecision(pending, p);
      if (state.reassessAfterNuclear) {
        situation.reassess();
        state.reassessAfterNuclear = false;
      }
    }
    if (state.absorbed) {
      return false;
    }
    // 5. combat, the fading of coercive pressure, questions, settlement
    combat.step();
    state.decayPressure();
    questions.checkWeek();
    bargaining.talks();
    bargaining.checkSettlement();
    if (!state.absorbed) {
      bargaining.cool();
    }
    return true;
  }

  /** Whether the run has reached its horizon or an absorbing outcome. */
  boolean done() {
    return state.week >= m.horizon || state.absorbed;
  }

  /** Ends a run that is {@link #done()}: the outcome and the outcome questions. */
  void finish() {
    questions.conclude();
  }

  /**
   * Replays one trajectory of a splitting estimate ({@link Splitting.Path}): the stage-0 run
   * from its seed, continued at each recorded week with the stream of the clone that took over
   * there, to the end of the run; the last stage with the estimate's importance sampling
   * ({@code tilt}, 0 for none), the start's types as type sampling drew them, if it did. The
   * splitting estimate stops a trajectory at the event; the
   * replay goes on to the end of the run.
   */
  public void runSplitPath(long masterSeed, Splitting.Path path, double tilt) {
    int r = path.replication();
    start(Splitting.seed(masterSeed, r, 0, path.particles()[0]), r);
    // the types that type sampling drew for the start
    for (int i = 0; i < path.typeGroups().length; i++) {
      int a = path.typeGroups()[i];
      int k = path.typeValues()[i];
      if (a >= m.nA || k >= m.types.nTypes(a)) {
        throw new IllegalArgumentException("the split path's type " + a + "=" + k
            + " is not a type of this scenario");
      }
      state.trueRes[a] = k / m.types.nMot(a);
      state.trueMot[a] = k % m.types.nMot(a);
    }
    for (int k = 1; k < path.particles().length; k++) {
      while (!done() && state.week < path.weeks()[k - 1]) {
        advance();
      }
      state.rng.seed(Splitting.seed(masterSeed, r, k, path.particles()[k]));
    }
    // the last stage draws as the estimate did (importance sampling, if any)
    state.tiltTarget = tilt;
    state.logWeight = 0;
    continueRun();
    state.tiltTarget = 0;
  }

  /** The likelihood ratio of the last stage of a replayed trajectory (1 without tilting). */
  public double splitWeight() {
    return Math.exp(state.logWeight);
  }

  /** Continues from a copy of {@code from} (a state of this model, e.g. another run's mid-way). */
  void resume(RunState from) {
    state.copyFrom(from);
  }

  /** The state of the run in progress (or last finished). */
  RunState state() {
    return state;
  }

  /** Installs a tracer (null to remove). */
  public void setTracer(Tracer tracer) {
    trace.set(tracer);
  }

  /** For tests: computes every likelihood row directly instead of chaining resolve levels. */
  void chainLikelihoods(boolean on) {
    decisions.chainLikelihoods(on);
  }

  /** The model simulated. */
  public CompiledModel model() {
    return m;
  }

  /**
   * Work done in the last run, for cost models: {decisions taken, quantal-response rows (the
   * decider's true type plus every type whose likelihood an observer needed), utility terms in
   * those rows (one per feasible action and row), counterpart types valued in look-aheads}.
   */
  public long[] lastRunWork() {
    return new long[] {
      state.workDecisions, state.workRows, state.workTerms, state.workCounterpartTypes
    };
  }

  @Override
  public int[] decisionStats() {
    return new int[] {
      state.decisionsTaken, state.decisionsClose, state.decisionsNotBest, state.decisionsNoise
    };
  }

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
  public boolean settled() {
    return state.settled;
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
    return state.deaths[actor * RunState.NK + kind.ordinal()];
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
    return state.belief[(observer * m.nA + about) * m.types.maxTypes() + type];
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

