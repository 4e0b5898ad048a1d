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

  private final int[] nRes;
  private final int[] nMot;
  private final int[] nTypes;
  private final int maxTypes;
  private final int maxMot;
  private final double[][] resLevel;
  private final double[][] resPrior;
  private final double[][] motPrior;
  private final double[][] typePrior; // [a][r*nMot+m]
  private final int[][] typeMot; // [a][k]: motive index of type k
  private final double[][] typeRes; // [a][k]: resolve level of type k
  // [a]: the spacing of a's resolve levels when there are two or more, ascending and equally
  // spaced (to 1e-9 of the spacing); 0 otherwise
  private final double[] resStep;
  private final String[][] motiveIds;
  private final int[] fixedMotive; // -1 = sample

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

  /** Number of resolve levels of actor a. */
  int nRes(int a) {
    return nRes[a];
  }

  /** Number of motive hypotheses of actor a (at least one). */
  int nMot(int a) {
    return nMot[a];
  }

  /** Number of private types of actor a: nRes(a) × nMot(a). */
  int nTypes(int a) {
    return nTypes[a];
  }

  /** The largest number of private types of any actor. */
  int maxTypes() {
    return maxTypes;
  }

  /** The largest number of motive hypotheses of any actor. */
  int maxMot() {
    return maxMot;
  }

  /** Resolve multiplier of level r of actor a. */
  double resLevel(int a, int r) {
    return resLevel[a][r];
  }

  /** Prior of actor a's motive hypothesis mo. */
  double motPrior(int a, int mo) {
    return motPrior[a][mo];
  }

  /** Prior of actor a's private type k (resolve level k / nMot, motive k % nMot). */
  double typePrior(int a, int k) {
    return typePrior[a][k];
  }

  /** Motive index of actor a's private type k. */
  int typeMot(int a, int k) {
    return typeMot[a][k];
  }

  /** Resolve multiplier of actor a's private type k. */
  double typeRes(int a, int k) {
    return typeRes[a][k];
  }

  /**
   * The spacing of actor a's resolve levels when there are two or more, ascending and equally
   * spaced; 0 otherwise.
   */
  double resStep(int a) {
    return resStep[a];
  }

  /** Id of actor a's motive hypothesis mo ("none" for an actor without motives). */
  String motiveId(int a, int mo) {
    return motiveIds[a][mo];
  }

  /** The motive actor a's is fixed to, or -1 when it is drawn. */
  int fixedMotive(int a) {
    return fixedMotive[a];
  }

  /** Copies actor a's type prior (nTypes(a) values) into dst from offset off. */
  void copyTypePriorInto(int a, double[] dst, int off) {
    System.arraycopy(typePrior[a], 0, dst, off, nTypes[a]);
  }

  /**
   * Draws actor a's private type from its priors with the run's stream: the resolve level
   * (one draw when there are two or more levels), then the motive (one draw when there are two
   * or more hypotheses and it is not fixed). Returns the type index r·nMot + m.
   */
  int drawType(int a, Rng rng) {
    int r = nRes[a] == 1 ? 0 : rng.pick(resPrior[a], 0, nRes[a]);
    int m = fixedMotive[a] >= 0 ? fixedMotive[a]
        : nMot[a] == 1 ? 0 : rng.pick(motPrior[a], 0, nMot[a]);
    return r * nMot[a] + m;
  }

  /**
   * The probability with which {@link #drawType} gives actor a's type k: its prior, or, when the
   * motive is fixed, the prior of its resolve level for the fixed motive's types and 0 for the
   * others.
   */
  double drawPrior(int a, int k) {
    if (fixedMotive[a] < 0) {
      return typePrior[a][k];
    }
    return typeMot[a][k] == fixedMotive[a] ? resPrior[a][k / nMot[a]] : 0;
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
