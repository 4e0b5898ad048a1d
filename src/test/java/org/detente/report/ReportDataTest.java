package org.detente.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.detente.analysis.SyntheticRuns;
import org.detente.engine.CasualtyKind;
import org.detente.model.Outcome;
import org.junit.jupiter.api.Test;

class ReportDataTest {

  @Test
  void logHistogramQuantilesAreWithinHalfABin() {
    LogHistogram h = new LogHistogram(10, 10);
    for (int i = 1; i <= 10_000; i++) {
      h.add(i); // uniform 1..10000: median 5000, 90th percentile 9000
    }
    h.add(0);
    assertThat(h.count()).isEqualTo(10_001);
    assertThat(h.quantile(0.5)).isCloseTo(5000, within(5000 * 0.13));
    assertThat(h.quantile(0.9)).isCloseTo(9000, within(9000 * 0.13));
    assertThat(h.quantile(0.00001)).isZero();
    assertThat(h.mean()).isCloseTo(50_005_000.0 / 10_001, within(1e-6));
    assertThat(h.max()).isEqualTo(10_000);
  }

  @Test
  void aggregatesCountOutcomesPathsAndFirstWeeks() {
    ReportData d = new ReportData(2, 2, 1, 104);
    SyntheticRuns.runner(3000, 0).run(d);
    assertThat(d.runs()).isEqualTo(3000);
    long total = 0;
    for (Outcome o : Outcome.values()) {
      total += d.outcomeCount(o);
    }
    assertThat(total).isEqualTo(3000);
    // every synthetic run starts with an insult (rung 1) in week 0
    assertThat(d.cumulativeRung(1)[0]).isEqualTo(1.0);
    double[] war = d.cumulativeRung(5);
    for (int w = 1; w < war.length; w++) {
      assertThat(war[w]).isGreaterThanOrEqualTo(war[w - 1]);
    }
    // runs reaching rung 5 or above = conventional war + nuclear outcomes
    long warOrWorse = d.outcomeCount(Outcome.CONVENTIONAL_WAR)
        + d.outcomeCount(Outcome.LIMITED_NUCLEAR) + d.outcomeCount(Outcome.STRATEGIC_NUCLEAR);
    assertThat(war[104] * 3000).isCloseTo(warOrWorse, within(1e-6));
    long paths = d.paths().values().stream().mapToLong(Long::longValue).sum();
    assertThat(paths).isEqualTo(3000);
    assertThat(d.paths()).containsKey("1 2 4 5 7 9");
    assertThat(d.nuclearRuns(1)).isEqualTo(d.outcomeCount(Outcome.LIMITED_NUCLEAR)
        + d.outcomeCount(Outcome.STRATEGIC_NUCLEAR));
    assertThat(d.deaths(CasualtyKind.NUCLEAR).count()).isEqualTo(3000);
    assertThat(d.control(0, 0)).isEqualTo(3000);
  }
}
