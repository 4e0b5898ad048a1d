package org.detente.engine;

import static org.detente.engine.Compilation.actor;
import static org.detente.engine.Compilation.clamp;
import static org.detente.engine.Compilation.clamp01;
import static org.detente.engine.Compilation.issue;
import static org.detente.engine.Compilation.theater;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.detente.model.BargainProblem;
import org.detente.scenario.Actor;
import org.detente.scenario.Issue;
import org.detente.scenario.IssuePosition;
import org.detente.scenario.IssueStake;
import org.detente.scenario.Motive;
import org.detente.scenario.Scenario;
import org.detente.scenario.TheaterStake;

/**
 * What each actor values under each motive hypothesis: territory (and the theaters valued),
 * regime security, deterrence, alliance cohesion, and the issue values of its ideal, the focal
 * deal (from the deal forecaster), the no-deal status quo, a counterpart's position, an offer
 * and a counterpart's yielding. Read-only after compilation.
 */
final class MotiveTables {

  private final int nA;
  private final int nT;
  private final double[][] terr; // [a][m*nT+t]
  private final int[][][] valued; // [a][m]: theaters t with terr[a][m*nT+t] > 0, ascending
  private final double[][] priorTerr; // [a][t]: territorial value of t to a, averaged over a's motive prior
  private final double[][] regimeSec; // [a][m]
  private final int[][] deterActor; // [a][m]
  private final double[][] deterWeight; // [a][m]
  private final double[][] cohesion; // [a][m]
  private final double[][] uIdeal; // [a][m] issue value at own ideal
  // [a][m*nA+b] issue value at the deal between a and b: the focal deal, or where their mediator
  // pulls it (docs/model.md, "Mediators")
  private final double[][] uDealWith;
  private final double[][] uSq; // [a][m] issue value at the no-deal status quo point
  private final double[] statusQuo; // per issue 0..100
  private final double[][] uLose; // [a][m*nA+b] issue value at b's position
  private final double[][] uOfferTo; // [a][m*nA+b] a's issue value when a moves toward b
  private final double[][] uYieldedTo; // [a][m*nA+b] a's issue value when b moves toward a
  private final double[] focalDeal; // per issue 0..100
  private final double[][] pairDeal; // [a*nA+b]: the deal point between a and b, per issue
  private final double[][] position; // [a][i] a's declared position on issue i, NaN when it has none
  private final double[][] idealOf; // [a][m*nI+i] a's ideal point under motive m
  private final double[][] salienceOf; // [a][m*nI+i] its salience
  private final String[] issueIds;

  MotiveTables(Scenario sc, TypeSpace types, ModelConstants c,
      DealForecaster fc, Mediation mediation) {
    final int nA = sc.actors().size();
    final int nT = sc.theaters().size();
    final int nI = sc.issues().size();
    this.nA = nA;
    this.nT = nT;
    final int[] nMot = new int[nA];
    for (int a = 0; a < nA; a++) {
      nMot[a] = types.nMot(a);
    }
    final double offerShift = c.offerShift();
    terr = new double[nA][];
    regimeSec = new double[nA][];
    deterActor = new int[nA][];
    deterWeight = new double[nA][];
    cohesion = new double[nA][];
    for (int a = 0; a < nA; a++) {
      Actor ac = sc.actors().get(a);
      int k = nMot[a];
      terr[a] = new double[k * nT];
      regimeSec[a] = new double[k];
      deterActor[a] = new int[k];
      deterWeight[a] = new double[k];
      cohesion[a] = new double[k];
      Arrays.fill(deterActor[a], -1);
      for (int m = 0; m < ac.motives().size(); m++) {
        Motive mo = ac.motives().get(m);
        for (TheaterStake ts : mo.territory()) {
          int t = theater(sc, ts.theater(), "motive " + mo.id() + " territory");
          terr[a][m * nT + t] = clamp01(ts.value());
        }
        regimeSec[a][m] = clamp01(mo.regimeSecurity());
        deterActor[a][m] =
            mo.deterActor() == null ? -1 : actor(sc, mo.deterActor(), "motive " + mo.id());
        deterWeight[a][m] = clamp01(mo.deterWeight());
        cohesion[a][m] = clamp01(mo.allianceCohesion());
      }
    }
    valued = new int[nA][][];
    priorTerr = new double[nA][nT];
    for (int a = 0; a < nA; a++) {
      valued[a] = new int[nMot[a]][];
      for (int m = 0; m < nMot[a]; m++) {
        final int off = m * nT;
        final double[] tv = terr[a];
        valued[a][m] = IntStream.range(0, nT)
            .filter(t -> tv[off + t] > 0).toArray();
      }
      for (int t = 0; t < nT; t++) {
        double v = 0;
        for (int m = 0; m < nMot[a]; m++) {
          v += types.motPrior(a, m) * terr[a][m * nT + t];
        }
        priorTerr[a][t] = v;
      }
    }

    // issues: base positions, motive ideals, focal deal
    issueIds = new String[nI];
    double[][] basePos = new double[nA][nI];
    double[][] baseSal = new double[nA][nI];
    double[][] baseCap = new double[nA][nI];
    for (double[] r : basePos) {
      Arrays.fill(r, Double.NaN);
    }
    for (int i = 0; i < nI; i++) {
      Issue is = sc.issues().get(i);
      issueIds[i] = is.id();
      for (IssuePosition ip : is.positions()) {
        int a = actor(sc, ip.actor(), "issue " + is.id());
        basePos[a][i] = clamp(ip.position(), 0, 100);
        baseSal[a][i] = clamp(ip.salience(), 0, 100);
        baseCap[a][i] = Math.max(0, ip.capability());
      }
    }
    focalDeal = nI == 0 ? new double[0] : forecastDeal(sc, fc, basePos, baseSal, baseCap);
    statusQuo = nI == 0 ? new double[0]
        : forecastDeal(sc, DealForecaster.WEIGHTED_MEAN, basePos, baseSal, baseCap);
    double[][][] ideal = new double[nA][][];
    double[][][] sal = new double[nA][][];
    for (int a = 0; a < nA; a++) {
      ideal[a] = new double[nMot[a]][nI];
      sal[a] = new double[nMot[a]][nI];
      for (int m = 0; m < nMot[a]; m++) {
        for (int i = 0; i < nI; i++) {
          ideal[a][m][i] = Double.isNaN(basePos[a][i]) ? 50 : basePos[a][i];
          sal[a][m][i] = Double.isNaN(basePos[a][i]) ? 0 : baseSal[a][i];
        }
        if (m < sc.actors().get(a).motives().size()) {
          for (IssueStake st : sc.actors().get(a).motives().get(m).issues()) {
            int i = issue(sc, st.issue());
            ideal[a][m][i] = clamp(st.position(), 0, 100);
            sal[a][m][i] = clamp(st.salience(), 0, 100);
          }
        }
      }
    }
    position = basePos;
    idealOf = new double[nA][];
    salienceOf = new double[nA][];
    for (int a = 0; a < nA; a++) {
      idealOf[a] = new double[nMot[a] * nI];
      salienceOf[a] = new double[nMot[a] * nI];
      for (int m = 0; m < nMot[a]; m++) {
        System.arraycopy(ideal[a][m], 0, idealOf[a], m * nI, nI);
        System.arraycopy(sal[a][m], 0, salienceOf[a], m * nI, nI);
      }
    }
    uIdeal = new double[nA][];
    uSq = new double[nA][];
    uLose = new double[nA][];
    uOfferTo = new double[nA][];
    uYieldedTo = new double[nA][];
    uDealWith = new double[nA][];
    pairDeal = new double[nA * nA][];
    for (int a = 0; a < nA; a++) {
      for (int b = 0; b < nA; b++) {
        pairDeal[a * nA + b] = dealPoint(a, b, nA, nI, basePos, mediation, offerShift);
      }
    }
    double[] pt = new double[nI];
    for (int a = 0; a < nA; a++) {
      int k = nMot[a];
      uIdeal[a] = new double[k];
      uSq[a] = new double[k];
      uLose[a] = new double[k * nA];
      uOfferTo[a] = new double[k * nA];
      uYieldedTo[a] = new double[k * nA];
      uDealWith[a] = new double[k * nA];
      for (int m = 0; m < k; m++) {
        uIdeal[a][m] = issueValue(ideal[a][m], sal[a][m], ideal[a][m]);
        uSq[a][m] = issueValue(ideal[a][m], sal[a][m], statusQuo);
        for (int b = 0; b < nA; b++) {
          // the deal between a and b, about which offers and concessions move
          final double[] x = pairDeal[a * nA + b];
          uDealWith[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], x);
          for (int i = 0; i < nI; i++) {
            pt[i] = Double.isNaN(basePos[b][i]) ? focalDeal[i] : basePos[b][i];
          }
          uLose[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], pt);
          for (int i = 0; i < nI; i++) {
            double tb = Double.isNaN(basePos[b][i]) ? x[i] : basePos[b][i];
            pt[i] = x[i] + offerShift * (tb - x[i]);
          }
          uOfferTo[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], pt);
          for (int i = 0; i < nI; i++) {
            double ta = Double.isNaN(basePos[a][i]) ? ideal[a][m][i] : basePos[a][i];
            pt[i] = x[i] + offerShift * (ta - x[i]);
          }
          uYieldedTo[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], pt);
        }
      }
    }
  }

  /**
   * The deal point between a and b on each issue: the focal deal (the same array when they have
   * no mediator), or the focal deal moved toward the declared positions of the side their
   * mediator leans to, by {@code L·|β|·offerShift} of the way (docs/model.md, "Mediators").
   */
  private double[] dealPoint(int a, int b, int nA, int nI, double[][] basePos,
      Mediation mediation, double offerShift) {
    final double pull = a == b ? 0 : mediation.pullTowardA(a * nA + b, offerShift);
    if (pull == 0) {
      return focalDeal;
    }
    final int fav = pull > 0 ? a : b;
    final double w = Math.abs(pull);
    double[] x = new double[nI];
    for (int i = 0; i < nI; i++) {
      double target = Double.isNaN(basePos[fav][i]) ? focalDeal[i] : basePos[fav][i];
      x[i] = focalDeal[i] + w * (target - focalDeal[i]);
    }
    return x;
  }

  /** Territorial value to actor a of theater t under motive mo (0..1). */
  double terr(int a, int mo, int t) {
    return terr[a][mo * nT + t];
  }

  /**
   * The territorial value to actor x under motive mo of the theaters it values that y controls
   * (control: the controller of each theater, -1 none), summed in ascending theater order.
   */
  double valueHeldBy(int x, int mo, int y, int[] control) {
    final int[] v = valued[x][mo];
    final double[] tv = terr[x];
    final int off = mo * nT;
    double sum = 0;
    for (int t : v) {
      if (control[t] == y) {
        sum += tv[off + t];
      }
    }
    return sum;
  }

  /**
   * The territorial value to actor x under motive mo of the theaters it values that x or an
   * ally of x controls and y threatens (allied: [a*nA+b]; threat: [b*nT+t], b threatens t),
   * summed in ascending theater order.
   */
  double valueThreatenedBy(int x, int mo, int y, int[] control, boolean[] allied,
      boolean[] threat) {
    final int[] v = valued[x][mo];
    final double[] tv = terr[x];
    final int off = mo * nT;
    double sum = 0;
    for (int t : v) {
      int c = control[t];
      if (c >= 0 && (c == x || allied[x * nA + c]) && threat[y * nT + t]) {
        sum += tv[off + t];
      }
    }
    return sum;
  }

  /** Territorial value to actor a of theater t, averaged over a's motive prior. */
  double priorTerr(int a, int t) {
    return priorTerr[a][t];
  }

  /** Regime security at stake for actor a under motive mo (0..1). */
  double regimeSec(int a, int mo) {
    return regimeSec[a][mo];
  }

  /** The actor a seeks to deter under motive mo, or -1. */
  int deterActor(int a, int mo) {
    return deterActor[a][mo];
  }

  /** Weight of deterrence to actor a under motive mo (0..1). */
  double deterWeight(int a, int mo) {
    return deterWeight[a][mo];
  }

  /** Weight of alliance cohesion to actor a under motive mo (0..1). */
  double cohesion(int a, int mo) {
    return cohesion[a][mo];
  }

  /** Actor a's issue value at its own ideal under motive mo. */
  double uIdeal(int a, int mo) {
    return uIdeal[a][mo];
  }

  /**
   * Actor a's issue value under motive mo at the deal between a and b: the focal deal, or where
   * their mediator pulls it.
   */
  double uDeal(int a, int mo, int b) {
    return uDealWith[a][mo * nA + b];
  }

  /**
   * Actor a's issue value under motive mo at the deal between x and y (computed, not tabled: for
   * a third party's consent to the principals' deal).
   */
  double uDealOf(int a, int mo, int x, int y) {
    final double[] pt = pairDeal[x * nA + y];
    final int nI = pt.length;
    double v = 0;
    for (int i = 0; i < nI; i++) {
      v += salienceOf[a][mo * nI + i] / 100.0 * (1.0 - Math.abs(pt[i] - idealOf[a][mo * nI + i])
          / 100.0);
    }
    return v;
  }

  /** The deal point between a and b on issue i (0..100): the focal deal, or its mediated point. */
  double dealPoint(int a, int b, int i) {
    return pairDeal[a * nA + b][i];
  }

  /** Actor a's issue value at the no-deal status quo under motive mo. */
  double uSq(int a, int mo) {
    return uSq[a][mo];
  }

  /** Actor a's issue value at b's positions under motive mo. */
  double uLose(int a, int mo, int b) {
    return uLose[a][mo * nA + b];
  }

  /** Actor a's issue value under motive mo when a moves the focal deal toward b. */
  double uOfferTo(int a, int mo, int b) {
    return uOfferTo[a][mo * nA + b];
  }

  /** Actor a's issue value under motive mo when b moves the focal deal toward a. */
  double uYieldedTo(int a, int mo, int b) {
    return uYieldedTo[a][mo * nA + b];
  }

  /** The no-deal status quo of issue i (0..100). */
  double statusQuo(int i) {
    return statusQuo[i];
  }

  /** The focal deal's point on issue i (0..100). */
  double focalDeal(int i) {
    return focalDeal[i];
  }

  /** Copies the no-deal status quo of each issue into dst. */
  void copyStatusQuoInto(double[] dst) {
    System.arraycopy(statusQuo, 0, dst, 0, statusQuo.length);
  }

  /** Copies the focal deal's point on each issue into dst. */
  void copyFocalDealInto(double[] dst) {
    System.arraycopy(focalDeal, 0, dst, 0, focalDeal.length);
  }

  /** Id of issue i. */
  String issueId(int i) {
    return issueIds[i];
  }

  /**
   * Scales saliences whose sum {@code total} exceeds the negotiation model's budget of 100 down
   * proportionally, so that their sum, added in order as the model adds it, is at most 100: the
   * proportional scaling can come out a few units in the last place above 100 (13 and 96 give
   * 100.00000000000001), which the model refuses; every salience then steps down by one unit in
   * the last place until the sum fits.
   */
  static void scaleToBudget(double[] s, double total) {
    for (int i = 0; i < s.length; i++) {
      s[i] *= 100 / total;
    }
    while (sumInOrder(s) > 100) {
      for (int i = 0; i < s.length; i++) {
        s[i] = Math.nextDown(s[i]);
      }
    }
  }

  private static double sumInOrder(double[] s) {
    double t = 0;
    for (double x : s) {
      t += x;
    }
    return t;
  }

  private double[] forecastDeal(Scenario sc, DealForecaster fc,
      double[][] pos, double[][] sal, double[][] cap) {
    final int nA = sc.actors().size();
    final int nI = sc.issues().size();
    List<String> names = new ArrayList<>();
    List<double[]> p = new ArrayList<>();
    List<double[]> s = new ArrayList<>();
    List<Double> c = new ArrayList<>();
    for (int a = 0; a < nA; a++) {
      boolean any = false;
      double capSum = 0;
      int capN = 0;
      for (int i = 0; i < nI; i++) {
        if (!Double.isNaN(pos[a][i])) {
          any = true;
          capSum += cap[a][i];
          capN++;
        }
      }
      if (!any) {
        continue;
      }
      double[] pr = new double[nI];
      double[] sr = new double[nI];
      double tot = 0;
      for (int i = 0; i < nI; i++) {
        pr[i] = Double.isNaN(pos[a][i]) ? 50 : pos[a][i];
        sr[i] = Double.isNaN(pos[a][i]) ? 0 : sal[a][i];
        tot += sr[i];
      }
      if (tot > 100) {
        scaleToBudget(sr, tot);
      }
      names.add(sc.actors().get(a).id());
      p.add(pr);
      s.add(sr);
      c.add(Math.max(1e-6, capSum / capN));
    }
    double[] out = new double[nI];
    if (names.size() < 2) {
      Arrays.fill(out, 50);
      for (int i = 0; i < nI; i++) {
        if (!p.isEmpty()) {
          out[i] = p.get(0)[i];
        }
      }
      return out;
    }
    List<String> dims = Arrays.asList(issueIds);
    BargainProblem bp =
        new BargainProblem(
            sc.meta().id(), names, dims,
            c.stream().mapToDouble(Double::doubleValue).toArray(),
            p.toArray(new double[0][]), s.toArray(new double[0][]));
    double[] f = fc.forecast(bp);
    for (int i = 0; i < nI; i++) {
      out[i] = clamp(f[i], 0, 100);
    }
    return out;
  }

  /**
   * How much more a, under motive m, values v's positions than b's, on the issues on which both
   * declare one: {@code Σ (s_i/100)·(|pos_b − ideal_i| − |pos_v − ideal_i|)/100}; 0 when no
   * issue has positions of both.
   */
  double alignment(int a, int m, int v, int b) {
    final double[] pv = position[v];
    final double[] pb = position[b];
    final int nI = pv.length;
    final double[] id = idealOf[a];
    final double[] sl = salienceOf[a];
    double d = 0;
    for (int i = 0; i < nI; i++) {
      if (!Double.isNaN(pv[i]) && !Double.isNaN(pb[i])) {
        final double x = id[m * nI + i];
        d += sl[m * nI + i] / 100.0 * (Math.abs(pb[i] - x) - Math.abs(pv[i] - x)) / 100.0;
      }
    }
    return d;
  }

  private static double issueValue(double[] ideal, double[] sal, double[] point) {
    double v = 0;
    for (int i = 0; i < ideal.length; i++) {
      v += sal[i] / 100.0 * (1.0 - Math.abs(point[i] - ideal[i]) / 100.0);
    }
    return v;
  }
}
