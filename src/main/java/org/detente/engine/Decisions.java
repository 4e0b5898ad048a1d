package org.detente.engine;

import org.detente.model.Action;

/**
 * Decision step: the decision of an actor toward a counterpart. Its feasible actions ({@link
 * FeasibleActions}), its look-ahead to the counterpart's responses ({@link LookAhead}), the
 * expected utility of each action ({@link UtilityModel}), the quantal (logit) choice under its
 * true type, the action the counterpart perceives through the channel's noise, and that action's
 * likelihood under each of the actor's types ({@link Likelihoods}) for the counterpart's update.
 */
final class Decisions {

  private static final int MAXC = UtilityModel.MAXC;

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final Situation situation;
  private final Valuation valuation;
  private final FeasibleActions feasible;
  private final LookAhead lookAhead;
  private final UtilityModel utility;
  private final Likelihoods likelihoods;
  private final Trace trace;
  private final Simulator owner; // handed to the tracer
  private final Valuation.Motives own;
  // the tracer's copies of the true type's row
  private final double[] trUtil = new double[MAXC];
  private final double[] trProb = new double[MAXC];

  Decisions(CompiledModel m, RunState state, Situation situation, Valuation valuation,
      Movement movement, Trace trace, Simulator owner) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.situation = situation;
    this.valuation = valuation;
    this.trace = trace;
    this.owner = owner;
    this.feasible = new FeasibleActions(m, state, situation, movement);
    this.lookAhead = new LookAhead(m, state, valuation);
    this.utility = new UtilityModel(m, state, situation);
    this.likelihoods = new Likelihoods(m, state, utility);
    this.own = new Valuation.Motives(m.types.maxMot());
  }

  /** For tests: computes every likelihood row directly instead of chaining resolve levels. */
  void chainLikelihoods(boolean on) {
    likelihoods.chain(on);
  }

  /**
   * a decides what to do toward b; the decision, unless it is an uninformative wait, is
   * appended to {@code pending} with its likelihoods.
   */
  void decide(int a, int b, PendingDecisions pending) {
    final int ab = a * m.nA + b;
    final boolean atWar = state.war[ab];
    final double h = state.hostility[ab];
    final double p = situation.winProb(a, b);
    final boolean talk = situation.canTalk(a, b);
    final int ch = state.channel[ab];

    final Candidates cands = feasible.of(a, b, atWar, talk, ch);
    final int n = cands.n;
    final LookAhead.Responses la =
        lookAhead.of(a, b, 1 - p, atWar, talk, ch, h, cands.front, cands.hasNuclear);
    final double acA = constants.audienceCost() * state.rhetoric[ab];
    utility.coefficients(a, b, cands, la, p, h, acA, atWar);
    utility.motiveTables(a, b, cands, valuation.motives(a, b, own), p, acA);
    // the true type first: its quantal response is the decision
    final int tk = situation.typeOf(a);
    final int row = tk * MAXC;
    final double[] util = utility.util;
    final double[] prob = utility.prob;
    final double max =
        utility.utilities(state.trueMot[a], m.types.resLevel(a, state.trueRes[a]), n, row);
    final double lam = constants.lambda();
    state.workDecisions++;
    state.workRows++;
    state.workTerms += n;
    for (int c = 0; c < n; c++) {
      double d = lam * (util[row + c] - max);
      // below 4e-18 of the largest weight: never drawn in practice, and left out of the sums
      prob[row + c] = d < -40 ? 0 : FastMath.expInRange(d);
    }
    int chosen = state.rng.pick(prob, row, n);
    tally(util, prob, row, n, chosen);
    double eps = situation.noiseOf(a, b);
    int perceived = state.rng.nextDouble() < eps ? state.rng.nextInt(n) : chosen;
    if (trace.on()) {
      traceDecision(a, b, cands, row, chosen, perceived, eps);
    }
    Action act = cands.action(chosen);
    if (act == Action.WAIT && m.types.nTypes(a) == 1) {
      return; // nothing observable, nothing to learn
    }
    int pi = pending.add(a, b, act, cands.theater[chosen], cands.aux[chosen], eps);
    likelihoods.likelihoods(a, b, pending, pi, n, tk, perceived, eps);
  }

  /**
   * Counts the decision in the run's decision statistics: whether the chosen action's
   * probability was under twice that of the most probable other action (a close call), whether
   * an action of higher expected utility was available, and whether the chosen action lies
   * outside the three of highest expected utility (ties in candidate order, as {@code explain}
   * lists them: "chosen by quantal-response noise").
   */
  private void tally(double[] util, double[] weight, int row, int n, int chosen) {
    final double uc = util[row + chosen];
    final double wc = weight[row + chosen];
    double other = 0;
    int above = 0;
    for (int c = 0; c < n; c++) {
      if (c == chosen) {
        continue;
      }
      double w = weight[row + c];
      if (w > other) {
        other = w;
      }
      double u = util[row + c];
      if (u > uc || (u == uc && c < chosen)) {
        above++;
      }
    }
    state.decisionsTaken++;
    if (wc < 2 * other) {
      state.decisionsClose++;
    }
    if (above > 0) {
      state.decisionsNotBest++;
    }
    if (above >= 3) {
      state.decisionsNoise++;
    }
  }

  private void traceDecision(int a, int b, Candidates cands, int row, int chosen, int perceived,
      double eps) {
    final int ab = a * m.nA + b;
    final int n = cands.n;
    final double[] prob = utility.prob;
    double s = 0;
    for (int c = 0; c < n; c++) {
      s += prob[row + c];
    }
    for (int c = 0; c < n; c++) {
      trUtil[c] = utility.util[row + c];
      trProb[c] = prob[row + c] / s;
          }
    trace.tracer().decision(owner, state.week, a, b, n, cands.act, cands.theater, trUtil, trProb,
        chosen);
    if (perceived != chosen) {
      trace.note(state.week, m.actorId(b) + " misreads " + m.actorId(a) + "'s "
          + cands.action(chosen).id() + " as " + cands.action(perceived).id()
          + " (channel " + ActionEffects.channelName(state.channel[ab]) + ", noise " + eps
          + ")");
    }
  }
}
