package org.detente.report;

import java.util.Map;
import java.util.TreeMap;
import org.detente.model.Action;
import org.detente.engine.CasualtyKind;
import org.detente.model.Outcome;
import org.detente.engine.RunSink;
import org.detente.engine.RunView;

/**
 * Streaming aggregate of an ensemble for the HTML report: memory depends on the scenario's size
 * and horizon, not on the number of runs.
 *
 * <ul>
 *   <li>outcome and question counts;
 *   <li>deaths per casualty kind and in total (summed over actors), in log histograms;
 *   <li>the week each rung was first reached (for cumulative time-to-event curves);
 *   <li>escalation paths: the sequence of new highest rungs in each run's event log
 *       (e.g. 0 → 2 → 5 → 7), counted;
 *   <li>final control of each theater by actor; nuclear strikes and attacks per theater.
 * </ul>
 */
public final class ReportData implements RunSink {

  /** Number of ladder rungs (0..9). */
  public static final int RUNGS = org.detente.model.Action.RUNGS;

  private final int actors;
  private final int theaters;
  private final int questions;
  private final int horizon;
  private long runs;
  private final long[] outcomes = new long[Outcome.values().length];
  private final long[] questionCounts;
  private final LogHistogram[] deaths = new LogHistogram[CasualtyKind.values().length + 1];
  private final double[][] meanDeathsByActor;
  private final long[][] firstWeek;
  private final long[] highest = new long[RUNGS];
  private final Map<String, Long> paths = new TreeMap<>();
  private final long[][] control;
  private final long[] nuclearRunsByTheater;
  private final long[] nuclearStrikesByTheater;
  private final long[] attackRunsByTheater;
  private final boolean[] seenNuclear;
  private final boolean[] seenAttack;
  private final StringBuilder path = new StringBuilder();

  /** An empty aggregate for a scenario of this size and horizon (weeks). */
  public ReportData(int actors, int theaters, int questions, int horizon) {
    this.actors = actors;
    this.theaters = theaters;
    this.questions = questions;
    this.horizon = horizon;
    this.questionCounts = new long[questions];
    for (int k = 0; k < deaths.length; k++) {
      deaths[k] = new LogHistogram(10, 10);
    }
    this.meanDeathsByActor = new double[actors][CasualtyKind.values().length];
    this.firstWeek = new long[RUNGS][horizon + 1];
    this.control = new long[theaters][actors];
    this.nuclearRunsByTheater = new long[theaters];
    this.nuclearStrikesByTheater = new long[theaters];
    this.attackRunsByTheater = new long[theaters];
    this.seenNuclear = new boolean[theaters];
    this.seenAttack = new boolean[theaters];
  }

  @Override
  public void accept(RunView run) {
    runs++;
    outcomes[run.outcome().ordinal()]++;
    for (int q = 0; q < questions; q++) {
      if (run.question(q)) {
        questionCounts[q]++;
      }
    }
    double[] byKind = new double[CasualtyKind.values().length];
    boolean anyNan = false;
    for (int a = 0; a < actors; a++) {
      for (CasualtyKind k : CasualtyKind.values()) {
        double d = run.deaths(a, k);
        if (Double.isNaN(d)) {
          anyNan = true;
          continue;
        }
        byKind[k.ordinal()] += d;
        meanDeathsByActor[a][k.ordinal()] += d;
      }
    }
    double total = 0;
    for (int k = 0; k < byKind.length; k++) {
      deaths[k].add(byKind[k]);
      total += byKind[k];
    }
    deaths[byKind.length].add(anyNan && total == 0 ? Double.NaN : total);
    for (int r = 0; r < RUNGS; r++) {
      int w = run.firstWeekOfRung(r);
      if (w >= 0) {
        firstWeek[r][Math.min(w, horizon)]++;
      }
    }
    highest[Math.max(0, Math.min(RUNGS - 1, run.highestRung()))]++;
    for (int t = 0; t < theaters; t++) {
      int c = run.finalController(t);
      if (c >= 0 && c < actors) {
        control[t][c]++;
      }
    }
    java.util.Arrays.fill(seenNuclear, false);
    java.util.Arrays.fill(seenAttack, false);
    path.setLength(0);
    int top = -1;
    int n = run.eventCount();
    for (int e = 0; e < n; e++) {
      Action act = run.eventAction(e);
      int rung = act.rung();
      if (rung > top) {
        if (path.length() > 0) {
          path.append(' ');
        }
        path.append(rung);
        top = rung;
      }
      int t = run.eventTheater(e);
      if (t >= 0 && t < theaters) {
        if (rung >= 6) {
          nuclearStrikesByTheater[t]++;
          seenNuclear[t] = true;
        } else if (act == Action.ATTACK) {
          seenAttack[t] = true;
        }
      }
    }
    for (int t = 0; t < theaters; t++) {
      if (seenNuclear[t]) {
        nuclearRunsByTheater[t]++;
      }
      if (seenAttack[t]) {
        attackRunsByTheater[t]++;
      }
    }
    paths.merge(path.length() == 0 ? "-" : path.toString(), 1L, Long::sum);
  }

  /** Runs seen. */
  public long runs() {
    return runs;
  }

  /** Runs ending in each outcome class. */
  public long outcomeCount(Outcome o) {
    return outcomes[o.ordinal()];
  }

  /** Runs in which question q was true. */
  public long questionCount(int q) {
    return questionCounts[q];
  }

  /** Number of questions. */
  public int questions() {
    return questions;
  }

  /** Deaths histogram of a casualty kind, or of the total when {@code kind} is null. */
  public LogHistogram deaths(CasualtyKind kind) {
    return deaths[kind == null ? CasualtyKind.values().length : kind.ordinal()];
  }

  /** Mean deaths of actor a of the given kind per run. */
  public double meanDeaths(int a, CasualtyKind kind) {
    return runs == 0 ? Double.NaN : meanDeathsByActor[a][kind.ordinal()] / runs;
  }

  /** Cumulative share of runs that reached rung r by each week 0..horizon. */
  public double[] cumulativeRung(int r) {
    double[] c = new double[horizon + 1];
    long s = 0;
    for (int w = 0; w <= horizon; w++) {
      s += firstWeek[r][w];
      c[w] = runs == 0 ? 0 : s / (double) runs;
    }
    return c;
  }

  /** Runs whose highest rung was r. */
  public long highestRung(int r) {
    return highest[r];
  }

  /** Escalation paths (rungs separated by spaces, "-" for an empty log) with their counts. */
  public Map<String, Long> paths() {
    return java.util.Collections.unmodifiableMap(paths);
  }

  /** Runs ending with actor a in control of theater t. */
  public long control(int t, int a) {
    return control[t][a];
  }

  /** Runs with at least one nuclear detonation in theater t. */
  public long nuclearRuns(int t) {
    return nuclearRunsByTheater[t];
  }

  /** Nuclear strike events in theater t, over all runs. */
  public long nuclearStrikes(int t) {
    return nuclearStrikesByTheater[t];
  }

  /** Runs with a conventional attack in theater t. */
  public long attackRuns(int t) {
    return attackRunsByTheater[t];
  }

  /** Horizon in weeks. */
  public int horizon() {
    return horizon;
  }

  /** Number of actors. */
  public int actors() {
    return actors;
  }

  /** Number of theaters. */
  public int theaters() {
    return theaters;
  }
}
