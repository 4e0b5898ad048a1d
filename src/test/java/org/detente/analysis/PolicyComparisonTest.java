package org.detente.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.detente.model.Outcome;
import org.junit.jupiter.api.Test;

class PolicyComparisonTest {

  /** Run i draws u_i from a stream seeded by (seed, i); outcome NUCLEAR if u_i < pNuke. */
  private static EnsembleRunner arm(int runs, double pNuke, double pQuestion) {
    return sink -> {
      for (int i = 0; i < runs; i++) {
        SplittableRandom rng = new SplittableRandom(1000L + i);
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        SyntheticRun r = new SyntheticRun();
        r.index = i;
        r.outcome = u < pNuke ? Outcome.LIMITED_NUCLEAR : Outcome.FROZEN;
        r.questions = new boolean[] {v < pQuestion};
        sink.accept(r);
      }
    };
  }

  @Test
  void commonRandomNumbersGiveTightPairedIntervals() {
    int runs = 5000;
    Indicators ind = new Indicators(List.of("q"));
    var result = PolicyComparison.compare(List.of(
        new PolicyComparison.Arm("baseline", arm(runs, 0.20, 0.5), null),
        new PolicyComparison.Arm("open-channel", arm(runs, 0.15, 0.5), null)), ind, runs);
    int nuke = ind.indexOf(Indicators.NUCLEAR_USE);
    var d = result.differences().get(0).get(nuke);
    // with shared uniforms the arm's nuclear runs are a subset of the baseline's:
    // b = 0, c = #(0.15 <= u < 0.20)
    assertThat(d.table().b()).isZero();
    assertThat(d.diff()).isCloseTo(-0.05, within(0.01));
    assertThat(d.lo()).isLessThan(d.diff());
    assertThat(d.hi()).isGreaterThan(d.diff()).isLessThan(0);
    // paired interval is much narrower than an unpaired one (~ ±0.015)
    assertThat(d.hi() - d.lo()).isLessThan(0.015);
    assertThat(d.pValue()).isLessThan(1e-10);
    // the question is unaffected: identical in every pair
    var q = result.differences().get(0).get(ind.indexOf("q"));
    assertThat(q.diff()).isZero();
    assertThat(q.pValue()).isEqualTo(1.0);
    assertThat(result.counts()[0][nuke]).isEqualTo(d.table().a() + d.table().c());
    assertThat(result.memoryBytes()).isLessThanOrEqualTo((runs * 7L + 63) / 64 * 8);
  }
}
