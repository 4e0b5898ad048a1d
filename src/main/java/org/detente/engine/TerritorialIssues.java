package org.detente.engine;

import static org.detente.engine.Compilation.actor;
import static org.detente.engine.Compilation.theater;

import org.detente.scenario.Issue;
import org.detente.scenario.IssuePosition;
import org.detente.scenario.IssueStake;
import org.detente.scenario.Motive;
import org.detente.scenario.Scenario;

/**
 * The issues that are about a theater (scenario {@code issues[].territory}): the theater, its
 * holders at 0 and at 100, each actor's ideal point and salience on the issue under each
 * motive, and the points a deal, an offer or a concession would settle it at. The status quo of
 * such an issue is where the holder of the theater stands; a deal assigns the theater. Read-only
 * after compilation.
 */
final class TerritorialIssues {

  final int n; // linked issues
  final int[] issue;
  final int[] theater;
  final int[] at0;
  final int[] at100;
  final double[] staticQ; // the no-deal point of positions alone (capability × salience)
  final double[] focal; // the focal deal's point
  final double[] toward; // [b*n + l]: the focal deal moved toward b by offerShift
  final double[][] ideal; // [a][mo*n + l]
  final double[][] salience; // [a][mo*n + l], 0..1

  TerritorialIssues(Scenario sc, TypeSpace types, MotiveTables mt, ModelConstants c) {
    int nA = sc.actors().size();
    int count = 0;
    for (Issue is : sc.issues()) {
      count += is.territory() != null ? 1 : 0;
    }
    n = count;
    issue = new int[n];
    theater = new int[n];
    at0 = new int[n];
    at100 = new int[n];
    staticQ = new double[n];
    focal = new double[n];
    toward = new double[nA * n];
    ideal = new double[nA][];
    salience = new double[nA][];
    double[][] pos = new double[nA][n];
    double[][] sal = new double[nA][n];
    int l = 0;
    for (int i = 0; i < sc.issues().size(); i++) {
      Issue is = sc.issues().get(i);
      if (is.territory() == null) {
        continue;
      }
      issue[l] = i;
      theater[l] = theater(sc, is.territory().theater(), "issue " + is.id() + " territory");
      at0[l] = actor(sc, is.territory().at0(), "issue " + is.id() + " territory");
      at100[l] = actor(sc, is.territory().at100(), "issue " + is.id() + " territory");
      staticQ[l] = mt.statusQuo[i];
      focal[l] = mt.focalDeal[i];
      for (int a = 0; a < nA; a++) {
        pos[a][l] = Double.NaN;
      }
      for (IssuePosition ip : is.positions()) {
        int a = actor(sc, ip.actor(), "issue " + is.id());
        pos[a][l] = Math.max(0, Math.min(100, ip.position()));
        sal[a][l] = Math.max(0, Math.min(100, ip.salience()));
      }
      for (int b = 0; b < nA; b++) {
        double pb = Double.isNaN(pos[b][l]) ? focal[l] : pos[b][l];
        toward[b * n + l] = focal[l] + c.offerShift() * (pb - focal[l]);
      }
      l++;
    }
    for (int a = 0; a < nA; a++) {
      int k = types.nMot[a];
      ideal[a] = new double[k * n];
      salience[a] = new double[k * n];
      for (int mo = 0; mo < k; mo++) {
        for (int j = 0; j < n; j++) {
          ideal[a][mo * n + j] = Double.isNaN(pos[a][j]) ? 50 : pos[a][j];
          salience[a][mo * n + j] = Double.isNaN(pos[a][j]) ? 0 : sal[a][j] / 100.0;
        }
        if (mo < sc.actors().get(a).motives().size()) {
          Motive mv = sc.actors().get(a).motives().get(mo);
          for (IssueStake st : mv.issues()) {
            for (int j = 0; j < n; j++) {
              if (sc.issues().get(issue[j]).id().equals(st.issue())) {
                ideal[a][mo * n + j] = Math.max(0, Math.min(100, st.position()));
                salience[a][mo * n + j] = Math.max(0, Math.min(100, st.salience())) / 100.0;
              }
            }
          }
        }
      }
    }
  }

  /**
   * The actor a deal at this point assigns the theater of link l to: at0 below 50, at100 above,
   * -1 at 50 exactly (the deal leaves it where it is).
   */
  int holderAt(int l, double point) {
    return point < 50 ? at0[l] : point > 50 ? at100[l] : -1;
  }
}
