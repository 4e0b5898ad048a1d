package org.detente.backtest;

import java.util.List;
import org.detente.scenario.Scenario;

/**
 * One crisis ready to back-test: its generated scenario, the sides of the scenario's actors
 * (by actor index), the covariates of the statistical baseline, and ICB's coding as categories
 * (-1 where ICB's coding is missing) with the ICB crisis actors scored on each side.
 *
 * @param generated   the generated crisis
 * @param scenario    the loaded scenario
 * @param side        side (1, 2; 0 = neither) per actor index
 * @param covariates  crisis covariates: |ln CINC ratio| of the principals, nuclear dyad,
 *                    capitals within 1,500 km, rivalry, great-power involvement, a violent
 *                    trigger (ICB triggr 8 or 9)
 * @param observed    observed category of violence, outcome form and duration (-1 = missing)
 * @param scored      crisis actors on a side with their ICB outcome category
 */
public record CrisisCase(GeneratedCrisis generated, Scenario scenario, int[] side,
    double[] covariates, int[] observed, List<ScoredActor> scored) {

  /**
   * A crisis actor whose outcome is scored.
   *
   * @param id        scenario actor id
   * @param side      its side (1 or 2)
   * @param observed  its ICB outcome category
   * @param powerLog  ln of its side's principal's CINC over the other principal's
   */
  public record ScoredActor(String id, int side, int observed, double powerLog) {}

  /** The crisis number. */
  public int id() {
    return generated.crisis().id();
  }

  /** The trigger year. */
  public int year() {
    return generated.crisis().year();
  }

  /** Covariates of an actor's outcome: its side's power log-ratio, then the crisis's. */
  public double[] actorCovariates(ScoredActor a) {
    double[] x = new double[covariates.length + 1];
    x[0] = a.powerLog();
    System.arraycopy(covariates, 0, x, 1, covariates.length);
    return x;
  }
}
