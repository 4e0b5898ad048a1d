package org.detente.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.detente.analysis.EnsembleSummary;
import org.detente.analysis.SyntheticRuns;
import org.detente.analysis.TestScenarios;
import org.detente.engine.CasualtyKind;
import org.detente.model.Outcome;
import org.junit.jupiter.api.Test;

class ReportDataTest {

  @Test
  void aggregatesCountOutcomesPathsFirstWeeksAndStrikes() {
    ReportData d = new ReportData(new EnsembleSummary(TestScenarios.smallModel()));
    SyntheticRuns.runner(3000, 0).run(d);
    EnsembleSummary s = d.summary();
    assertThat(d.runs()).isEqualTo(3000);
    long total = 0;
    for (Outcome o : Outcome.values()) {
      total += s.outcomeCount(o);
    }
    assertThat(total).isEqualTo(3000);
    // every synthetic run starts with an insult (rung 1) in week 0
    assertThat(s.cumulativeRung(1)[0]).isEqualTo(1.0);
    double[] war = s.cumulativeRung(5);
    for (int w = 1; w < war.length; w++) {
      assertThat(war[w]).isGreaterThanOrEqualTo(war[w - 1]);
    }
    // runs reaching rung 5 or above = conventional war + nuclear outcomes
    long warOrWorse = s.outcomeCount(Outcome.CONVENTIONAL_WAR)
        + s.outcomeCount(Outcome.LIMITED_NUCLEAR) + s.outcomeCount(Outcome.STRATEGIC_NUCLEAR);
    assertThat(war[104] * 3000).isCloseTo(warOrWorse, within(1e-6));
    long paths = s.topPaths(EnsembleSummary.MAX_PATHS).stream()
        .mapToLong(e -> e.getValue()).sum();
    assertThat(paths).isEqualTo(3000);
    assertThat(s.topPaths(EnsembleSummary.MAX_PATHS).stream().map(e -> e.getKey()))
        .contains("1>2>4>5>7>9");
    assertThat(d.nuclearRuns(1)).isEqualTo(s.outcomeCount(Outcome.LIMITED_NUCLEAR)
        + s.outcomeCount(Outcome.STRATEGIC_NUCLEAR));
    assertThat(s.deaths(CasualtyKind.NUCLEAR).count()).isEqualTo(3000);
    assertThat(s.controlCount(0, 0)).isEqualTo(3000);
  }
}
