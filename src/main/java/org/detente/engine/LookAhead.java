package org.detente.engine;

/**
 * Decision step, part 2: an actor's look-ahead to its counterpart's responses, averaged over the
 * counterpart's types under the actor's belief.
 */
final class LookAhead {

  /** Belief-averaged probabilities of the counterpart's responses. */
  static final class Responses {
    double deal; // accepts the focal deal
    double offer; // accepts an offer
    double ceasefire; // accepts a ceasefire
    double yieldVerbal; // yields to a verbal threat (discounted as cheap talk)
    double yieldMaterial; // yields to material coercion
    double escalateMaterial; // escalates against material coercion
    double yieldNuclear; // yields to nuclear coercion
  }

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final Valuation valuation;
  private final Valuation.Motives motives;
  private final Valuation.TypeValues values = new Valuation.TypeValues();
  private final Responses responses = new Responses();

  LookAhead(CompiledModel m, RunState state, Valuation valuation) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.valuation = valuation;
    this.motives = new Valuation.Motives(m.types.maxMot());
  }

  /**
   * a's look-ahead toward b, where b's win probability is pb: b's values for each of its types
   * a still deems possible, and the belief-averaged probabilities of b's responses (the result
   * is this step's own, refilled on each call).
   */
  Responses of(int a, int b, double pb, boolean atWar, boolean talk, int ch, double h,
      int front, boolean hasNuclearOption) {
    final int nA = m.nA;
    final int ab = a * nA + b;
    final int ba = b * nA + a;
    // ---- counterpart's values per type (public state + b's possible types)
    final int nTb = m.types.nTypes(b);
    final double acB = constants.audienceCost() * state.rhetoric[ba];
    final double kB = constants.catastropheCost() * m.actors.riskWeight(b);
    final int bo = ab * m.types.maxTypes();
    final Valuation.Motives mv = valuation.motives(b, a, motives);
    final Valuation.TypeValues tv = values;
    // belief-averaged response probabilities of b (a's look-ahead), each type's values used at
    // once
    double pAccDeal = 0;
    double pAccOffer = 0;
    double pAccCease = 0;
    double pYieldVerbal = 0;
    double pYieldMaterial = 0;
    double pEscMaterial = 0;
    double pYieldNuc = 0;
    final double lam = constants.lambda();
    final double pain = constants.coercionPain();
    final double acShare = acB * m.mediation.audienceShare(ab, constants.dealAudienceShare());
    final double ceaseCost = constants.crisisCost() * h;
    final double nucRisk = constants.followOnRisk() * kB;
    final boolean material = !atWar || front >= 0;
    final boolean restoreOnly = !talk && ch != RunState.OPEN;
    final TypeSpace types = m.types;
    final MotiveTables mt = m.motives;
    for (int k = 0; k < nTb; k++) {
      final double bel = state.belief[bo + k];
      if (bel == 0) {
        continue; // a rules this type out
      }
      final int mo = types.typeMot(b, k);
      valuation.values(mv, b, k, a, pb, tv);
      state.workCounterpartTypes++;
      final double w = tv.w;
      final double hold = tv.hold;
      final double res = tv.res;
      final double y = res * mt.uOfferTo(b, mo, a) - acB;
      final double alt = Math.max(hold, w);
      // only the responses to feasible actions are needed
      if (talk) {
        pAccDeal += bel * Valuation.accept(res * mt.uDeal(b, mo, a) - acShare - alt);
        pAccOffer +=
            bel * Valuation.accept(res * mt.uYieldedTo(b, mo, a) - acShare - alt);
        if (atWar) {
          pAccCease += bel * Valuation.accept(tv.sq - ceaseCost - acShare - alt);
        }
      } else if (restoreOnly) {
        // restore-relations looks ahead to a deal
        pAccDeal += bel * Valuation.accept(res * mt.uDeal(b, mo, a) - acShare - alt);
      }
      pYieldVerbal += bel * Valuation.sigmoid(lam * (y - alt));
      if (material) {
        pYieldMaterial += bel * Valuation.sigmoid(lam * (y - Math.max(hold - pain, w)));
        pEscMaterial += bel * Valuation.sigmoid(lam * (w - Math.max(hold - pain, y)));
      }
      if (hasNuclearOption) {
        pYieldNuc += bel * Valuation.sigmoid(lam * (y - Math.max(hold - 4 * pain, w - nucRisk)));
      }
    }
    final Responses r = responses;
    r.deal = pAccDeal;
    r.offer = pAccOffer;
    r.ceasefire = pAccCease;
    r.yieldVerbal = 0.5 * pYieldVerbal; // a verbal threat alone is discounted (cheap talk)
    r.yieldMaterial = pYieldMaterial;
    r.escalateMaterial = pEscMaterial;
    r.yieldNuclear = pYieldNuc;
    return r;
  }
}
