package org.detente.backtest;

import org.detente.engine.RunSink;
import org.detente.engine.RunView;

/** Counts of one crisis's ensemble in each category of each variable (a {@link RunSink}). */
public final class CrisisForecast implements RunSink {

  private final RunMapping mapping;
  private final long[] violence = new long[Variable.K];
  private final long[] form = new long[Variable.K];
  private final long[] duration = new long[Variable.K];
  private final long[] side1 = new long[Variable.K];
  private final long[] side2 = new long[Variable.K];

  /** A tally over the given mapping. */
  public CrisisForecast(RunMapping mapping) {
    this.mapping = mapping;
  }

  /**
   * A forecast from the counts of {@link #counts()}, e.g. computed in another process: its
   * probabilities are those of the forecast that gave the counts; it tallies no more runs.
   *
   * @param counts violence, outcome form, duration, side 1's and side 2's outcome: the count of
   *               runs in each category
   */
  public static CrisisForecast ofCounts(long[][] counts) {
    if (counts.length != 5) {
      throw new IllegalArgumentException("5 rows of counts expected, not " + counts.length);
    }
    CrisisForecast f = new CrisisForecast(null);
    long[][] rows = {f.violence, f.form, f.duration, f.side1, f.side2};
    for (int i = 0; i < rows.length; i++) {
      if (counts[i].length != Variable.K) {
        throw new IllegalArgumentException("row " + i + ": " + Variable.K + " counts expected");
      }
      System.arraycopy(counts[i], 0, rows[i], 0, Variable.K);
    }
    return f;
  }

  /**
   * The counts of runs in each category: violence, outcome form, duration, side 1's and side
   * 2's outcome (copies).
   */
  public long[][] counts() {
    return new long[][] {violence.clone(), form.clone(), duration.clone(), side1.clone(),
        side2.clone()};
  }

  @Override
  public void accept(RunView run) {
    if (mapping == null) {
      throw new IllegalStateException("a forecast made of counts tallies no runs");
    }
    RunMapping.Mapped m = mapping.map(run);
    violence[m.violence()]++;
    form[m.form()]++;
    duration[m.duration()]++;
    side1[m.side1Outcome()]++;
    side2[m.side2Outcome()]++;
  }

  /** Forecast probabilities of a crisis-level variable (Jeffreys-smoothed frequencies). */
  public double[] probabilities(Variable v) {
    return Scores.fromCounts(switch (v) {
      case VIOLENCE -> violence;
      case OUTCOME_FORM -> form;
      case DURATION -> duration;
      case ACTOR_OUTCOME -> throw new IllegalArgumentException("per side: use sideOutcome");
    });
  }

  /** Forecast probabilities of the outcome of side 1 or 2. */
  public double[] sideOutcome(int side) {
    return Scores.fromCounts(side == 1 ? side1 : side2);
  }
}
