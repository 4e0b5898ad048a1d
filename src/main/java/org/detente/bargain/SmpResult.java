package org.detente.bargain;

/**
 * Full trajectory of one run of the spatial model of politics.
 *
 * @param scenario         the input that was run
 * @param positions        positions [turn][actor][dimension] on 0–100; turn 0 is the input state
 * @param ideals           ideal points [turn][actor][dimension] on 0–100 (equal to positions with
 *                         the identity accommodation matrix)
 * @param moverInitiator   [turn][actor]: initiator of the bargain that moved the actor in that
 *                         turn, or -1 if it did not move (turn 0 is all -1)
 * @param moverReceiver    [turn][actor]: receiver (target) of that bargain, or -1
 * @param riskAttitude     inferred risk attitude R [turn][actor] of each state (−1…1)
 * @param fractionalChange [turn]: total movement of the turn over that of the first turn
 *                         (KTAB's stopping ratio; NaN at turn 0)
 * @param finalWinProbability probability that each actor's final position wins a PCE among the
 *                         distinct final positions (KTAB's "prob" history, last state)
 * @param outcome          forecast per dimension, 0–100: capability×salience-weighted mean of the
 *                         final positions (see docs/bargain.md)
 * @param pceOutcome       per dimension, 0–100: mean of the distinct final positions weighted by
 *                         their PCE win probability
 */
public record SmpResult(
    SmpScenario scenario,
    double[][][] positions,
    double[][][] ideals,
    int[][] moverInitiator,
    int[][] moverReceiver,
    double[][] riskAttitude,
    double[] fractionalChange,
    double[] finalWinProbability,
    double[] outcome,
    double[] pceOutcome) {

  /** Number of turns played after the input state. */
  public int turns() {
    return positions.length - 1;
  }

  /** The contract view: trajectory and outcome. */
  public BargainForecast forecast() {
    return new BargainForecast(positions, outcome);
  }
}
