package org.detente.engine;

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

  private final int n; // linked issues
  private final int[] issue;
  private final int[] theater;
  private final int[] at0;
  private final int[] at100;
  private final double[] staticQ; // the no-deal point of positions alone (capability × salience)
  private final double[] focal; // the focal deal's point
  private final double[] toward; // [b*n + l]: the focal deal moved toward b by offerShift
  private final double[][] ideal; // [a][mo*n + l]
  private final double[][] salience; // [a][mo*n + l], 0..1

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
      theater[l] = Compilation.theater(sc, is.territory().theater(), "issue " + is.id() + " territory");
      at0[l] = Compilation.actor(sc, is.territory().at0(), "issue " + is.id() + " territory");
      at100[l] = Compilation.actor(sc, is.territory().at100(), "issue " + is.id() + " territory");
      staticQ[l] = mt.statusQuo(i);
      focal[l] = mt.focalDeal(i);
      for (int a = 0; a < nA; a++) {
        pos[a][l] = Double.NaN;
      }
      for (IssuePosition ip : is.positions()) {
        int a = Compilation.actor(sc, ip.actor(), "issue " + is.id());
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
      int k = types.nMot(a);
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

  /** Number of issues about a theater ("links"). */
  int n() {
    return n;
  }

  /** The scenario's index of the issue of link l. */
  int issue(int l) {
    return issue[l];
  }

  /** The theater link l is about. */
  int theater(int l) {
    return theater[l];
  }

  /** The actor holding the theater of link l at the issue's 0 end. */
  int at0(int l) {
    return at0[l];
  }

  /** The actor holding the theater of link l at the issue's 100 end. */
  int at100(int l) {
    return at100[l];
  }

  /** The no-deal point of link l from the positions alone (capability × salience). */
  double staticQ(int l) {
    return staticQ[l];
  }

  /** The focal deal's point on link l. */
  double focal(int l) {
    return focal[l];
  }

  /** The focal deal's point on link l moved toward actor b by offerShift. */
  double toward(int b, int l) {
    return toward[b * n + l];
  }

  /** Actor a's ideal point on link l under motive mo. */
  double ideal(int a, int mo, int l) {
    return ideal[a][mo * n + l];
  }

  /** Actor a's salience of link l under motive mo (0..1). */
  double salience(int a, int mo, int l) {
    return salience[a][mo * n + l];
  }

  /**
   * The actor a deal at this point assigns the theater of link l to: at0 below 50, at100 above,
   * -1 at 50 exactly (the deal leaves it where it is).
   */
  int holderAt(int l, double point) {
    return point < 50 ? at0[l] : point > 50 ? at100[l] : -1;
  }
}
