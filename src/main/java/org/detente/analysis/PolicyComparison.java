package org.detente.analysis;

import java.util.ArrayList;
import java.util.List;
import org.detente.engine.RunSink;

/**
 * Compares arms (the baseline scenario and policy variants) run with common random numbers: run i
 * of every arm uses the same seed, so the runs pair up and the comparison uses paired statistics
 * ({@link PairedProportions}). The first arm is the baseline; arms run one after another.
 */
public final class PolicyComparison {

  /**
   * One arm.
   *
   * @param name   arm name ("baseline" or the policy id)
   * @param runner runs the arm's ensemble
   * @param extra  another sink fed with the same runs (e.g. a summary), or null
   */
  public record Arm(String name, EnsembleRunner runner, RunSink extra) {}

  /**
   * The difference of one arm against the baseline on one indicator.
   *
   * @param arm       arm name
   * @param indicator indicator name
   * @param table     the paired 2×2 table
   * @param diff      p_arm − p_baseline
   * @param lo        lower 95% limit (Newcombe)
   * @param hi        upper 95% limit (Newcombe)
   * @param pValue    mid-p McNemar p-value
   */
  public record Difference(
      String arm, String indicator, PairedProportions table, double diff, double lo, double hi,
      double pValue) {}

  /**
   * Result of a comparison.
   *
   * @param arms        arm names, baseline first
   * @param indicators  indicator names
   * @param runs        runs per arm
   * @param counts      counts[arm][indicator]: runs in which the indicator held
   * @param differences per non-baseline arm (in order), per indicator
   * @param memoryBytes bytes used to store the baseline's indicator bits
   */
  public record Result(
      List<String> arms, List<String> indicators, int runs, long[][] counts,
      List<List<Difference>> differences, long memoryBytes) {

    /** Proportion of runs of arm a in which indicator i held. */
    public double p(int a, int i) {
      return runs == 0 ? Double.NaN : (double) counts[a][i] / runs;
    }

    /** Wilson 95% interval of that proportion. */
    public double[] interval(int a, int i) {
      return Distributions.wilson(counts[a][i], runs, Distributions.Z95);
    }
  }

  private PolicyComparison() {}

  /** Runs every arm ({@code runs} runs each) and compares each later arm with the first. */
  public static Result compare(List<Arm> arms, Indicators indicators, int runs) {
    if (arms.size() < 2) {
      throw new IllegalArgumentException("a comparison needs at least two arms");
    }
    int k = indicators.size();
    long[][] counts = new long[arms.size()][k];
    PairedTally.Baseline base = new PairedTally.Baseline(indicators, runs);
    Arm first = arms.get(0);
    first.runner().run(TeeSink.of(base, first.extra()));
    if (base.seen() != runs) {
      throw new IllegalStateException("baseline produced " + base.seen() + " runs, not " + runs);
    }
    for (int i = 0; i < k; i++) {
      counts[0][i] = base.count(i);
    }
    List<List<Difference>> diffs = new ArrayList<>();
    for (int a = 1; a < arms.size(); a++) {
      Arm arm = arms.get(a);
      PairedTally tally = new PairedTally(indicators, base);
      arm.runner().run(TeeSink.of(tally, arm.extra()));
      if (tally.seen() != runs) {
        throw new IllegalStateException(
            "arm " + arm.name() + " produced " + tally.seen() + " runs, not " + runs);
      }
      List<Difference> list = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        PairedProportions t = tally.table(i);
        counts[a][i] = t.a() + t.b();
        double[] ci = t.interval95();
        list.add(new Difference(arm.name(), indicators.names().get(i), t, t.diff(), ci[0], ci[1],
            t.mcnemarMidP()));
      }
      diffs.add(List.copyOf(list));
    }
    List<String> names = arms.stream().map(Arm::name).toList();
    return new Result(names, indicators.names(), runs, counts, List.copyOf(diffs), base.bytes());
  }
}
