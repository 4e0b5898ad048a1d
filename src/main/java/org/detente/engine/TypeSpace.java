package org.detente.engine;

import static org.detente.engine.Compilation.normalise;

import java.util.Arrays;
import java.util.List;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.scenario.Actor;
import org.detente.scenario.Motive;
import org.detente.scenario.Scenario;

/**
 * Each actor's private types: resolve levels × motive hypotheses, their priors, and the motives
 * fixed by an analysis (-1: drawn). Read-only after compilation; {@link #withFixedMotive} makes
 * a copy.
 */
final class TypeSpace {

  final int[] nRes;
  final int[] nMot;
  final int[] nTypes;
  final int maxTypes;
  final int maxMot;
  final double[][] resLevel;
  final double[][] resPrior;
  final double[][] motPrior;
  final double[][] typePrior; // [a][r*nMot+m]
  final int[][] typeMot; // [a][k]: motive index of type k
  final double[][] typeRes; // [a][k]: resolve level of type k
  // [a]: the spacing of a's resolve levels when there are two or more, ascending and equally
  // spaced (to 1e-9 of the spacing); 0 otherwise
  final double[] resStep;
  final String[][] motiveIds;
  final int[] fixedMotive; // -1 = sample

  TypeSpace(Scenario sc) {
    int nA = sc.actors().size();
    nRes = new int[nA];
    nMot = new int[nA];
    nTypes = new int[nA];
    resLevel = new double[nA][];
    resPrior = new double[nA][];
    motPrior = new double[nA][];
    typePrior = new double[nA][];
    typeMot = new int[nA][];
    typeRes = new double[nA][];
    resStep = new double[nA];
    motiveIds = new String[nA][];
    fixedMotive = new int[nA];
    Arrays.fill(fixedMotive, -1);
    int mt = 1;
    int mm = 1;
    for (int a = 0; a < nA; a++) {
      Actor ac = sc.actors().get(a);
      List<Double> lv = ac.resolve() != null ? ac.resolve().levels() : List.of(1.0);
      List<Double> lp = ac.resolve() != null ? ac.resolve().prior() : List.of(1.0);
      if (lv.isEmpty()) {
        lv = List.of(1.0);
        lp = List.of(1.0);
      }
      nRes[a] = lv.size();
      resLevel[a] = lv.stream().mapToDouble(Double::doubleValue).toArray();
      resPrior[a] = normalise(lp.stream().mapToDouble(Double::doubleValue).toArray());
      resStep[a] = equalStep(resLevel[a]);
      List<Motive> ms = ac.motives();
      nMot[a] = Math.max(1, ms.size());
      motPrior[a] = new double[nMot[a]];
      motiveIds[a] = new String[nMot[a]];
      if (ms.isEmpty()) {
        motPrior[a][0] = 1;
        motiveIds[a][0] = "none";
      } else {
        for (int m = 0; m < ms.size(); m++) {
          motPrior[a][m] = ms.get(m).prior();
          motiveIds[a][m] = ms.get(m).id();
        }
        motPrior[a] = normalise(motPrior[a]);
      }
      nTypes[a] = nRes[a] * nMot[a];
      typePrior[a] = new double[nTypes[a]];
      typeMot[a] = new int[nTypes[a]];
      typeRes[a] = new double[nTypes[a]];
      for (int r = 0; r < nRes[a]; r++) {
        for (int m = 0; m < nMot[a]; m++) {
          int k = r * nMot[a] + m;
          typePrior[a][k] = resPrior[a][r] * motPrior[a][m];
          typeMot[a][k] = m;
          typeRes[a][k] = resLevel[a][r];
        }
      }
      mt = Math.max(mt, nTypes[a]);
      mm = Math.max(mm, nMot[a]);
    }
    maxTypes = mt;
    maxMot = mm;
  }

  private TypeSpace(TypeSpace o, int[] fixed) {
    nRes = o.nRes;
    nMot = o.nMot;
    nTypes = o.nTypes;
    maxTypes = o.maxTypes;
    maxMot = o.maxMot;
    resLevel = o.resLevel;
    resPrior = o.resPrior;
    motPrior = o.motPrior;
    typePrior = o.typePrior;
    typeMot = o.typeMot;
    typeRes = o.typeRes;
    resStep = o.resStep;
    motiveIds = o.motiveIds;
    fixedMotive = fixed;
  }

  /** The same types with actor {@code actor}'s motive fixed to hypothesis {@code motive}. */
  TypeSpace withFixedMotive(int actor, int motive) {
    if (actor < 0 || actor >= nMot.length || motive < 0 || motive >= nMot[actor]) {
      throw new InvalidInputException(Message.NO_MOTIVE, motive, actor);
    }
    int[] f = fixedMotive.clone();
    f[actor] = motive;
    return new TypeSpace(this, f);
  }

  /** The common spacing of ascending, equally spaced levels (two or more), else 0. */
  static double equalStep(double[] lv) {
    if (lv.length < 2) {
      return 0;
    }
    double d = lv[1] - lv[0];
    if (!(d > 0)) {
      return 0;
    }
    for (int j = 2; j < lv.length; j++) {
      if (Math.abs(lv[j] - lv[j - 1] - d) > 1e-9 * d) {
        return 0;
      }
    }
    return d;
  }
}
