package org.detente.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.detente.scenario.Scenario;
import org.detente.scenario.Target;
import org.detente.scenario.TargetKind;

/**
 * The nuclear targets of each theater and the casualties of a strike on each, by each actor's
 * non-strategic and strategic yield, from the casualty source (computed here, never in the hot
 * loop; NaN where they cannot be computed). Read-only after compilation.
 */
final class CasualtyTable {

  private final int nA;
  private final int nTargets;
  private final int[] tgtTheater;
  private final int[] tgtKind; // TargetKind ordinal
  private final String[] tgtName;
  private final int[][] theaterTargets;
  private final double[] nucDeaths; // [(k*nA+a)*2+cls] cls 0 non-strategic, 1 strategic
  private final double[] nucInjuries;
  private final double[] nucFallout;

  CasualtyTable(Scenario sc, Actors actors, CasualtySource casualties) {
    final int nA = sc.actors().size();
    final int nT = sc.theaters().size();
    this.nA = nA;
    List<int[]> tl = new ArrayList<>();
    for (int t = 0; t < nT; t++) {
      List<Target> ts = sc.theaters().get(t).targets();
      for (int j = 0; j < ts.size(); j++) {
        tl.add(new int[] {t, j});
      }
    }
    nTargets = tl.size();
    tgtTheater = new int[nTargets];
    tgtKind = new int[nTargets];
    tgtName = new String[nTargets];
    theaterTargets = new int[nT][];
    int[] cnt = new int[nT];
    for (int k = 0; k < nTargets; k++) {
      cnt[tl.get(k)[0]]++;
    }
    for (int t = 0; t < nT; t++) {
      theaterTargets[t] = new int[cnt[t]];
      cnt[t] = 0;
    }
    nucDeaths = new double[nTargets * nA * 2];
    nucInjuries = new double[nTargets * nA * 2];
    nucFallout = new double[nTargets * nA * 2];
    for (int k = 0; k < nTargets; k++) {
      int t = tl.get(k)[0];
      Target tg = sc.theaters().get(t).targets().get(tl.get(k)[1]);
      tgtTheater[k] = t;
      tgtKind[k] = tg.kind() == null ? TargetKind.CITY.ordinal() : tg.kind().ordinal();
      tgtName[k] = tg.name();
      theaterTargets[t][cnt[t]++] = k;
      boolean air = tg.kind() != TargetKind.NUCLEAR_FORCES;
      TreeMap<Double, double[]> cache = new TreeMap<>();
      for (int a = 0; a < nA; a++) {
        for (int cls = 0; cls < 2; cls++) {
          double y = cls == 0 ? actors.nonStrategicYieldKt(a) : actors.strategicYieldKt(a);
          int idx = (k * nA + a) * 2 + cls;
          if (!(y > 0)) {
            nucDeaths[idx] = 0;
            nucInjuries[idx] = 0;
            nucFallout[idx] = 0;
            continue;
          }
          double[] r = cache.computeIfAbsent(y, yy -> estimate(casualties, tg, yy, air));
          nucDeaths[idx] = r[0];
          nucInjuries[idx] = r[1];
          nucFallout[idx] = r[2];
        }
      }
    }
  }

  /** Number of nuclear targets, over all theaters. */
  int nTargets() {
    return nTargets;
  }

  /** The theater of target k. */
  int targetTheater(int k) {
    return tgtTheater[k];
  }

  /** The kind of target k ({@link TargetKind} ordinal). */
  int targetKind(int k) {
    return tgtKind[k];
  }

  /** The name of target k. */
  String targetName(int k) {
    return tgtName[k];
  }

  /** Number of targets in theater t. */
  int targetCount(int t) {
    return theaterTargets[t].length;
  }

  /** The j-th target of theater t (in file order), a target index. */
  int target(int t, int j) {
    return theaterTargets[t][j];
  }

  /**
   * Prompt deaths of a strike on target k by one of actor a's warheads of class cls (0
   * non-strategic, 1 strategic); NaN where they cannot be computed.
   */
  double deaths(int k, int a, int cls) {
    return nucDeaths[(k * nA + a) * 2 + cls];
  }

  /** Injuries of the same strike ({@link #deaths}). */
  double injuries(int k, int a, int cls) {
    return nucInjuries[(k * nA + a) * 2 + cls];
  }

  /** Fallout deaths of the same strike ({@link #deaths}; 0 for an air burst). */
  double falloutDeaths(int k, int a, int cls) {
    return nucFallout[(k * nA + a) * 2 + cls];
  }

  private static double[] estimate(
      CasualtySource model, Target tg, double yieldKt, boolean air) {
    if (model == null || !Double.isFinite(tg.lat()) || !Double.isFinite(tg.lon())) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    try {
      CasualtySource.Casualties c = model.estimate(tg.lat(), tg.lon(), yieldKt, air);
      return new double[] {c.deaths(), c.injuries(), air ? 0.0 : c.falloutDeaths()};
    } catch (RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
  }
}
