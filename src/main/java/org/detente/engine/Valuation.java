package org.detente.engine;

/**
 * The values an actor puts on war, the status quo and holding on against a counterpart
 * (docs/model.md, "Values"), per motive and per private type, and the acceptance rule of a
 * settlement. Every value is affine in resolve for a given motive: {@link #motives} computes the
 * per-motive coefficients once for a pair, {@link #values} a type's values from them. During the
 * decision phase the per-motive coefficients are computed once per pair and served from a cache.
 */
final class Valuation {

  /**
   * The per-motive values of x facing y: G = res·g1 + g0 (winning), L = res·l1 (losing), the
   * war cost, the status quo's shift by the facts on the ground (sqGround: the issue value of
   * territorial issues at their holder's end instead of the positions' mean), plus the share of
   * the war's running cost x bears (engaged: the share of its forces engaged against y times
   * the war's ripeness), the crisis's ripeness (the share of the crisis's strain felt so far)
   * and the nuclear danger.
   */
  static final class Motives {
    final double[] g1;
    final double[] g0;
    final double[] l1;
    final double[] cost;
    final double[] sqGround;
    double engaged;
    double ripe;
    double danger;

    Motives(int maxMot) {
      g1 = new double[maxMot];
      g0 = new double[maxMot];
      l1 = new double[maxMot];
      cost = new double[maxMot];
      sqGround = new double[maxMot];
    }

    /**
     * x's issue value of the no-deal status quo under motive mo, on the ground as it stands:
     * uSq, its value in the motive tables, shifted by the facts on the ground.
     */
    double sq(double uSq, int mo) {
      return uSq + sqGround[mo];
    }
  }

  /**
   * Values of one private type facing a counterpart: war (w), the no-deal status quo in the
   * shadow of power (sq), holding on for another step (hold), and the type's resolve.
   */
  static final class TypeValues {
    double w;
    double sq;
    double hold;
    double res;

    /** The better of fighting on (or holding) and a decisive war. */
    double alternative() {
      return Math.max(hold, w);
    }
  }

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final Situation situation;
  // the decision phase's cache: [x*nA+y] stamp, engaged share and danger;
  // [(x*nA+y)*4*maxMot + j*maxMot + mo] g1, g0, l1, cost
  private final long[] pmStamp;
  private final double[] pmEngaged;
  private final double[] pmDanger;
  private final double[] pmValues;

  Valuation(CompiledModel m, RunState state, Situation situation) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.situation = situation;
    int nA = m.nA;
    pmStamp = new long[nA * nA];
    pmEngaged = new double[nA * nA];
    pmDanger = new double[nA * nA];
    pmValues = new double[nA * nA * 5 * m.types.maxMot()];
  }

  /**
   * The per-motive values of x facing y, written to {@code out} and returned. Territorial
   * stakes: the value of the theaters y controls (gained by winning) and of those x or an ally
   * holds that y threatens (lost by losing).
   */
  Motives motives(int x, int y, Motives out) {
    final int xy = x * m.nA + y;
    final int nM = m.types.nMot(x);
    final int mm = m.types.maxMot();
    final int vo = xy * 5 * mm;
    final boolean phase = situation.inDecisions();
    final long epoch = situation.epoch();
    out.ripe = situation.crisisRipeness();
    if (phase && pmStamp[xy] == epoch) {
      out.engaged = pmEngaged[xy];
      out.danger = pmDanger[xy];
      System.arraycopy(pmValues, vo, out.g1, 0, nM);
      System.arraycopy(pmValues, vo + mm, out.g0, 0, nM);
      System.arraycopy(pmValues, vo + 2 * mm, out.l1, 0, nM);
      System.arraycopy(pmValues, vo + 3 * mm, out.cost, 0, nM);
      System.arraycopy(pmValues, vo + 4 * mm, out.sqGround, 0, nM);
      return out;
    }
    out.engaged = state.war[xy] ? situation.engagedShare(x, y) * situation.ripeness(x, y) : 0;
    out.danger =
        situation.escalationRiskFrom(y) * constants.catastropheCost() * m.actors.riskWeight(x);
    final MotiveTables mt = m.motives;
    for (int mo = 0; mo < nM; mo++) {
      final double gain = mt.valueHeldBy(x, mo, y, state.control);
      final double lose = mt.valueThreatenedBy(x, mo, y, state.control, state.allied, state.threat);
      int deter = mt.deterActor(x, mo);
      out.g1[mo] = mt.uIdeal(x, mo) + gain;
      out.g0[mo] = deter == y ? mt.deterWeight(x, mo) : 0;
      out.l1[mo] = mt.uLose(x, mo, y) - lose;
      out.cost[mo] = constants.warCost() * (1 + mt.regimeSec(x, mo))
          + (deter >= 0 && deter != y ? mt.deterWeight(x, mo) * constants.warCost() : 0);
      out.sqGround[mo] = groundShift(x, mo);
    }
    if (phase) {
      pmStamp[xy] = epoch;
      pmEngaged[xy] = out.engaged;
      pmDanger[xy] = out.danger;
      System.arraycopy(out.g1, 0, pmValues, vo, nM);
      System.arraycopy(out.g0, 0, pmValues, vo + mm, nM);
      System.arraycopy(out.l1, 0, pmValues, vo + 2 * mm, nM);
      System.arraycopy(out.cost, 0, pmValues, vo + 3 * mm, nM);
      System.arraycopy(out.sqGround, 0, pmValues, vo + 4 * mm, nM);
    }
    return out;
  }

  /**
   * Values of actor x of private type k facing y, given x's win probability p and x's
   * per-motive values {@code mv} facing y; written to {@code out} and returned.
   */
  TypeValues values(Motives mv, int x, int k, int y, double p, TypeValues out) {
    int nA = m.nA;
    int mo = m.types.typeMot(x, k);
    double res = m.types.typeRes(x, k);
    int xy = x * nA + y;
    double g = res * mv.g1[mo] + mv.g0[mo];
    double l = res * mv.l1[mo];
    double cost = mv.cost[mo];
    double w = p * g + (1 - p) * l - cost - mv.danger;
    double sq = res * mv.sq(m.motives.uSq(x, mo), mo);
    double h = state.hostility[xy];
    double hold = sq - constants.crisisCost() * h * ((state.war[xy] ? 1 : mv.ripe) + mv.danger)
        - state.pressure[y * nA + x];
    if (state.war[xy]) {
      // fighting on as things stand: the status quo of the front, paying the war's running
      // cost (half the cost of a decisive war) in proportion to the share of x's forces
      // engaged against y, as far as the war has ripened into a hurting stalemate; escalating
      // to a decisive war is worth w
      hold -= 0.5 * cost * mv.engaged;
    }
    out.w = w;
    out.sq = sq;
    out.hold = hold;
    out.res = res;
    return out;
  }

  /**
   * The facts on the ground in x's status quo under motive mo: for each issue about a theater,
   * the issue value at the end of the scale where the theater's holder stands (0 for at0 or an
   * ally, 100 for at100 or an ally) less the value at the positions' mean the status quo would
   * otherwise be. Zero when no issue is about a theater or its holder is a third party.
   */
  private double groundShift(int x, int mo) {
    final TerritorialIssues ti = m.territory;
    final int n = ti.n();
    if (n == 0) {
      return 0;
    }
    final int nA = m.nA;
    double shift = 0;
    for (int l = 0; l < n; l++) {
      final int c = state.control[ti.theater(l)];
      if (c < 0) {
        continue;
      }
      final int h0 = ti.at0(l);
      final int h1 = ti.at100(l);
      final double q;
      if (c == h0 || state.allied[h0 * nA + c]) {
        q = 0;
      } else if (c == h1 || state.allied[h1 * nA + c]) {
        q = 100;
      } else {
        continue;
      }
      final double ideal = ti.ideal(x, mo, l);
      final double sal = ti.salience(x, mo, l);
      shift += sal * (Math.abs(ti.staticQ(l) - ideal) - Math.abs(q - ideal)) / 100.0;
    }
    return shift;
  }

  /**
   * Whether a side accepts (or ratifies) a settlement worth delta more to it than its
   * alternative, as a probability (1 or 0): a settlement binds only inside the bargaining range,
   * in peacetime as at war (delta at least 0). A government does not sign a deal it values below
   * holding on or fighting (Fearon 1995), and a war ends only when both sides' expectations leave
   * them better off stopping (Goemans 2000; Reiter 2009): the quantal response's errors are in
   * what is proposed, not in what is signed.
   */
  static double accept(double delta) {
    return delta >= 0 ? 1.0 : 0.0;
  }

  /** The logistic function, exactly 0 or 1 beyond ±30. */
  static double sigmoid(double x) {
    if (x > 30) {
      return 1;
    }
    if (x < -30) {
      return 0;
    }
    return 1.0 / (1.0 + FastMath.exp(-x));
  }
}
