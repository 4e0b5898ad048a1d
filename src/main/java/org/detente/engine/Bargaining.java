package org.detente.engine;

import org.detente.model.Action;

/**
 * Bargaining step: proposals (the focal deal, an offer, a ceasefire) accepted by the receiver
 * under its true type and ratified by the proposer's own side, third parties at war with a
 * principal consenting to the principals' deal; deals, ceasefires and the settlement that ends
 * the crisis.
 */
final class Bargaining {

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final Situation situation;
  private final Valuation valuation;
  private final EventLog log;
  private final Questions questions;
  private final Trace trace;
  private final Valuation.Motives mv;
  private final Valuation.TypeValues tv = new Valuation.TypeValues();
  // the last side's value of a settlement and its alternative (rated()), for the explain log
  private double ratValue;
  private double ratAlt;
  // the share of an active pair's hostility kept in a week with no hostile act between them
  private final double fadeKeep;

  Bargaining(CompiledModel m, RunState state, Situation situation, Valuation valuation,
      EventLog log, Questions questions, Trace trace) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.situation = situation;
    this.valuation = valuation;
    this.log = log;
    this.questions = questions;
    this.trace = trace;
    this.mv = new Valuation.Motives(m.types.maxMot());
    this.fadeKeep = constants.fadeWeeks() > 0 ? Math.exp(-1.0 / constants.fadeWeeks()) : 1.0;
  }

  /**
   * a proposes to b (a deal, an offer or a ceasefire); b accepts under its true type if the deal
   * beats fighting on, and a's own side must ratify it.
   */
  void propose(int a, int b, Action act) {
    int nA = m.nA;
    log.record(a, b, act, -1);
    if (!situation.canTalk(a, b)) {
      return;
    }
    int mo = state.trueMot[b];
    double acB = constants.audienceCost() * state.rhetoric[b * nA + a];
    double hB = state.hostility[a * nA + b];
    trueValues(b, a);
    double value;
    double alt;
    if (act == Action.CEASEFIRE) {
      value = tv.sq - constants.crisisCost() * hB - acB * share(a, b);
      alt = Math.max(tv.hold, tv.w);
    } else {
      value = tv.res * (act == Action.OFFER ? m.motives.uYieldedTo(b, mo, a)
          : m.motives.uDeal(b, mo, a))
          - acB * share(a, b);
      alt = Math.max(tv.hold, tv.w);
    }
    // each side must prefer the deal to its alternatives, in peacetime as at war (Fearon 1995;
    // two-level ratification, Putnam 1988): the receiver under its true type, then the
    // proposer's own side, so a proposal made by quantal-response error does not bind
    boolean accepted = Valuation.accept(value - alt) == 1.0;
    // the two sides' strain of the crisis this week, what holding on costs each against the
    // status quo: b's from b's values in tv now, a's from a's, which ratification leaves in tv
    double strainB = tv.sq - tv.hold;
    boolean ratified = act == Action.CEASEFIRE ? ceasefireRatification(a, b) == 1.0
        : ratification(a, b, act == Action.OFFER) == 1.0;
    double strain = strainB + (tv.sq - tv.hold);
    boolean accept = accepted && ratified;
    boolean notRatified = accepted && !ratified;
    if (accept && act != Action.CEASEFIRE && isPrincipalPair(a, b)) {
      // the principals cannot settle a war over the heads of those fighting it: every third
      // party at war with a principal must find the deal inside its own bargaining range
      for (int c = 0; c < nA && accept; c++) {
        if (c == a || c == b) {
          continue;
        }
        int enemy = state.war[c * nA + a] ? a : state.war[c * nA + b] ? b : -1;
        if (enemy >= 0) {
          accept = belligerentConsent(c, enemy) == 1.0;
          if (!accept && trace.on()) {
            trace.note(state.week, m.actorId(c) + ", at war with " + m.actorId(enemy)
                + ", rejects the deal between " + m.actorId(a) + " and " + m.actorId(b)
                + String.format(java.util.Locale.ROOT,
                ": worth %.3f to it against fighting on / holding %.3f", ratValue, ratAlt));
          }
        }
      }
    }
    if (trace.on()) {
      if (notRatified) {
        trace.note(state.week, m.actorId(a) + "'s own side does not ratify its " + act.id()
            + " to " + m.actorId(b) + String.format(java.util.Locale.ROOT,
            ": worth %.3f to it against fighting on / holding %.3f, outside its range by %.3f;"
                + " %s would accept (worth %.3f to it against %.3f)", ratValue, ratAlt,
            ratAlt - ratValue, m.actorId(b), value, alt));
      } else if (!accepted) {
        trace.note(state.week, m.actorId(b) + " refuses " + m.actorId(a) + "'s " + act.id()
            + String.format(java.util.Locale.ROOT,
            ": worth %.3f to it against fighting on / holding %.3f, outside its range by %.3f",
            value, alt, alt - value));
      } else {
        trace.note(state.week, m.actorId(b) + " accepts " + m.actorId(a) + "'s " + act.id()
            + String.format(java.util.Locale.ROOT,
            " (worth %.3f to it against fighting on / holding %.3f)", value, alt));
      }
    }
    if (!accept) {
      // the side that refused: the receiver, or the proposer's own side
      if (notRatified) {
        log.record(a, b, Action.REJECT, -1);
      } else {
        log.record(b, a, Action.REJECT, -1);
      }
      state.addHostility(a, b, -Action.REJECT.goldstein() * constants.goldsteinHostility());
      return;
    }
    if (act == Action.CEASEFIRE) {
      endWar(a, b);
      return;
    }
    double rounds = constants.negotiationWeeks();
    if (rounds > 1 && state.war[a * nA + b] && isPrincipalPair(a, b)) {
      // at war the guns fall silent at once, and the terms follow in rounds of talks (Pillar
      // 1983, Fortna 2004: a ceasefire and a settlement are two agreements): the ceasefire
      // binds now, the settlement when a round finds the formula (talks(), from next week)
      endWar(a, b);
      state.talksA = a;
      state.talksB = b;
      state.talksToward = act == Action.OFFER ? b : -1;
      state.talksWeek = state.week;
      if (trace.on()) {
        trace.note(state.week, "talks between " + m.actorId(a) + " and " + m.actorId(b)
            + " on the terms begin under the ceasefire");
      }
      return;
    }
    // in peacetime a deal both sides would sign is found only after rounds of talks (Zartman &
    // Berman 1982: prenegotiation, the formula, the details), else the talks go on and the
    // crisis with them
    if (rounds > 1 && !state.war[a * nA + b] && noFormula(strain)) {
      if (trace.on()) {
        trace.note(state.week, "talks between " + m.actorId(a) + " and " + m.actorId(b)
            + " go on: no formula found this round");
      }
      return;
    }
    deal(a, b, act == Action.OFFER ? b : -1);
  }

  /**
   * A round of the talks on the terms of a ceasefire the principals agreed at war: broken off if
   * they are at war again, else the formula is found, and the deal made, with the probability of
   * a peacetime round, 1 - (1 - 1/negotiationWeeks) exp(-lambda S), S the two sides' strain of
   * the crisis this week.
   */
  void talks() {
    int a = state.talksA;
    if (a < 0 || state.settled || state.talksWeek == state.week) {
      return;
    }
    int b = state.talksB;
    int nA = m.nA;
    if (state.war[a * nA + b]) {
      state.talksA = -1;
      if (trace.on()) {
        trace.note(state.week, "the fighting between " + m.actorId(a) + " and " + m.actorId(b)
            + " has resumed: the talks on the terms are broken off");
      }
      return;
    }
    trueValues(a, b);
    double strain = tv.sq - tv.hold;
    trueValues(b, a);
    strain += tv.sq - tv.hold;
    if (noFormula(strain)) {
      return;
    }
    state.talksA = -1;
    if (trace.on()) {
      trace.note(state.week, "the talks between " + m.actorId(a) + " and " + m.actorId(b)
          + " find the formula");
    }
    deal(a, b, state.talksToward);
  }

  /**
   * Whether this round of talks fails to find the formula: with probability
   * (1 - 1/negotiationWeeks) exp(-lambda S), S the two sides' strain of the crisis this week (the
   * urgency of a crisis hurries the search for a formula: Zartman 2000, Pruitt 1981). One draw
   * of the run's stream.
   */
  private boolean noFormula(double strain) {
    return state.rng.nextDouble() < (1 - 1 / constants.negotiationWeeks())
        * Math.exp(-constants.lambda() * Math.max(0, strain));
  }

  private boolean isPrincipalPair(int a, int b) {
    return (a == m.relations.principalA() && b == m.relations.principalB())
        || (a == m.relations.principalB() && b == m.relations.principalA());
  }

  /**
   * Probability that c, at war with a principal (enemy), consents to the principals' focal deal:
   * its value of the deal, paying the compromise share of its audience cost toward the enemy,
   * against fighting on or a decisive war.
   */
  private double belligerentConsent(int c, int enemy) {
    int nA = m.nA;
    int mo = state.trueMot[c];
    trueValues(c, enemy);
    double value = tv.res * m.motives.uDealOf(c, mo, m.relations.principalA(),
        m.relations.principalB())
        - constants.audienceCost() * state.rhetoric[c * nA + enemy] * share(c, enemy);
    return rated(value);
  }

  /** The share of the audience cost of a compromise between a and b (less under a mediator). */
  private double share(int a, int b) {
    return m.mediation.audienceShare(a * m.nA + b, constants.dealAudienceShare());
  }

  /** Probability that a's own side ratifies a deal it proposed to b (focal deal or offer). */
  private double ratification(int a, int b, boolean offer) {
    int nA = m.nA;
    int mo = state.trueMot[a];
    trueValues(a, b);
    double ac = constants.audienceCost() * state.rhetoric[a * nA + b];
    double value = tv.res * (offer ? m.motives.uOfferTo(a, mo, b) : m.motives.uDeal(a, mo, b))
        - ac * share(a, b);
    return rated(value);
  }

  /**
   * Probability that a's own side ratifies a ceasefire it proposed to b: the front as it stands
   * (the status quo, minus the crisis cost and the share of the audience cost of a compromise)
   * against fighting on or a decisive war.
   */
  private double ceasefireRatification(int a, int b) {
    int nA = m.nA;
    trueValues(a, b);
    double value = tv.sq - constants.crisisCost() * state.hostility[a * nA + b]
        - constants.audienceCost() * state.rhetoric[a * nA + b] * share(a, b);
    return rated(value);
  }

  /** Probability that a's own side stands by a concession to b (full audience cost). */
  double concessionRatification(int a, int b) {
    int nA = m.nA;
    int mo = state.trueMot[a];
    trueValues(a, b);
    double value =
        tv.res * m.motives.uOfferTo(a, mo, b)
            - constants.audienceCost() * state.rhetoric[a * nA + b];
    return rated(value);
  }

  /**
   * 1 when a settlement worth {@code value} to the side whose values are in tv lies inside its
   * range (at least its alternative, fighting on or holding), else 0; keeps both for the
   * explain log.
   */
  private double rated(double value) {
    ratValue = value;
    ratAlt = Math.max(tv.hold, tv.w);
    return Valuation.accept(value - ratAlt);
  }

  /** The last rated side's value of a settlement against its alternative, for the explain log. */
  String lastRating() {
    return String.format(java.util.Locale.ROOT,
        " (worth %.3f to it against fighting on / holding %.3f)", ratValue, ratAlt);
  }

  private void endWar(int a, int b) {
    int nA = m.nA;
    if (state.war[a * nA + b]) {
      state.setWar(a, b, false);
      log.record(a, b, Action.CEASEFIRE, -1);
      questions.onWarEnded(a, b);
      if (trace.on()) {
        trace.note(state.week, "ceasefire between " + m.actorId(a) + " and " + m.actorId(b));
      }
    }
  }

  /**
   * A deal between a and b: at the focal point, or (toward ≥ 0) at the point moved toward that
   * actor (an offer to it, or a concession to it). Logged as an agreement; the war between them
   * ends, hostility and rhetoric halve, coercion stops; a deal on an issue about a theater
   * assigns the theater; a principal deal settles the crisis once no war goes on.
   */
  void deal(int a, int b, int toward) {
    int nA = m.nA;
    log.record(a, b, Action.AGREEMENT, -1);
    endWar(a, b);
    state.hostility[a * nA + b] *= 0.5;
    state.hostility[b * nA + a] *= 0.5;
    state.rhetoric[a * nA + b] *= 0.5;
    state.rhetoric[b * nA + a] *= 0.5;
    state.pressure[a * nA + b] = 0;
    state.pressure[b * nA + a] = 0;
    state.standing[a * nA + b] = 0;
    state.standing[b * nA + a] = 0;
    assignTerritory(a, b, toward);
    if (isPrincipalPair(a, b)) {
      state.talksA = -1;
      state.principalDeal = true;
      checkSettlement();
    }
  }

  /**
   * The theaters a deal between a and b assigns: for each issue about a theater that concerns
   * them (one of them holds it at an end of the scale, or they are the principals), the deal's
   * point on the issue gives the theater to the holder at that end (Fearon 1995: a settlement is
   * a division of the territory at stake); the previous holder's forces there withdraw to its
   * theater with the most forces.
   */
  private void assignTerritory(int a, int b, int toward) {
    final TerritorialIssues ti = m.territory;
    final int nT = m.nT;
    for (int l = 0; l < ti.n(); l++) {
      boolean concerns = a == ti.at0(l) || a == ti.at100(l) || b == ti.at0(l)
          || b == ti.at100(l) || isPrincipalPair(a, b);
      if (!concerns) {
        continue;
      }
      double point = toward < 0 ? ti.focal(l) : ti.toward(toward, l);
      int holder = ti.holderAt(l, point);
      int t = ti.theater(l);
      int from = state.control[t];
      if (holder < 0 || from == holder) {
        continue;
      }
      state.control[t] = holder;
      if (trace.on()) {
        trace.note(state.week, String.format(java.util.Locale.ROOT,
            "the deal gives %s to %s (its point on %s: %.1f)", m.theaterId(t),
            m.actorId(holder), m.motives.issueId(ti.issue(l)), point));
      }
      if (from >= 0 && !state.allied[from * m.nA + holder]) {
        double f = state.forces[from * nT + t];
        int to = -1;
        double best = 0;
        for (int u = 0; u < nT; u++) {
          if (u != t && state.forces[from * nT + u] > best) {
            best = state.forces[from * nT + u];
            to = u;
          }
        }
        if (f > 0 && to >= 0) {
          state.forces[from * nT + t] = 0;
          state.addForces(from, to, f, state.eff[from * nT + t]);
        }
      }
    }
  }

  /**
   * A deal between the principal adversaries ends the crisis once no war involving either of
   * them goes on (a war with a third party is part of the crisis: the deal cannot settle it).
   */
  void checkSettlement() {
    if (!state.principalDeal || state.settled) {
      return;
    }
    if (state.atWarAny(m.relations.principalA()) || state.atWarAny(m.relations.principalB())) {
      if (trace.on() && !state.deferredNoted) {
        state.deferredNoted = true;
        trace.note(state.week, "the principal adversaries have a deal, but a war involving one of"
            + " them goes on: the crisis is not over");
      }
      return;
    }
    state.settled = true;
    state.absorbed = true;
    state.endWeek = state.week;
    if (trace.on()) {
      trace.note(state.week, "the principal adversaries settle: the crisis ends");
    }
  }

  /**
   * The crisis cools, when {@code fadeWeeks} is positive (Brecher & Wilkenfeld 2000: a crisis
   * ends when the perceived threat falls below the crisis level): the hostility of an active
   * pair not at war relaxes by exp(-1 / fadeWeeks) in a week in which no hostile act passed
   * between them; when the principals' hostility, once at the crisis level, is below
   * {@code hostileThreshold} and neither is at war, the crisis has faded and the run ends
   * without agreement.
   */
  void cool() {
    if (fadeKeep >= 1.0) {
      return;
    }
    final int nA = m.nA;
    final double threshold = constants.hostileThreshold();
    int pa = m.relations.principalA();
    int pb = m.relations.principalB();
    if (pa < 0 || pb < 0) {
      return;
    }
    if (state.hostility[pa * nA + pb] >= threshold) {
      state.principalsInCrisis = true;
    }
    for (int a = 0; a < nA; a++) {
      for (int b = a + 1; b < nA; b++) {
        int ab = a * nA + b;
        double h = state.hostility[ab];
        if (h < threshold || state.war[ab] || state.lastHostile[ab] >= state.week) {
          continue;
        }
        h *= fadeKeep;
        state.hostility[ab] = h;
        state.hostility[b * nA + a] = h;
      }
    }
    if (!state.principalsInCrisis || state.hostility[pa * nA + pb] >= threshold
        || state.atWarAny(pa) || state.atWarAny(pb)) {
      return;
    }
    state.absorbed = true;
    state.endWeek = state.week;
    if (trace.on()) {
      trace.note(state.week, String.format(java.util.Locale.ROOT,
          "the principal adversaries' hostility (%.2f) has fallen below the crisis level"
              + " (%.2f): the crisis has faded", state.hostility[pa * nA + pb], threshold));
    }
  }

  /** x's values facing y under x's true type and x's win probability against y, in tv. */
  private void trueValues(int x, int y) {
    valuation.values(valuation.motives(x, y, mv), x, situation.typeOf(x), y,
        situation.winProb(x, y), tv);
  }
}
