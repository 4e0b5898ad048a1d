package org.detente.bargain;

/**
 * Result of the spatial negotiation model.
 *
 * @param positions positions [turn][actor][dimension] on 0–100; turn 0 is the input state
 * @param outcome   forecast settlement per dimension on 0–100 (see docs/bargain.md for how it is
 *                  derived from the final state)
 */
public record BargainForecast(double[][][] positions, double[] outcome) {

  /** Number of turns played after the input state. */
  public int turns() {
    return positions.length - 1;
  }
}
