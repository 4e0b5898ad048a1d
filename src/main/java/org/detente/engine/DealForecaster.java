package org.detente.engine;

import org.detente.model.BargainProblem;

/**
 * Forecasts the focal deal of a negotiation: one point per issue on 0–100. The engine prices the
 * deals its bargaining step can reach with it, once per compilation (never in the hot loop).
 */
@FunctionalInterface
public interface DealForecaster {

  /** The forecast settlement per issue dimension, on 0–100. */
  double[] forecast(BargainProblem problem);

  /**
   * The capability × salience weighted mean of positions per issue: the classic first
   * approximation of the expected outcome in Bueno de Mesquita's models (the weighted mean of
   * positions, Bueno de Mesquita 2002, ch. 2). Used where the full spatial model is not wanted.
   */
  DealForecaster WEIGHTED_MEAN =
      p -> {
        int d = p.dimensions().size();
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
          double num = 0;
          double den = 0;
          for (int i = 0; i < p.actors().size(); i++) {
            double w = p.capability()[i] * p.salience()[i][j];
            num += w * p.position()[i][j];
            den += w;
          }
          out[j] = den > 0 ? num / den : 50.0;
        }
        return out;
      };
}
