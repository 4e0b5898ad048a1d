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

  final double[][] terr; // [a][m*nT+t]
  final int[][][] valued; // [a][m]: theaters t with terr[a][m*nT+t] > 0, ascending
  final double[][] priorTerr; // [a][t]: territorial value of t to a, averaged over a's motive prior
  final double[][] regimeSec; // [a][m]
  final int[][] deterActor; // [a][m]
  final double[][] deterWeight; // [a][m]
  final double[][] cohesion; // [a][m]
  final double[][] uIdeal; // [a][m] issue value at own ideal
  final double[][] uDeal; // [a][m] issue value at the focal deal
  final double[][] uSq; // [a][m] issue value at the no-deal status quo point
  final double[] statusQuo; // per issue 0..100
  final double[][] uLose; // [a][m*nA+b] issue value at b's position
  final double[][] uOfferTo; // [a][m*nA+b] a's issue value when a moves toward b
  final double[][] uYieldedTo; // [a][m*nA+b] a's issue value when b moves toward a
  final double[] focalDeal; // per issue 0..100
  final String[] issueIds;

  MotiveTables(Scenario sc, String[] actorIds, TypeSpace types, ModelConstants c,
      DealForecaster fc) {
    final int nA = sc.actors().size();
    final int nT = sc.theaters().size();
    final int nI = sc.issues().size();
    final int[] nMot = types.nMot;
    final double[][] motPrior = types.motPrior;
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
          v += motPrior[a][m] * terr[a][m * nT + t];
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
    focalDeal = nI == 0 ? new double[0] : forecastDeal(sc, actorIds, fc, basePos, baseSal, baseCap);
    statusQuo = nI == 0 ? new double[0]
        : forecastDeal(sc, actorIds, DealForecaster.WEIGHTED_MEAN, basePos, baseSal, baseCap);
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
    uIdeal = new double[nA][];
    uDeal = new double[nA][];
    uSq = new double[nA][];
    uLose = new double[nA][];
    uOfferTo = new double[nA][];
    uYieldedTo = new double[nA][];
    double[] pt = new double[nI];
    for (int a = 0; a < nA; a++) {
      int k = nMot[a];
      uIdeal[a] = new double[k];
      uDeal[a] = new double[k];
      uSq[a] = new double[k];
      uLose[a] = new double[k * nA];
      uOfferTo[a] = new double[k * nA];
      uYieldedTo[a] = new double[k * nA];
      for (int m = 0; m < k; m++) {
        uIdeal[a][m] = issueValue(ideal[a][m], sal[a][m], ideal[a][m]);
        uDeal[a][m] = issueValue(ideal[a][m], sal[a][m], focalDeal);
        uSq[a][m] = issueValue(ideal[a][m], sal[a][m], statusQuo);
        for (int b = 0; b < nA; b++) {
          for (int i = 0; i < nI; i++) {
            pt[i] = Double.isNaN(basePos[b][i]) ? focalDeal[i] : basePos[b][i];
          }
          uLose[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], pt);
          for (int i = 0; i < nI; i++) {
            double tb = Double.isNaN(basePos[b][i]) ? focalDeal[i] : basePos[b][i];
            pt[i] = focalDeal[i] + offerShift * (tb - focalDeal[i]);
          }
          uOfferTo[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], pt);
          for (int i = 0; i < nI; i++) {
            double ta = Double.isNaN(basePos[a][i]) ? ideal[a][m][i] : basePos[a][i];
            pt[i] = focalDeal[i] + offerShift * (ta - focalDeal[i]);
          }
          uYieldedTo[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], pt);
        }
      }
    }
  }

  private double[] forecastDeal(Scenario sc, String[] actorIds, DealForecaster fc,
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
        for (int i = 0; i < nI; i++) {
          sr[i] *= 100 / tot;
        }
      }
      names.add(actorIds[a]);
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

  private static double issueValue(double[] ideal, double[] sal, double[] point) {
    double v = 0;
    for (int i = 0; i < ideal.length; i++) {
      v += sal[i] / 100.0 * (1.0 - Math.abs(point[i] - ideal[i]) / 100.0);
    }
    return v;
  }
}
