package org.detente.bargain;

import org.detente.model.BargainProblem;
import java.util.List;
import java.util.function.IntConsumer;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * Expected-utility negotiation forecast: KTAB's Spatial Model of Politics (SMP), re-implemented
 * on primitive arrays. Actors with capability, positions and saliences on one or more issue
 * dimensions challenge each other by expected utility (with third parties joining the side they
 * prefer), interpolate bargains, vote on the bargains that concern them in a probabilistic
 * Condorcet election, and move; the process stops when movement falls below 2% of the first
 * turn's (or after 100 turns). The model and every difference from KTAB are described in
 * docs/bargain.md.
 */
public final class SpatialModel {

  /** KTAB's turn limit. */
  public static final int MAX_TURNS = 100;

  private SpatialModel() {}

  /**
   * Forecast with KTAB's defaults (Linear, Conditional, Deterministic, Prop, OneThird, Mid,
   * SemiCommit, S2P2, InitOnlyInterp; ideals equal positions). The outcome per dimension is the
   * capability×salience-weighted mean of the final positions.
   *
   * @param p the problem; validated first
   * @return positions per turn (turn 0 = input) and the outcome, both on 0–100
   * @throws DetenteException if the problem is invalid
   */
  public static BargainForecast forecast(BargainProblem p) {
    return run(SmpScenario.ofDefaults(p)).forecast();
  }

  /** Runs a scenario single-threaded with KTAB's 100-turn limit. */
  public static SmpResult run(SmpScenario sc) {
    return run(sc, MAX_TURNS, 1);
  }

  /**
   * Runs a scenario.
   *
   * @param sc       scenario (validated first)
   * @param maxTurns turn limit (KTAB: 100)
   * @param threads  worker threads; the result does not depend on it
   */
  public static SmpResult run(SmpScenario sc, int maxTurns, int threads) {
    return run(sc, maxTurns, threads, turn -> { });
  }

  /**
   * Runs a scenario, telling {@code turnDone} the number of each turn as it ends (on the
   * calling thread), for a progress display.
   *
   * @param sc       scenario (validated first)
   * @param maxTurns turn limit (KTAB: 100)
   * @param threads  worker threads; the result does not depend on it
   * @param turnDone receives 1, 2, ... as turns end
   */
  public static SmpResult run(SmpScenario sc, int maxTurns, int threads, IntConsumer turnDone) {
    validate(sc);
    if (maxTurns < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "turn limit", 1, maxTurns);
    }
    return new SmpEngine(sc, threads).run(sc, maxTurns, turnDone);
  }

  /** Checks shapes and ranges; throws a {@link DetenteException} naming the first defect. */
  public static void validate(SmpScenario sc) {
    BargainProblem p = sc.problem();
    List<String> actors = p.actors();
    int n = actors.size();
    int d = p.dimensions().size();
    if (n < 3) {
      throw new InvalidInputException(Message.AT_LEAST, "number of actors in a negotiation", 3, n);
    }
    if (d < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "number of dimensions in a negotiation", 1, d);
    }
    if (p.capability() == null || p.capability().length != n) {
      throw new InvalidInputException(Message.COUNT, "capability", n, "values");
    }
    if (p.position() == null || p.position().length != n) {
      throw new InvalidInputException(Message.COUNT, "position", n, "rows");
    }
    if (p.salience() == null || p.salience().length != n) {
      throw new InvalidInputException(Message.COUNT, "salience", n, "rows");
    }
    for (int i = 0; i < n; i++) {
      String a = actors.get(i);
      double c = p.capability()[i];
      if (!(c > 0) || !Double.isFinite(c)) {
        throw new InvalidInputException(Message.POSITIVE, "actor " + a + ": capability", c);
      }
      if (p.position()[i] == null || p.position()[i].length != d) {
        throw new InvalidInputException(Message.COUNT, "actor " + a, d, "positions");
      }
      if (p.salience()[i] == null || p.salience()[i].length != d) {
        throw new InvalidInputException(Message.COUNT, "actor " + a, d, "saliences");
      }
      double sum = 0.0;
      for (int k = 0; k < d; k++) {
        double x = p.position()[i][k];
        double s = p.salience()[i][k];
        String dim = p.dimensions().get(k);
        if (!(x >= 0 && x <= 100)) {
          throw new InvalidInputException(Message.OUT_OF_RANGE, "actor " + a + ", dimension " + dim + ": position", 0, 100, x);
        }
        if (!(s >= 0 && s <= 100)) {
          throw new InvalidInputException(Message.OUT_OF_RANGE, "actor " + a + ", dimension " + dim + ": salience", 0, 100, s);
        }
        sum += s;
      }
      if (sum > 100.0) {
        throw new InvalidInputException(Message.SUM_OVER, "actor " + a + ": saliences", sum, 100);
      }
      if (!(sum > 0.0)) {
        throw new InvalidInputException(Message.ALL_ZERO, "actor " + a + ": saliences");
      }
    }
    double[][] acc = sc.accommodation();
    if (acc != null) {
      if (acc.length != n) {
        throw new InvalidInputException(Message.COUNT, "accommodation matrix", n, "rows");
      }
      for (int i = 0; i < n; i++) {
        if (acc[i] == null || acc[i].length != n) {
          throw new InvalidInputException(Message.COUNT, "accommodation matrix", n, "columns");
        }
        double s = 0.0;
        for (int j = 0; j < n; j++) {
          double v = acc[i][j];
          if (!(v >= 0 && v <= 1)) {
            throw new InvalidInputException(Message.OUT_OF_RANGE,
                "accommodation of " + actors.get(i) + " toward " + actors.get(j), 0, 1, v);
          }
          s += v;
        }
        if (s > 1.0 + 1e-10) {
          throw new InvalidInputException(Message.SUM_OVER, "accommodation of " + actors.get(i) + ": row", s, 1);
        }
      }
    }
  }
}
