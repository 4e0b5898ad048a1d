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

  @Override
  public void accept(RunView run) {
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
