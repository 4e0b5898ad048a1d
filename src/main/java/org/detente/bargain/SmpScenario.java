package org.detente.bargain;

import org.detente.Message;
import org.detente.UsageException;

import org.detente.model.BargainProblem;
import java.util.Objects;

/**
 * A complete input of the spatial model of politics: the problem (actors, capabilities,
 * positions, saliences), KTAB's ideal-accommodation matrix, the nine model options and the seed.
 *
 * @param problem       actors, dimensions, capabilities, positions and saliences (0–100 scale)
 * @param accommodation ideal-accommodation matrix A[i][j] (row i: how far actor i's ideal moves
 *                      toward actor j's position each turn; rows sum to at most 1), or null for
 *                      the identity (ideals equal positions, KTAB's CSV default)
 * @param parameters    model options
 * @param seed          seed of the random streams (used only with stochastic transitions)
 */
public record SmpScenario(
    BargainProblem problem, double[][] accommodation, SmpParameters parameters, long seed) {

  /** KTAB's default seed (0xD67CC16FE69C185C = 15455440707583219804 unsigned). */
  public static final long KTAB_DEFAULT_SEED = 0xD67CC16FE69C185CL;

  public SmpScenario {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(parameters, "parameters");
  }

  /** A problem with KTAB's defaults: identity accommodation, default options, default seed. */
  public static SmpScenario ofDefaults(BargainProblem problem) {
    return new SmpScenario(problem, null, SmpParameters.defaults(), KTAB_DEFAULT_SEED);
  }

  /** Same scenario with other options. */
  public SmpScenario withParameters(SmpParameters p) {
    return new SmpScenario(problem, accommodation, p, seed);
  }

  /**
   * Same scenario restricted to the named dimensions, in the order given.
   *
   * @throws UsageException naming an unknown or repeated dimension
   */
  public SmpScenario selectDimensions(java.util.List<String> names) {
    if (names == null || names.isEmpty()) {
      return this;
    }
    java.util.List<String> all = problem.dimensions();
    int[] idx = new int[names.size()];
    for (int q = 0; q < names.size(); q++) {
      idx[q] = all.indexOf(names.get(q));
      if (idx[q] < 0) {
        throw new UsageException(Message.UNKNOWN_NAME, "dimension", names.get(q),
            String.join(", ", all));
      }
      for (int r = 0; r < q; r++) {
        if (idx[r] == idx[q]) {
          throw new UsageException(Message.NAME_TWICE, "dimension", names.get(q));
        }
      }
    }
    int n = problem.actors().size();
    double[][] pos = new double[n][idx.length];
    double[][] sal = new double[n][idx.length];
    for (int i = 0; i < n; i++) {
      for (int q = 0; q < idx.length; q++) {
        pos[i][q] = problem.position()[i][idx[q]];
        sal[i][q] = problem.salience()[i][idx[q]];
      }
    }
    BargainProblem p = new BargainProblem(problem.name(), problem.actors(),
        java.util.List.copyOf(names), problem.capability(), pos, sal);
    return new SmpScenario(p, accommodation, parameters, seed);
  }

  /** Same scenario with another seed. */
  public SmpScenario withSeed(long s) {
    return new SmpScenario(problem, accommodation, parameters, s);
  }
}
