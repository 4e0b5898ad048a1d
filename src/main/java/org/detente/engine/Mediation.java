package org.detente.engine;

import static org.detente.engine.Compilation.actor;

import org.detente.scenario.Actor;
import org.detente.scenario.ActorKind;
import org.detente.scenario.Issue;
import org.detente.scenario.IssuePosition;
import org.detente.scenario.Relation;
import org.detente.scenario.Scenario;

/**
 * The mediator of each pair (docs/model.md, "Mediators"): its leverage, its alignment with
 * each side, its bias and its credibility, stated in the scenario or derived from capability and
 * alignment, and what they do to a deal between the pair: the political cover that lowers the
 * audience cost of a compromise, and the pull of the deal point toward the side the mediator
 * leans to. Read-only after compilation.
 *
 * <p>For a pair (a, b) with mediator m: leverage {@code L = cap_m / (cap_m + max(cap_a,
 * cap_b))} (cap: military expenditure; an alliance, bloc or region counts its members'),
 * alignment {@code al(m, x)} the mean of m's closeness to x on the issues both declare
 * ({@code Σ s_m,i·(1 − |pos_m,i − pos_x,i|/100) / Σ s_m,i}) and of {@code 1 − h(m, x)}, raised to
 * the credibility of a formal commitment of m to x; bias {@code β = al(m, a) − al(m, b)};
 * credibility {@code C = max(al(m, a), al(m, b))} (Kydd 2003: a mediator is believed by the side
 * it is aligned with). The audience cost of a compromise between a and b is paid at
 * {@code 1 − C·L} of its share, and the deal point moves toward the favoured side by
 * {@code L·|β|·offerShift} of the way.
 */
final class Mediation {

  private final int nA;
  private final int[] mediator; // [a*nA+b], -1 none
  private final double[] leverage; // [a*nA+b]
  private final double[] credibility; // [a*nA+b]
  private final double[] bias; // [a*nA+b]: leaning toward a (> 0) or b (< 0)

  Mediation(Scenario sc, Relations relations) {
    nA = sc.actors().size();
    mediator = new int[nA * nA];
    leverage = new double[nA * nA];
    credibility = new double[nA * nA];
    bias = new double[nA * nA];
    java.util.Arrays.fill(mediator, -1);
    double[] cap = new double[nA];
    for (int a = 0; a < nA; a++) {
      Actor ac = sc.actors().get(a);
      double c = Math.max(0, ac.milexBnUsd());
      if (ac.kind() != ActorKind.STATE && ac.kind() != ActorKind.NON_STATE) {
        for (String mem : ac.members()) {
          int i = sc.actorIndex(mem);
          if (i >= 0) {
            c += Math.max(0, sc.actors().get(i).milexBnUsd());
          }
        }
      }
      cap[a] = c;
    }
    // week-0 hostility and alliance commitments, as Relations compiled them
    double[] h = new double[nA * nA];
    relations.copyHostility0Into(h);
    double[] commit = new double[nA * nA]; // [m*nA+x]: m's commitment to defend x
    relations.copyCredibilityInto(commit);
    for (Relation r : sc.relations()) {
      if (r.mediator() == null) {
        continue;
      }
      int a = actor(sc, r.a(), "relation");
      int b = actor(sc, r.b(), "relation");
      int md = actor(sc, r.mediator(), "relation mediator");
      double alA = alignment(sc, md, a, h, commit);
      double alB = alignment(sc, md, b, h, commit);
      double capAb = Math.max(cap[a], cap[b]);
      double lev = Double.isNaN(r.mediatorLeverage())
          ? (cap[md] + capAb > 0 ? cap[md] / (cap[md] + capAb) : 0)
          : r.mediatorLeverage();
      double cred = Double.isNaN(r.mediatorCredibility()) ? Math.max(alA, alB)
          : r.mediatorCredibility();
      for (int[] pr : new int[][] {{a, b}, {b, a}}) {
        int ij = pr[0] * nA + pr[1];
        mediator[ij] = md;
        leverage[ij] = lev;
        credibility[ij] = cred;
      }
      bias[a * nA + b] = alA - alB;
      bias[b * nA + a] = alB - alA;
    }
  }

  /**
   * m's alignment with x (0..1): the mean of its closeness to x on the issues both declare a
   * position on (weighted by m's salience; left out when there is none) and of 1 − h(m, x),
   * at least the credibility of m's formal commitment to defend x.
   */
  private static double alignment(Scenario sc, int m, int x, double[] h, double[] commit) {
    int nA = sc.actors().size();
    String mid = sc.actors().get(m).id();
    String xid = sc.actors().get(x).id();
    double w = 0;
    double close = 0;
    for (Issue is : sc.issues()) {
      IssuePosition pm = null;
      IssuePosition px = null;
      for (IssuePosition ip : is.positions()) {
        if (ip.actor().equals(mid)) {
          pm = ip;
        } else if (ip.actor().equals(xid)) {
          px = ip;
        }
      }
      if (pm != null && px != null) {
        double s = Math.max(0, pm.salience());
        w += s;
        close += s * (1 - Math.abs(pm.position() - px.position()) / 100.0);
      }
    }
    double friendly = 1 - h[m * nA + x];
    double al = w > 0 ? 0.5 * (close / w + friendly) : friendly;
    return Math.max(al, commit[m * nA + x]);
  }

  /** The mediator of the pair ab (index a*nA+b), or -1. */
  int mediator(int ab) {
    return mediator[ab];
  }

  /** The mediator's leverage over the pair ab (0..1; 0 without a mediator). */
  double leverage(int ab) {
    return leverage[ab];
  }

  /** The mediator's credibility with the pair ab (0..1; 0 without a mediator). */
  double credibility(int ab) {
    return credibility[ab];
  }

  /** The mediator's bias toward a in the pair ab (−1..1; 0 without a mediator). */
  double bias(int ab) {
    return bias[ab];
  }

  /**
   * The share of the audience cost of a compromise a side of the pair ab still pays: 1 − C·L
   * (1 without a mediator).
   */
  double cover(int ab) {
    return mediator[ab] < 0 ? 1.0 : 1.0 - credibility[ab] * leverage[ab];
  }

  /**
   * The share of the audience cost of a compromise between the pair ab that a side pays:
   * {@code dealAudienceShare·(1 − C·L)}, exactly {@code dealAudienceShare} without a mediator.
   */
  double audienceShare(int ab, double dealAudienceShare) {
    return mediator[ab] < 0 ? dealAudienceShare : dealAudienceShare * cover(ab);
  }

  /**
   * How far (share of the way, 0..offerShift) the deal between a and b (ab = a*nA+b) moves toward
   * a's positions: positive toward a, negative toward b.
   */
  double pullTowardA(int ab, double offerShift) {
    return mediator[ab] < 0 ? 0 : leverage[ab] * bias[ab] * offerShift;
  }
}
