package org.detente.bargain;

import org.detente.model.BargainProblem;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.bargain.SmpParameters.BargainModel;
import org.detente.bargain.SmpParameters.BigRAdjust;
import org.detente.bargain.SmpParameters.BigRRange;
import org.detente.bargain.SmpParameters.InterVecBrgn;
import org.detente.bargain.SmpParameters.PceModel;
import org.detente.bargain.SmpParameters.ThirdPartyCommit;
import org.detente.bargain.SmpParameters.VictoryProbModel;
import org.detente.bargain.SmpParameters.VotingRule;

/**
 * The compiled spatial model of politics: primitive arrays, integer indices, one instance per
 * run. Internally positions and saliences are on [0,1] as in KTAB. Each turn costs O(N³ + N²·D)
 * (the risk PCE over N positions and, per initiator, the challenge evaluation against N targets
 * with N third parties); KTAB's O(N³)-per-actor diagnostic tables are not computed.
 *
 * <p>Floating-point operations follow KTAB's order of evaluation so that results agree with it
 * to the last bit wherever the order of KTAB's own (thread-scheduled) bargain queues does not
 * matter; see docs/bargain.md.
 */
final class SmpEngine {

  static final double MIN_SIG_EDU = 1e-5;
  static final double POS_TOL = 1e-3;
  static final int MIN_ITER = 2;
  static final double MIN_DELTA_RATIO = 0.02;
  static final double MIN_SIG_DELTA = 1e-4;

  private final int n;
  private final int d;
  private final double[] cap;
  private final double[][] sal;
  private final double[] salSum;
  private final double[][] acc;
  private final boolean identAcc;
  private final SmpParameters par;
  private final long seed;
  private final int threads;

  // state of the current turn
  private double[][] x;
  private double[][] y;
  private final double[][] vDiff;
  private final double[] risk;
  private final double[][] rhi;

  // bargains of the turn (at most two per initiator)
  private final int[] bInit;
  private final int[] bRcvr;
  private final double[][] bPosI;
  private final double[][] bPosR;
  private final int[] bCountPerInit;
  // per-actor choice
  private final int[] chosen;

  SmpEngine(SmpScenario sc, int threads) {
    BargainProblem p = sc.problem();
    this.n = p.actors().size();
    this.d = p.dimensions().size();
    this.par = sc.parameters();
    this.seed = sc.seed();
    this.threads = Math.max(1, threads);
    this.cap = p.capability().clone();
    this.sal = new double[n][d];
    this.salSum = new double[n];
    this.x = new double[n][d];
    this.y = new double[n][d];
    for (int i = 0; i < n; i++) {
      double s = 0.0;
      for (int k = 0; k < d; k++) {
        sal[i][k] = p.salience()[i][k] / 100.0;
        x[i][k] = p.position()[i][k] / 100.0;
        y[i][k] = x[i][k];
        s = s + sal[i][k];
      }
      salSum[i] = s;
    }
    if (sc.accommodation() == null) {
      this.acc = null;
      this.identAcc = true;
    } else {
      this.acc = new double[n][];
      double dev = 0.0;
      for (int i = 0; i < n; i++) {
        acc[i] = sc.accommodation()[i].clone();
        for (int j = 0; j < n; j++) {
          double e = acc[i][j] - (i == j ? 1.0 : 0.0);
          dev += e * e;
        }
      }
      this.identAcc = Math.sqrt(dev) < 1e-10;
    }
    this.vDiff = new double[n][n];
    this.risk = new double[n];
    this.rhi = new double[n][n];
    this.bInit = new int[2 * n];
    this.bRcvr = new int[2 * n];
    this.bPosI = new double[2 * n][d];
    this.bPosR = new double[2 * n][d];
    this.bCountPerInit = new int[n];
    this.chosen = new int[n];
  }

  // ---------------------------------------------------------------- elementary functions

  /** KTAB's vote of an actor with weight w between options with utilities ui and uj. */
  static double vote(VotingRule vr, double w, double ui, double uj) {
    if (w <= 0.0) {
      throw new InvalidInputException(Message.NON_POSITIVE_WEIGHT, w);
    }
    final double du = ui - uj;
    switch (vr) {
      case PROP:
        return w * du;
      case BINARY:
        return w * clip1(du / 1e-8);
      case PROP_BIN:
        return w * ((1 - 0.2) * du + 0.2 * clip1(du / 1e-8));
      case PROP_CBC:
        return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
      case CUBIC:
        return w * (du * du * du);
      case ASYM_PROSP:
        if (du < 0.0) {
          return w * du;
        }
        if (0.0 < du) {
          return (2.0 * w * du) / 3.0;
        }
        return 0.0;
      default:
        throw new IllegalStateException(vr.toString());
    }
  }

  private static double clip1(double r) {
    r = (r > +1) ? +1 : r;
    r = (r < -1) ? -1 : r;
    return r;
  }

  /** Utility of normalised distance sd with risk attitude r: (1 − sd)(1 + sd·r). */
  static double bsUtil(double sd, double r) {
    if (sd <= 1) {
      return (1 - sd) * (1 + sd * r);
    }
    return (1 - sd) * (1 + r);
  }

  /** Salience-weighted normalised distance between a and b for saliences s. */
  static double bvDiff(double[] a, double[] b, double[] s) {
    double dsSqr = 0;
    double ssSqr = 0;
    for (int k = 0; k < s.length; k++) {
      final double ds = (a[k] - b[k]) * s[k];
      dsSqr = dsSqr + (ds * ds);
      ssSqr = ssSqr + (s[k] * s[k]);
    }
    return Math.sqrt(dsSqr / ssSqr);
  }

  /** h's estimate of i's risk attitude. */
  static double estNra(double rh, double ri, BigRAdjust ra) {
    switch (ra) {
      case FULL:
        return ri;
      case TWO_THIRDS:
        return (rh + (2.0 * ri)) / 3.0;
      case HALF:
        return (rh + ri) / 2;
      case ONE_THIRD:
        return ((2.0 * rh) + ri) / 3.0;
      case NONE:
        return rh;
      default:
        throw new IllegalStateException(ra.toString());
    }
  }

  /** Risk attitudes from win probabilities (KTAB Model::bigRfromProb). */
  static void bigRFromProb(double[] p, int m, BigRRange rr, double[] out) {
    double pMin = 1.0;
    double pMax = 0.0;
    for (int i = 0; i < m; i++) {
      final double pi = p[i];
      pMin = (pi < pMin) ? pi : pMin;
      pMax = (pi > pMax) ? pi : pMax;
    }
    for (int i = 0; i < m; i++) {
      if (!(pMax > pMin)) {
        out[i] = 0.0; // all positions equally likely: risk neutral (KTAB divides by zero here)
        continue;
      }
      switch (rr) {
        case MIN:
          out[i] = (p[i] - pMin) / (pMax - pMin);
          break;
        case MID:
          out[i] = (3 * p[i] - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
          break;
        case MAX:
          out[i] = (2 * p[i] - (pMax + pMin)) / (pMax - pMin);
          break;
        default:
          throw new IllegalStateException(rr.toString());
      }
    }
  }

  /** Pairwise victory probability of strength s1 against s2: {p1, p2} into out[0..1]. */
  static void vProb(VictoryProbModel vpm, double s1, double s2, double[] out) {
    double x1;
    double x2;
    switch (vpm) {
      case LINEAR:
        x1 = s1;
        x2 = s2;
        break;
      case SQUARE:
        x1 = s1 * s1;
        x2 = s2 * s2;
        break;
      case QUARTIC:
        x1 = (s1 * s1) * (s1 * s1);
        x2 = (s2 * s2) * (s2 * s2);
        break;
      case OCTIC:
        {
          double q1 = (s1 * s1) * (s1 * s1);
          double q2 = (s2 * s2) * (s2 * s2);
          x1 = q1 * q1;
          x2 = q2 * q2;
        }
        break;
      case BINARY:
        {
          final double thresh = 1.10;
          if (s1 >= thresh * s2) {
            x1 = 1.0;
            x2 = 1e-6;
          } else if (s2 >= thresh * s1) {
            x1 = 1e-6;
            x2 = 1.0;
          } else {
            double r12 = s1 / (s1 + s2);
            double p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
            x1 = p12;
            x2 = 1 - p12;
          }
        }
        break;
      default:
        throw new IllegalStateException(vpm.toString());
    }
    out[0] = x1 / (x1 + x2);
    out[1] = x2 / (x1 + x2);
  }

  /**
   * Probabilistic Condorcet election over m options: u is [actor][option] (only the first m
   * columns used), w the actors' weights. Writes option probabilities into p[0..m).
   * Scratch: c and pv must be at least m×m.
   */
  static void scalarPce(
      double[] w,
      double[][] u,
      int m,
      SmpParameters par,
      double[][] c,
      double[][] pv,
      double[] p) {
    final int na = w.length;
    final VotingRule vr = par.votingRule();
    final double minC = 1e-8;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < i; j++) {
        double cij = minC;
        double cji = minC;
        for (int k = 0; k < na; k++) {
          double[] uk = u[k];
          double v = vote(vr, w[k], uk[i], uk[j]);
          if (v > 0) {
            cij = cij + v;
          }
          if (v < 0) {
            cji = cji - v;
          }
        }
        c[i][j] = cij;
        c[j][i] = cji;
      }
      c[i][i] = minC;
    }
    probCe(par.pce(), par.victoryProb(), c, m, pv, p);
  }

  /** Option probabilities from coalition strengths c (m×m). pv receives pairwise probabilities. */
  static void probCe(PceModel pcm, VictoryProbModel vpm, double[][] c, int m, double[][] pv,
      double[] p) {
    final double[] pr = new double[2];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < i; j++) {
        vProb(vpm, c[i][j], c[j][i], pr);
        pv[i][j] = pr[0];
        pv[j][i] = pr[1];
      }
      pv[i][i] = 0.5;
    }
    switch (pcm) {
      case CONDITIONAL:
        condPce(pv, m, p);
        break;
      case MARKOV_UNIFORM:
        markovUniformPce(pv, m, p);
        break;
      case MARKOV_INCENTIVE:
        markovIncentivePce(c, pv, m, p);
        break;
      default:
        throw new IllegalStateException(pcm.toString());
    }
  }

  static void condPce(double[][] pv, int m, double[] p) {
    double sum = 0.0;
    for (int i = 0; i < m; i++) {
      double pi = 1.0;
      double[] row = pv[i];
      for (int j = 0; j < m; j++) {
        pi = pi * row[j];
      }
      p[i] = pi;
      sum = sum + pi;
    }
    if (sum > 0.0) {
      for (int i = 0; i < m; i++) {
        p[i] = p[i] / sum;
      }
      return;
    }
    // every product underflowed: redo in logarithms (only for very many options)
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      double l = 0.0;
      for (int j = 0; j < m; j++) {
        l += Math.log(pv[i][j]);
      }
      p[i] = l;
      best = Math.max(best, l);
    }
    sum = 0.0;
    for (int i = 0; i < m; i++) {
      p[i] = Math.exp(p[i] - best);
      sum += p[i];
    }
    for (int i = 0; i < m; i++) {
      p[i] = p[i] / sum;
    }
  }

  static void markovUniformPce(double[][] pv, int m, double[] p) {
    final double pTol = 1e-6;
    double[] q = new double[m];
    for (int i = 0; i < m; i++) {
      p[i] = 1.0 / m;
    }
    double change = 1.0;
    int iter = 0;
    while (pTol < change) {
      change = 0;
      for (int i = 0; i < m; i++) {
        double pi = 0.0;
        for (int j = 0; j < m; j++) {
          pi = pi + pv[i][j] * (p[i] + p[j]);
        }
        q[i] = pi / m;
        double c = Math.abs(q[i] - p[i]);
        change = (c > change) ? c : change;
      }
      for (int i = 0; i < m; i++) {
        p[i] = (p[i] + q[i]) / 2.0;
      }
      if (++iter > 100_000) {
        throw new InvalidInputException(Message.NOT_CONVERGED, "Markov-uniform PCE");
      }
    }
  }

  static void markovIncentivePce(double[][] c, double[][] pv, int m, double[] p) {
    final double pTol = 1e-8;
    double[][] chlg = new double[m][m];
    double[] colSum = new double[m];
    for (int j = 0; j < m; j++) {
      double s = 0.0;
      for (int k = 0; k < m; k++) {
        s = s + incentive(c, pv, k, j);
      }
      colSum[j] = s;
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        chlg[i][j] = incentive(c, pv, i, j) / colSum[j];
      }
    }
    double[] q = new double[m];
    for (int i = 0; i < m; i++) {
      p[i] = 1.0 / m;
    }
    double change = 1.0;
    int iter = 0;
    while (pTol < change) {
      change = 0.0;
      for (int i = 0; i < m; i++) {
        double qi = 0.0;
        for (int j = 0; j < m; j++) {
          double ctij = p[i] * chlg[j][i];
          double ctji = p[j] * chlg[i][j];
          qi = qi + pv[i][j] * (ctij + ctji);
        }
        q[i] = qi;
        double ch = Math.abs(q[i] - p[i]);
        change = (ch > change) ? ch : change;
      }
      for (int i = 0; i < m; i++) {
        p[i] = (p[i] + q[i]) / 2.0;
      }
      if (++iter > 100_000) {
        throw new InvalidInputException(Message.NOT_CONVERGED, "Markov-incentive PCE");
      }
    }
  }

  private static double incentive(double[][] c, double[][] pv, int i, int j) {
    double inc = c[i][j] * pv[i][j];
    if (i == j) {
      inc = inc + 1e-10;
    }
    return inc;
  }

  // ---------------------------------------------------------------- per-state assessment

  /** Utility to actor a of actor b's position, as estimated by h. */
  private double util(int h, int a, int b) {
    return bsUtil(vDiff[a][b], rhi[h][a]);
  }

  /** Distances, risk PCE, risk attitudes and perceived risk attitudes of the current state. */
  private void assess(double[][] c, double[][] pv, double[][] uScratch, double[] pScratch) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        vDiff[i][j] = bvDiff(y[i], x[j], sal[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        uScratch[i][j] = bsUtil(vDiff[i][j], 0.0);
      }
    }
    scalarPce(cap, uScratch, n, par, c, pv, pScratch);
    bigRFromProb(pScratch, n, par.bigRRange(), risk);
    for (int h = 0; h < n; h++) {
      for (int i = 0; i < n; i++) {
        rhi[h][i] = estNra(risk[h], risk[i], par.bigRAdjust());
      }
    }
  }

  /** Per-thread, grow-only scratch of the vote over one actor's bargain queue. */
  private static final class VoteScratch {
    double[][] u = new double[0][0];
    double[][] c = new double[0][0];
    double[][] pv = new double[0][0];
    double[] p = new double[0];

    VoteScratch ensure(int actors, int options) {
      if (u.length < actors || u.length == 0 || u[0].length < options) {
        int cap = Math.max(options, u.length == 0 ? 4 : 2 * u[0].length);
        u = new double[actors][cap];
        c = new double[cap][cap];
        pv = new double[cap][cap];
        p = new double[cap];
      }
      return this;
    }
  }

  private final ThreadLocal<VoteScratch> voteScratch = ThreadLocal.withInitial(VoteScratch::new);

  /** Thread-local scratch of one initiator's challenge evaluation. */
  private static final class Scratch {
    final double[] uni;
    final double[] unn;
    final double[] chl = new double[2];

    Scratch(int n) {
      uni = new double[n];
      unn = new double[n];
    }
  }

  /**
   * h's estimate of the victory probability of i over j and of the expected change in utility
   * for k if i challenges j (KTAB SMPState::probEduChlg). Result in s.chl = {P_ij, ΔEU}.
   */
  private void probEduChlg(int h, int k, int i, int j, Scratch s) {
    probEduChlg(h, k, i, j, s, false);
  }

  /** Fills s.uni[m] = U^h(m, i) and s.unn[m] = U^h(m, m), reused by every target of i. */
  private void cacheInitiatorView(int h, int i, Scratch s) {
    final double[] hRow = rhi[h];
    for (int m = 0; m < n; m++) {
      s.uni[m] = bsUtil(vDiff[m][i], hRow[m]);
      s.unn[m] = bsUtil(vDiff[m][m], hRow[m]);
    }
  }

  private void probEduChlg(int h, int k, int i, int j, Scratch s, boolean cached) {
    final VotingRule vr = par.votingRule();
    final ThirdPartyCommit tpc = par.thirdPartyCommit();
    final double uii = util(h, i, i);
    final double uij = util(h, i, j);
    final double uji = util(h, j, i);
    final double ujj = util(h, j, j);
    final double euSq = util(h, k, i) + util(h, k, j);
    final double uhkij = util(h, k, i) + util(h, k, i);
    final double uhkji = util(h, k, j) + util(h, k, j);
    final double si = salSum[i];
    final double ci = cap[i];
    final double sj = salSum[j];
    final double cj = cap[j];
    final double minCltn = 1e-10;
    double contribI = vote(vr, si * ci, uii, uij);
    double contribJ = vote(vr, sj * cj, uji, ujj);
    double chij = minCltn;
    double chji = minCltn;
    if (contribI > 0.0) {
      chij = chij + contribI;
    }
    if (contribI < 0.0) {
      chji = chji - contribI;
    }
    if (contribJ > 0.0) {
      chij = chij + contribJ;
    }
    if (contribJ < 0.0) {
      chji = chji - contribJ;
    }
    final double cI = chij;
    final double cJ = chji;
    final double[] hRow = rhi[h];
    for (int m = 0; m < n; m++) {
      if (m == i || m == j) {
        continue;
      }
      final double wn = salSum[m] * cap[m];
      final double rm = hRow[m];
      final double[] vm = vDiff[m];
      final double uni = cached ? s.uni[m] : bsUtil(vm[i], rm);
      final double unj = bsUtil(vm[j], rm);
      final double unn = cached ? s.unn[m] : bsUtil(vm[m], rm);
      // little contest: m joins the side it prefers against the principals only
      final double cn = vote(vr, wn, uni, unj);
      final double cni = (cn > 0) ? cI + cn : cI;
      final double cnj = (cn < 0) ? cJ - cn : cJ;
      final double pin = cni / (cni + cnj);
      final double pjn = 1.0 - pin;
      final double vn = thirdPartyVote(wn, vr, tpc, pin, pjn, uni, unj, unn);
      chij = (vn > 0) ? (chij + vn) : chij;
      chji = (vn < 0) ? (chji - vn) : chji;
    }
    final double phij = chij / (chij + chji);
    final double phji = chji / (chij + chji);
    final double euVict = uhkij;
    final double euCntst = phij * uhkij + phji * uhkji;
    final double euChlg = (1 - sj) * euVict + sj * euCntst;
    s.chl[0] = phij;
    s.chl[1] = euChlg - euSq;
  }

  /** Third party's vote between joining i and joining j (KTAB Actor::thirdPartyVoteSU). */
  static double thirdPartyVote(double wk, VotingRule vr, ThirdPartyCommit comm, double pik,
      double pjk, double uki, double ukj, double ukk) {
    double uIkDefJ;
    double uJDefIk;
    double uIDefJk;
    double uJkDefI;
    switch (comm) {
      case FULL_COMMIT:
        uIkDefJ = uki + uki + uki;
        uJDefIk = ukj + ukj + ukj;
        uIDefJk = uki + uki + uki;
        uJkDefI = ukj + ukj + ukj;
        break;
      case SEMI_COMMIT:
        uIkDefJ = uki + uki + ukk;
        uJDefIk = ukj + ukj + ukj;
        uIDefJk = uki + uki + uki;
        uJkDefI = ukj + ukj + ukk;
        break;
      case NO_COMMIT:
        uIkDefJ = uki + uki + ukk;
        uJDefIk = ukj + ukj + ukk;
        uIDefJk = uki + uki + ukk;
        uJkDefI = ukj + ukj + ukk;
        break;
      default:
        throw new IllegalStateException(comm.toString());
    }
    double uIkJ = (pik * uIkDefJ) + (pjk * uJDefIk);
    double uIJk = (pik * uIDefJk) + (pjk * uJkDefI);
    return vote(vr, wk, uIkJ, uIJk);
  }

  private static double round4(double x1) {
    final double s = 10000.0;
    final int yv = (int) (0.5 + (x1 * s));
    return ((double) yv) / s;
  }

  /** Interpolated bargain between i (at xi) and j (at xj) with win probabilities prbI, prbJ. */
  private void interpolate(int i, int j, double prbI, double prbJ, double[] outI, double[] outJ) {
    InterVecBrgn ivb = par.interVecBrgn();
    for (int k = 0; k < d; k++) {
      final double tik = x[i][k];
      final double sik = sal[i][k];
      final double tjk = x[j][k];
      final double sjk = sal[j][k];
      if (ivb == InterVecBrgn.S2PMAX) {
        double di = (prbJ > prbI) ? (prbJ - prbI) : 0;
        double dj = (prbI > prbJ) ? (prbI - prbJ) : 0;
        double sik2 = sik * sik;
        double sjk2 = sjk * sjk;
        final double minW = 1e-6;
        double dik = (di * sjk2) / ((di * sjk2) + minW + ((1 - di) * sik2));
        double djk = (dj * sik2) / ((dj * sik2) + minW + ((1 - dj) * sjk2));
        outI[k] = tik + dik * (tjk - tik);
        outJ[k] = tjk + djk * (tik - tjk);
      } else {
        final boolean two = ivb == InterVecBrgn.S2P2;
        double wsi = two ? sik * sik : sik;
        double wpi = two ? prbI * prbI : prbI;
        double wik = wsi * wpi;
        double wsj = two ? sjk * sjk : sjk;
        double wpj = two ? prbJ * prbJ : prbJ;
        double wjk = wsj * wpj;
        final double minW = 1e-6;
        outI[k] = round4(((wik + minW) * tik + wjk * tjk) / (wik + minW + wjk));
        outJ[k] = round4((wik * tik + (minW + wjk) * tjk) / (wik + minW + wjk));
      }
    }
  }

  /** Initiator i's best challenge and bargain(s); writes into bargain slots 2i and 2i+1. */
  private void propose(int i, Scratch s) {
    int bestJ = -1;
    double pIJ = 0;
    double bestEu = -1.0;
    cacheInitiatorView(i, i, s);
    for (int j = 0; j < n; j++) {
      if (j == i) {
        continue;
      }
      probEduChlg(i, i, i, j, s, true);
      double pij = s.chl[0];
      double edu = s.chl[1];
      if ((MIN_SIG_EDU < edu) && (bestEu < edu)) {
        bestJ = j;
        pIJ = pij;
        bestEu = edu;
      }
    }
    bCountPerInit[i] = 0;
    if (bestJ < 0) {
      return;
    }
    final int j = bestJ;
    final int m0 = 2 * i;
    final BargainModel bm = par.bargainModel();
    if (bm == BargainModel.INIT_ONLY_INTERP) {
      interpolate(i, j, pIJ, 1 - pIJ, bPosI[m0], bPosR[m0]);
      bInit[m0] = i;
      bRcvr[m0] = j;
      bCountPerInit[i] = 1;
      return;
    }
    // The receiver's view. KTAB (SMPState::doBCN) labels this "j's estimate of the probability
    // that i defeats j" but takes the second element of probEduChlg(j, i, i, j), which is j's
    // estimate of i's expected gain from the challenge, not the probability. We reproduce that
    // so that results agree with KTAB; see docs/bargain.md.
    probEduChlg(j, i, i, j, s);
    final double pjiJ = s.chl[1];
    if (bm == BargainModel.INIT_RCVR_INTERP) {
      interpolate(i, j, pIJ, 1 - pIJ, bPosI[m0], bPosR[m0]);
      interpolate(i, j, pjiJ, 1 - pjiJ, bPosI[m0 + 1], bPosR[m0 + 1]);
      bInit[m0] = i;
      bRcvr[m0] = j;
      bInit[m0 + 1] = i;
      bRcvr[m0 + 1] = j;
      bCountPerInit[i] = 2;
      return;
    }
    // PWCompInterp: capability×salience-weighted compromise of the two views. As in KTAB the
    // receiver's weight uses the initiator's capability.
    double[] iI = new double[d];
    double[] iR = new double[d];
    double[] jI = new double[d];
    double[] jR = new double[d];
    interpolate(i, j, pIJ, 1 - pIJ, iI, iR);
    interpolate(i, j, pjiJ, 1 - pjiJ, jI, jR);
    double wi = cap[i] * salSum[i];
    double wj = cap[i] * salSum[j];
    for (int k = 0; k < d; k++) {
      bPosI[m0][k] = (wi * iI[k] + wj * jI[k]) / (wi + wj);
      bPosR[m0][k] = (wi * iR[k] + wj * jR[k]) / (wi + wj);
    }
    bInit[m0] = i;
    bRcvr[m0] = j;
    bCountPerInit[i] = 1;
  }

  /** Utility to actor a of its own view of position z (KTAB SMPActor::posUtil). */
  private double posUtil(int a, double[] z) {
    return bsUtil(bvDiff(y[a], z, sal[a]), risk[a]);
  }

  // ---------------------------------------------------------------- run

  SmpResult run(SmpScenario sc, int maxTurns, java.util.function.IntConsumer turnDone) {
    if (threads <= 1) {
      return runInPool(sc, maxTurns, null, turnDone);
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return runInPool(sc, maxTurns, pool, turnDone);
    } finally {
      pool.shutdown();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void forEach(ForkJoinPool pool, int count, java.util.function.IntConsumer body) {
    if (pool == null) {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
    } else {
      pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).join();
    }
  }

  private SmpResult runInPool(SmpScenario sc, int maxTurns, ForkJoinPool pool,
      java.util.function.IntConsumer turnDone) {
    final java.util.List<double[][]> posHist = new java.util.ArrayList<>();
    final java.util.List<double[][]> idlHist = new java.util.ArrayList<>();
    final java.util.List<int[]> movI = new java.util.ArrayList<>();
    final java.util.List<int[]> movR = new java.util.ArrayList<>();
    final java.util.List<double[]> riskHist = new java.util.ArrayList<>();
    final java.util.List<Double> fracHist = new java.util.ArrayList<>();
    posHist.add(copy(x));
    idlHist.add(copy(y));
    movI.add(filled(n, -1));
    movR.add(filled(n, -1));
    fracHist.add(Double.NaN);

    final double[][] c = new double[n + 1][n + 1];
    final double[][] pv = new double[n + 1][n + 1];
    final double[][] uScratch = new double[n][n + 1];
    final double[] pScratch = new double[n + 1];
    final Scratch[] scratch = new Scratch[n];
    for (int i = 0; i < n; i++) {
      scratch[i] = new Scratch(n);
    }
    final int maxB = (par.bargainModel() == BargainModel.INIT_RCVR_INTERP) ? 2 : 1;
    // bargain utilities: uB[a][m] = utility to a of the state after bargain m
    final double[][] uB = new double[n][2 * n];
    final double[] uSq = new double[n];
    // uOwn[a][q] = a's own utility of q's position (KTAB aUtil[a](a, q))
    final double[][] uOwn = new double[n][n];
    // per-actor bargain queues (CSR)
    final int[] qStart = new int[n + 1];
    final int[] qList = new int[2 * maxB * n];
    double d01 = Double.NaN;

    assess(c, pv, uScratch, pScratch);
    riskHist.add(risk.clone());
    for (int turn = 1; ; turn++) {
      // 1. proposals
      forEach(pool, n, i -> propose(i, scratch[i]));
      // 2. queues: status quo first, then bargains by initiator index
      int[] cnt = new int[n];
      for (int i = 0; i < n; i++) {
        for (int b = 0; b < bCountPerInit[i]; b++) {
          int m = 2 * i + b;
          cnt[bInit[m]]++;
          cnt[bRcvr[m]]++;
        }
      }
      qStart[0] = 0;
      for (int k = 0; k < n; k++) {
        qStart[k + 1] = qStart[k] + cnt[k];
        cnt[k] = qStart[k];
      }
      for (int i = 0; i < n; i++) {
        for (int b = 0; b < bCountPerInit[i]; b++) {
          int m = 2 * i + b;
          qList[cnt[bInit[m]]++] = m;
          qList[cnt[bRcvr[m]]++] = m;
        }
      }
      // 3. value of every bargain to every actor (mean utility over the resulting positions)
      forEach(
          pool,
          n,
          a -> {
            final double ra = rhi[a][a];
            final double[] va = vDiff[a];
            final double[] row = uOwn[a];
            double s = 0.0;
            for (int m = 0; m < n; m++) {
              row[m] = bsUtil(va[m], ra);
              s = s + row[m];
            }
            uSq[a] = s / n;
            for (int i = 0; i < n; i++) {
              for (int b = 0; b < bCountPerInit[i]; b++) {
                int m = 2 * i + b;
                int ni = bInit[m];
                int nr = bRcvr[m];
                double u = 0.0;
                u = u + posUtil(a, bPosI[m]);
                u = u + posUtil(a, bPosR[m]);
                for (int q = 0; q < n; q++) {
                  if (q != ni && q != nr) {
                    u = u + row[q];
                  }
                }
                uB[a][m] = u / n;
              }
            }
          });
      // 4. each actor's vote over its queue, then its new position
      final double[][] nx = new double[n][];
      final int[] mi = filled(n, -1);
      final int[] mr = filled(n, -1);
      final int t = turn;
      forEach(
          pool,
          n,
          k -> {
            int nb = 1 + qStart[k + 1] - qStart[k];
            VoteScratch vs = voteScratch.get().ensure(n, nb);
            double[][] u = vs.u;
            for (int a = 0; a < n; a++) {
              u[a][0] = uSq[a];
              for (int q = 1; q < nb; q++) {
                u[a][q] = uB[a][qList[qStart[k] + q - 1]];
              }
            }
            double[] pk = vs.p;
            scalarPce(cap, u, nb, par, vs.c, vs.pv, pk);
            int best;
            if (par.transitions() == SmpParameters.StateTransitions.DETERMINISTIC) {
              best = 0;
              double ma = -1.0;
              for (int q = 0; q < nb; q++) {
                double av = Math.abs(pk[q]);
                if (ma < av) {
                  ma = av;
                  best = q;
                }
              }
            } else {
              double r = stream(seed, t, k).nextDouble();
              best = -1;
              double sum = 0.0;
              for (int q = 0; q < nb && best < 0; q++) {
                sum = sum + pk[q];
                if (r <= sum) {
                  best = q;
                }
              }
              if (best < 0) {
                best = nb - 1;
              }
            }
            if (best == 0) {
              nx[k] = x[k].clone();
            } else {
              int m = qList[qStart[k] + best - 1];
              double[] np = (bInit[m] == k) ? bPosI[m] : bPosR[m];
              nx[k] = np.clone();
              boolean moved = false;
              for (int dd = 0; dd < d; dd++) {
                if (np[dd] != x[k][dd]) {
                  moved = true;
                }
              }
              if (moved) {
                mi[k] = bInit[m];
                mr[k] = bRcvr[m];
              }
            }
          });
      // 5. ideals
      double[][] ny = new double[n][d];
      for (int i = 0; i < n; i++) {
        if (identAcc) {
          System.arraycopy(nx[i], 0, ny[i], 0, d);
          continue;
        }
        double si = 0.0;
        double[] nip = new double[d];
        for (int j = 0; j < n; j++) {
          final double aij = acc[i][j];
          si = si + aij;
          for (int k = 0; k < d; k++) {
            nip[k] = nip[k] + (aij * nx[j][k]);
          }
        }
        si = (1.0 < si) ? 1.0 : si;
        double lagI = 1.0 - si;
        for (int k = 0; k < d; k++) {
          ny[i][k] = nip[k] + (lagI * y[i][k]);
        }
      }
      // 6. stopping rule
      double dxy = 0.0;
      for (int i = 0; i < n; i++) {
        double s2 = 0.0;
        for (int k = 0; k < d; k++) {
          double e = nx[i][k] - x[i][k];
          s2 = s2 + e * e;
        }
        dxy = dxy + Math.sqrt(s2);
      }
      if (turn == 1) {
        d01 = dxy + MIN_SIG_DELTA;
      }
      double ratio = dxy / d01;
      x = nx;
      y = ny;
      posHist.add(copy(x));
      idlHist.add(copy(y));
      movI.add(mi);
      movR.add(mr);
      fracHist.add(ratio);
      assess(c, pv, uScratch, pScratch);
      riskHist.add(risk.clone());
      turnDone.accept(turn);
      boolean tooLong = maxTurns <= turn;
      boolean longEnough = MIN_ITER <= turn;
      if (tooLong || (longEnough && ratio < MIN_DELTA_RATIO)) {
        break;
      }
    }
    return finish(sc, posHist, idlHist, movI, movR, riskHist, fracHist);
  }

  /** Per-(seed, turn, actor) random stream: results do not depend on scheduling. */
  static SplittableRandom stream(long seed, int turn, int actor) {
    long z = mix(seed + 0x9E3779B97F4A7C15L * (turn + 1));
    z = mix(z ^ (0xBF58476D1CE4E5B9L * (actor + 1)));
    return new SplittableRandom(z);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private SmpResult finish(
      SmpScenario sc,
      java.util.List<double[][]> posHist,
      java.util.List<double[][]> idlHist,
      java.util.List<int[]> movI,
      java.util.List<int[]> movR,
      java.util.List<double[]> riskHist,
      java.util.List<Double> fracHist) {
    int tn = posHist.size();
    double[][][] pos = new double[tn][n][d];
    double[][][] idl = new double[tn][n][d];
    for (int t = 0; t < tn; t++) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) {
          pos[t][i][k] = posHist.get(t)[i][k] * 100.0;
          idl[t][i][k] = idlHist.get(t)[i][k] * 100.0;
        }
      }
    }
    double[] frac = new double[tn];
    for (int t = 0; t < tn; t++) {
      frac[t] = fracHist.get(t);
    }
    // PCE over the distinct final positions, each actor judging by its own utility
    int[] uIdx = new int[n];
    int nu = 0;
    int[] eIdx = new int[n];
    for (int i = 0; i < n; i++) {
      int found = -1;
      for (int q = 0; q < nu && found < 0; q++) {
        if (dist(x[i], x[uIdx[q]]) < POS_TOL) {
          found = q;
        }
      }
      if (found < 0) {
        uIdx[nu] = i;
        found = nu++;
      }
      eIdx[i] = found;
    }
    double[][] uu = new double[n][nu];
    for (int a = 0; a < n; a++) {
      for (int q = 0; q < nu; q++) {
        uu[a][q] = util(a, a, uIdx[q]);
      }
    }
    double[] pu = new double[nu];
    scalarPce(cap, uu, nu, par, new double[nu][nu], new double[nu][nu], pu);
    double[] winP = new double[n];
    for (int i = 0; i < n; i++) {
      winP[i] = pu[eIdx[i]];
    }
    double[] pceOut = new double[d];
    for (int q = 0; q < nu; q++) {
      for (int k = 0; k < d; k++) {
        pceOut[k] += pu[q] * x[uIdx[q]][k] * 100.0;
      }
    }
    double[] out = weightedMean(pos[tn - 1], cap, sal);
    int[][] mi = movI.toArray(new int[0][]);
    int[][] mr = movR.toArray(new int[0][]);
    double[][] rk = riskHist.toArray(new double[0][]);
    return new SmpResult(sc, pos, idl, mi, mr, rk, frac, winP, out, pceOut);
  }

  /** Capability×salience-weighted mean per dimension (positions on any scale, saliences raw). */
  static double[] weightedMean(double[][] pos, double[] cap, double[][] sal) {
    int dd = pos[0].length;
    double[] out = new double[dd];
    for (int k = 0; k < dd; k++) {
      double num = 0.0;
      double den = 0.0;
      for (int i = 0; i < pos.length; i++) {
        double w = cap[i] * sal[i][k];
        num += w * pos[i][k];
        den += w;
      }
      if (den > 0.0) {
        out[k] = num / den;
      } else {
        double s = 0.0;
        for (int i = 0; i < pos.length; i++) {
          s += pos[i][k];
        }
        out[k] = s / pos.length;
      }
    }
    return out;
  }

  private static double dist(double[] a, double[] b) {
    double s = 0.0;
    for (int k = 0; k < a.length; k++) {
      double e = a[k] - b[k];
      s = s + e * e;
    }
    return Math.sqrt(s);
  }

  private static double[][] copy(double[][] a) {
    double[][] r = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i].clone();
    }
    return r;
  }

  private static int[] filled(int len, int v) {
    int[] r = new int[len];
    java.util.Arrays.fill(r, v);
    return r;
  }
}
