package org.detente.engine;

import org.detente.model.Action;

/**
 * Decision step, part 3: the expected utility of each feasible action. Every action's utility
 * is linear in a few per-type values (features) with coefficients that depend only on the
 * public state and the decider's look-ahead ({@link #coefficients}); for each motive of the
 * decider, every value is affine in resolve, so each action's utility is a slope and an
 * intercept in resolve plus two piecewise features ({@link #motiveTables}); {@link #utilities}
 * evaluates one type's row. The rows and tables are this step's own scratch, read by {@link
 * Likelihoods} for the same decision.
 */
final class UtilityModel {

  /** Rows of the utility and weight tables: one per type, and two scratch rows. */
  static final int MAXC = Candidates.CAPACITY;
  private static final int NZ = 5; // the most coefficients in one action's utility row

  // The layouts of an action's utility row: which per-type values (features) its coefficients
  // multiply, in the order coefficients() writes them. hold: holding on; one: a constant; deal,
  // offer: the value of the focal deal, of an offer; sq: the status quo; won: the counterpart
  // yields; war: a decisive war; G, L, cost: winning, losing, the war's cost; territory: the
  // theater attacked; destination: the theater a deployment goes to; cohesion: alliance
  // cohesion; concession: conceding.
  private static final int HOLD_ONE = 1;
  private static final int DEAL_HOLD_ONE = 2;
  private static final int OFFER_HOLD_ONE = 3;
  private static final int SQ_ONE_HOLD = 4;
  private static final int CONCESSION = 5;
  private static final int WON_HOLD_ONE = 6;
  private static final int WON_WAR_HOLD_ONE = 7;
  private static final int WAR_TERRITORY = 8;
  private static final int LOCAL_ATTACK = 14;
  private static final int WAR_ONE = 9;
  private static final int HOLD_ONE_COHESION = 10;
  private static final int WON_WAR_ONE = 11;
  private static final int WON_G_L_COST_ONE = 12;
  private static final int HOLD_ONE_DESTINATION = 13;

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final Situation situation;
  final double[] util; // [type*MAXC + c]
  final double[] prob; // [type*MAXC + c]
  private final double[] spVal = new double[MAXC * NZ];
  // the features each candidate's coefficients in spVal stand for, in their order (one of the
  // layouts below), written by coefficients() and read by motiveTables()
  private final int[] layout = new int[MAXC];
  // a's utilities are affine in resolve for a given motive: u = res * uSlope + uIcpt, plus the two
  // piecewise features (max(0, deal - hold) and max(0, G - L)) with dense coefficients cR, cGL
  final double[] uSlope; // [mo*MAXC + c]
  final double[] uIcpt; // [mo*MAXC + c]
  final double[] cR = new double[MAXC];
  final double[] cGL = new double[MAXC];
  final double[] rSlope; // per motive: deal - hold = res * rSlope + rIcpt
  final double[] rIcpt;
  final double[] glSlope; // per motive: G - L = res * glSlope + glIcpt
  final double[] glIcpt;
  private double attackEngaged; // share of a's forces an attack commits anew (at war)

  UtilityModel(CompiledModel m, RunState state, Situation situation) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.situation = situation;
    util = new double[(m.types.maxTypes() + 2) * MAXC];
    prob = new double[(m.types.maxTypes() + 2) * MAXC];
    uSlope = new double[m.types.maxMot() * MAXC];
    uIcpt = new double[m.types.maxMot() * MAXC];
    rSlope = new double[m.types.maxMot()];
    rIcpt = new double[m.types.maxMot()];
    glSlope = new double[m.types.maxMot()];
    glIcpt = new double[m.types.maxMot()];
  }

  /**
   * The sparse coefficients of each feasible action's expected utility over the per-type values
   * (features), from the public state and the look-ahead.
   */
  void coefficients(int a, int b, Candidates cands, LookAhead.Responses la, double p, double h,
      double acA, boolean atWar) {
    final int n = cands.n;
    final int attackT = cands.attackTheater;
    final double pAccDeal = la.deal;
    final double pAccOffer = la.offer;
    final double pAccCease = la.ceasefire;
    final double pYieldVerbal = la.yieldVerbal;
    final double pYieldMaterial = la.yieldMaterial;
    final double pEscMaterial = la.escalateMaterial;
    final double pYieldNuc = la.yieldNuclear;
    final double retal = situation.retaliationBy(b);
    final double pAfterStrike = situation.afterStrikeWinProb(a, b, cands.nuclearForcesTheater);
    final double pLocal = attackT >= 0 ? situation.localWinProb(a, b, attackT) : 0;
    // at war, an attack where a already fights adds nothing to the week's combat; elsewhere it
    // commits forces from next door, with the chance pLocal of taking the theater
    final boolean fresh = attackT >= 0 && state.forces[a * m.nT + attackT] <= 0;
    attackEngaged = attackT >= 0 && atWar ? situation.attackEngagement(a, attackT) : 0;

    // every action's expected utility is linear in a few per-type values (features), with
    // coefficients that depend only on the public state and a's beliefs: they are built once here,
    // and motiveTables turns them into a slope and an intercept in resolve per motive
    final double kA = constants.catastropheCost() * m.actors.riskWeight(a);
    final double talkV = constants.consultValue() * h;
    final double gH = constants.goldsteinHostility();
    final double crisis = constants.crisisCost();
    final double coerce = constants.coercionCost();
    final double taboo = constants.tabooCost();
    final double follow = constants.followOnRisk();
    // the continuation value of the channel: consultValue x hostility per week over channelWeeks,
    // in proportion to the noise a channel level removes; breaking loses a level's share of it,
    // restoring regains one
    final int ch = state.channel[a * m.nA + b];
    final double chSpan = talkV * constants.channelWeeks();
    final double chLoss = ch < RunState.SEVERED
        ? chSpan * (constants.channelWorth(ch) - constants.channelWorth(ch + 1)) : 0;
    final double chGain = ch > RunState.OPEN
        ? chSpan * (constants.channelWorth(ch - 1) - constants.channelWorth(ch)) : 0;
    for (int c = 0; c < n; c++) {
      final Action act = cands.action(c);
      final int so = c * NZ;
      int z = 0;
      double r = 0;
      double gl = 0;
      int lay;
      switch (act) {
        case WAIT:
          z = co(so, z, 1); // hold
          // constant: in peacetime, the value of holding the current course over changing it
          // (status-quo bias, Samuelson & Zeckhauser 1988), in noise units of the quantal
          // response (inertia / qreLambda stake units: holding on is e^inertia times as likely
          // as an action of equal value, whatever the precision); at war, holding on is
          // fighting on
          z = co(so, z, atWar ? 0 : constants.inertia() / constants.lambda());
          lay = HOLD_ONE;
          break;
        case INTENT_TO_COOPERATE:
          z = co(so, z, 1); // hold
          z = co(so, z, 0.5 * talkV); // constant
          lay = HOLD_ONE;
          break;
        case CONSULT:
          z = co(so, z, 1); // hold
          z = co(so, z, talkV); // constant
          lay = HOLD_ONE;
          break;
        case RESTORE_RELATIONS:
          z = co(so, z, 1); // hold
          z = co(so, z, chGain); // constant: the channel's continuation value regained
          r = 0.5 * pAccDeal;
          lay = HOLD_ONE;
          break;
        case NEGOTIATE:
          z = co(so, z, pAccDeal); // deal
          z = co(so, z, 1 - pAccDeal); // hold
          z = co(so, z, talkV); // constant
          lay = DEAL_HOLD_ONE;
          break;
        case OFFER:
          z = co(so, z, pAccOffer); // offer
          z = co(so, z, 1 - pAccOffer); // hold
          z = co(so, z, talkV); // constant
          lay = OFFER_HOLD_ONE;
          break;
        case CEASEFIRE:
          z = co(so, z, pAccCease); // status quo
          // constant
          z = co(so, z, -pAccCease * (crisis * h
              + acA * m.mediation.audienceShare(a * m.nA + b, constants.dealAudienceShare())));
          z = co(so, z, 1 - pAccCease); // hold
          lay = SQ_ONE_HOLD;
          break;
        case CONCEDE:
          z = co(so, z, 1); // concession
          lay = CONCESSION;
          break;
        case INSULT:
          z = co(so, z, 1); // hold
          z = co(so, z, constants.rhetoricGain() - crisis * 2 * gH); // constant
          lay = HOLD_ONE;
          break;
        case THREATEN:
        case THREATEN_BREAK_RELATIONS:
          z = co(so, z, pYieldVerbal); // won
          z = co(so, z, 1 - pYieldVerbal); // hold
          // constant: the crisis cost of the hostility the threat adds, by its own Goldstein
          // value (threaten -7.0, threaten to break relations -5.8), as for every other action
          z = co(so, z, crisis * act.goldstein() * gH);
          lay = WON_HOLD_ONE;
          break;
        case THREATEN_NUCLEAR:
          z = co(so, z, pYieldVerbal); // won
          z = co(so, z, 1 - pYieldVerbal); // hold
          z = co(so, z, -crisis * 7 * gH - 0.1 * taboo); // constant
          lay = WON_HOLD_ONE;
          break;
        case BREAK_RELATIONS:
          z = co(so, z, 1); // hold
          // constant: the channel's continuation value lost
          z = co(so, z, -chLoss + constants.rhetoricGain());
          r = -0.5 * pAccDeal;
          lay = HOLD_ONE;
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
          lay = WON_WAR_HOLD_ONE;
          break;
        }
        case ATTACK:
          if (atWar && fresh) {
            // a limited attack in a war already fought, into a theater where a does not fight
            // yet: fighting on as things stand, plus the theater's value times the chance of
            // taking it, less a coercive step's cost (the running cost of the forces it commits
            // and the share of the nuclear danger it carries are added per motive in
            // motiveTables)
            z = co(so, z, 1); // hold
            z = co(so, z, pLocal); // territory
            z = co(so, z, -coerce); // constant
            lay = LOCAL_ATTACK;
          } else if (atWar) {
            // pressing the fight where a already fights: the war lottery, plus the theater's
            // value times the local edge
            z = co(so, z, 1); // war
            z = co(so, z, pLocal - 0.5); // territory
            lay = WAR_TERRITORY;
          } else {
            z = co(so, z, 1); // war
            z = co(so, z, -crisis * h); // constant
            lay = WAR_ONE;
          }
          break;
        case ARM_PROXY:
          z = co(so, z, 1); // hold
          z = co(so, z, -coerce); // constant
          gl = 0.5 * constants.proxyBoost() * p * (1 - p);
          lay = HOLD_ONE;
          break;
        case FORM_ALLIANCE:
          z = co(so, z, 1); // hold
          z = co(so, z, -coerce); // constant
          z = co(so, z, 0.1); // cohesion
          gl = constants.allianceCredibility() * 0.25 * p * (1 - p);
          lay = HOLD_ONE_COHESION;
          break;
        case NUCLEAR_DEMONSTRATION:
          z = co(so, z, pYieldNuc); // won
          z = co(so, z, 1 - pYieldNuc); // war
          z = co(so, z, -(1 - pYieldNuc) * retal * follow * kA - taboo); // constant
          lay = WON_WAR_ONE;
          break;
        case NUCLEAR_STRIKE_FORCES: {
          double q = 1 - pYieldNuc;
          z = co(so, z, pYieldNuc); // won
          z = co(so, z, q * pAfterStrike); // G
          z = co(so, z, q * (1 - pAfterStrike)); // L
          z = co(so, z, -q); // war cost
          z = co(so, z, -q * (follow * kA + retal * follow * kA) - taboo); // constant
          lay = WON_G_L_COST_ONE;
          break;
        }
        case NUCLEAR_STRIKE_CITY:
          z = co(so, z, pYieldNuc); // won
          z = co(so, z, 1 - pYieldNuc); // war
          z = co(so, z, -(1 - pYieldNuc) * retal * kA - 2 * taboo); // constant
          lay = WON_WAR_ONE;
          break;
        case DEPLOY:
          z = co(so, z, 1); // hold
          // a visible deployment costs a coercive step, and in peacetime the crisis cost of the
          // hostility it adds (its Goldstein value)
          z = co(so, z, -coerce - (atWar ? 0 : crisis * -Action.DEPLOY.goldstein() * gH));
          // the destination's value times the rise of the local share; in peacetime weighted by
          // hostility, the nearness of the war in which the local balance would matter
          z = co(so, z, (atWar ? 1 : h) * cands.deployGain); // territory of the destination
          lay = HOLD_ONE_DESTINATION;
          break;
        case STRATEGIC_COUNTERFORCE:
          z = co(so, z, 1); // war
          z = co(so, z, -retal * kA - taboo + (state.struck[a] ? 0.1 * kA : 0)); // constant
          lay = WAR_ONE;
          break;
        default:
          // strategic countervalue: pure punishment, valued only after being struck
          z = co(so, z, 1); // war
          z = co(so, z, -retal * kA - 2 * taboo + (state.struck[a] ? 0.1 * kA : 0)); // constant
          lay = WAR_ONE;
          break;
      }
      cR[c] = r;
      cGL[c] = gl;
      layout[c] = lay;
    }
  }

  /**
   * Per motive of a, the slope and intercept in resolve of each feasible action's utility toward
   * b (every value of docs/model.md, "Values", is affine in resolve for a given motive), and of
   * the two piecewise features, from a's values {@code mv} facing b. Requires {@link
   * #coefficients} for the same candidates.
   */
  void motiveTables(int a, int b, Candidates cands, Valuation.Motives mv, double p,
      double acA) {
    final int n = cands.n;
    final int attackT = cands.attackTheater;
    final int deployT = cands.deployTheater;
    final int[] lay = layout;
    final double danger = mv.danger;
    final double engaged = mv.engaged;
    final int nA = m.nA;
    final int ab = a * nA + b;
    final double h = state.hostility[ab];
    final boolean atWar = state.war[ab];
    final double share = m.mediation.audienceShare(ab, constants.dealAudienceShare());
    final double holdBase = -constants.crisisCost() * h * ((atWar ? 1 : mv.ripe) + danger)
        - state.pressure[b * nA + a];
    final double dealOff0 = -acA * share; // intercept of a deal's and an offer's value
    final double[] v = spVal;
    final int nMa = m.types.nMot(a);
    final MotiveTables mt = m.motives;
    for (int mo = 0; mo < nMa; mo++) {
      final double g1 = mv.g1[mo];
      final double g0 = mv.g0[mo];
      final double l1 = mv.l1[mo];
      final double cost = mv.cost[mo];
      final double sq1 = mv.sq(mt.uSq(a, mo), mo);
      final double h0 = holdBase - (atWar ? 0.5 * cost * engaged : 0);
      final double offer1 = mt.uOfferTo(a, mo, b);
      final double deal1 = mt.uDeal(a, mo, b);
      final double w1 = p * g1 + (1 - p) * l1;
      final double w0 = p * g0 - cost - danger;
      final double won1 = mt.uYieldedTo(a, mo, b);
      final double terr1 = attackT >= 0 ? mt.terr(a, mo, attackT) : 0;
      final double terrD = deployT >= 0 ? mt.terr(a, mo, deployT) : 0;
      final double coh0 = mt.cohesion(a, mo);
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
        switch (lay[c]) {
          case HOLD_ONE:
            s1 = v[so] * sq1;
            s0 = v[so] * h0 + v[so + 1];
            break;
          case DEAL_HOLD_ONE:
            s1 = v[so] * deal1 + v[so + 1] * sq1;
            s0 = v[so] * dealOff0 + v[so + 1] * h0 + v[so + 2];
            break;
          case OFFER_HOLD_ONE:
            s1 = v[so] * offer1 + v[so + 1] * sq1;
            s0 = v[so] * dealOff0 + v[so + 1] * h0 + v[so + 2];
            break;
          case SQ_ONE_HOLD:
            s1 = v[so] * sq1 + v[so + 2] * sq1;
            s0 = v[so + 1] + v[so + 2] * h0;
            break;
          case CONCESSION:
            s1 = v[so] * offer1;
            s0 = v[so] * -acA;
            break;
          case WON_HOLD_ONE:
            s1 = v[so] * won1 + v[so + 1] * sq1;
            s0 = v[so + 1] * h0 + v[so + 2];
            break;
          case WON_WAR_HOLD_ONE:
            s1 = v[so] * won1 + v[so + 1] * w1 + v[so + 2] * sq1;
            s0 = v[so + 1] * w0 + v[so + 2] * h0 + v[so + 3];
            break;
          case WAR_TERRITORY:
            s1 = v[so] * w1 + v[so + 1] * terr1;
            s0 = v[so] * w0;
            break;
          case LOCAL_ATTACK: // hold, territory, one
            s1 = v[so] * sq1 + v[so + 1] * terr1;
            s0 = v[so] * h0 + v[so + 2] - 0.5 * cost * attackEngaged
                - constants.localEscalationShare() * danger;
            break;
          case HOLD_ONE_DESTINATION:
            s1 = v[so] * sq1 + v[so + 2] * terrD;
            s0 = v[so] * h0 + v[so + 1];
            break;
          case WAR_ONE:
            s1 = v[so] * w1;
            s0 = v[so] * w0 + v[so + 1];
            break;
          case HOLD_ONE_COHESION:
            s1 = v[so] * sq1;
            s0 = v[so] * h0 + v[so + 1] + v[so + 2] * coh0;
            break;
          case WON_WAR_ONE:
            s1 = v[so] * won1 + v[so + 1] * w1;
            s0 = v[so + 1] * w0 + v[so + 2];
            break;
          case WON_G_L_COST_ONE:
            s1 = v[so] * won1 + v[so + 1] * g1 + v[so + 2] * l1;
            s0 = v[so + 1] * g0 + v[so + 3] * cost + v[so + 4];
            break;
          default:
            throw new IllegalStateException("no utility row of layout " + lay[c]);
        }
        uSlope[o + c] = s1;
        uIcpt[o + c] = s0;
      }
    }
  }

  /**
   * Utilities of a's n feasible actions under motive mo and resolve res, written to
   * util[row..]; returns their maximum. Requires {@link #motiveTables}.
   */
  double utilities(int mo, double res, int n, int row) {
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
}
