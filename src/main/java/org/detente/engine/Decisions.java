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
    double q = nuclearChoice(cands, prob, row, n);
    int chosen = q > 0 && q < state.tiltTarget ? pickTilted(cands, prob, row, n, q)
        : state.rng.pick(prob, row, n);
    tally(state, util, prob, row, n, chosen);
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
   * Draws the decision from the quantal response tilted so that the nuclear actions together
   * have probability {@code state.tiltTarget} instead of q (each in proportion to its weight),
   * and adds the draw's log likelihood ratio, log(q / target) for a nuclear action and
   * log((1 − q) / (1 − target)) for another, to the run's weight. The weights are restored.
   */
  private final double[] kept = new double[MAXC];

  private int pickTilted(Candidates cands, double[] weight, int row, int n, double q) {
    double t = state.tiltTarget;
    double f = t * (1 - q) / (q * (1 - t));
    System.arraycopy(weight, row, kept, 0, n);
    for (int c = 0; c < n; c++) {
      if (cands.action(c).nuclear()) {
        weight[row + c] *= f;
      }
    }
    int chosen = state.rng.pick(weight, row, n);
    System.arraycopy(kept, 0, weight, row, n);
    state.logWeight += cands.action(chosen).nuclear() ? Math.log(q / t)
        : Math.log((1 - q) / (1 - t));
    return chosen;
  }

  /**
   * Keeps the week's largest probability of choosing a nuclear action and returns this
   * decision's.
   */
  private double nuclearChoice(Candidates cands, double[] weight, int row, int n) {
    double all = 0;
    double nuclear = 0;
    for (int c = 0; c < n; c++) {
      double w = weight[row + c];
      all += w;
      if (cands.action(c).nuclear()) {
        nuclear += w;
      }
    }
    double q = nuclear > 0 && all > 0 ? nuclear / all : 0;
    if (q > state.nuclearChoice) {
      state.nuclearChoice = q;
    }
    return q;
  }

  /**
   * Counts the decision in the run's decision statistics: whether the chosen action's
   * probability was under twice that of the most probable other action (a close call), whether
   * an action of higher expected utility was available, and whether the chosen action lies
   * outside the three of highest expected utility (ties in candidate order, as {@code explain}
   * lists them: "chosen by quantal-response noise").
   */
  static void tally(RunState state, double[] util, double[] weight, int row, int n,
      int chosen) {
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
