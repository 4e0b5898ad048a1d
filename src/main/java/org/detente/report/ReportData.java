package org.detente.report;

import org.detente.analysis.EnsembleSummary;
import org.detente.engine.RunSink;
import org.detente.engine.RunView;
import org.detente.model.Action;

/**
 * Streaming aggregate of an ensemble for the HTML report: the {@link EnsembleSummary} that
 * {@code detente run} prints (outcomes, questions, casualties, rungs, escalation paths, final
 * control), so that the report and the command line show the same figures for the same runs,
 * plus what only the map draws: per theater, the runs with a nuclear detonation or a conventional
 * attack, and the number of nuclear strikes. Memory depends on the scenario's size and horizon,
 * not on the number of runs.
 */
public final class ReportData implements RunSink {

  /** Number of ladder rungs (0..9). */
  public static final int RUNGS = Action.RUNGS;

  private final EnsembleSummary summary;
  private final int theaters;
  private final long[] nuclearRunsByTheater;
  private final long[] nuclearStrikesByTheater;
  private final long[] attackRunsByTheater;
  private final boolean[] seenNuclear;
  private final boolean[] seenAttack;

  /** An aggregate that feeds {@code summary} (empty) and counts strikes in each theater. */
  public ReportData(EnsembleSummary summary) {
    this.summary = summary;
    this.theaters = summary.model().theaterCount();
    this.nuclearRunsByTheater = new long[theaters];
    this.nuclearStrikesByTheater = new long[theaters];
    this.attackRunsByTheater = new long[theaters];
    this.seenNuclear = new boolean[theaters];
    this.seenAttack = new boolean[theaters];
  }

  @Override
  public void accept(RunView run) {
    summary.accept(run);
    java.util.Arrays.fill(seenNuclear, false);
    java.util.Arrays.fill(seenAttack, false);
    int n = run.eventCount();
    for (int e = 0; e < n; e++) {
      int t = run.eventTheater(e);
      if (t < 0 || t >= theaters) {
        continue;
      }
      Action act = run.eventAction(e);
      if (act.rung() >= 6) {
        nuclearStrikesByTheater[t]++;
        seenNuclear[t] = true;
      } else if (act == Action.ATTACK) {
        seenAttack[t] = true;
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
  }

  /** The ensemble summary shared with {@code detente run}. */
  public EnsembleSummary summary() {
    return summary;
  }

  /** Runs seen. */
  public long runs() {
    return summary.runs();
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
}
