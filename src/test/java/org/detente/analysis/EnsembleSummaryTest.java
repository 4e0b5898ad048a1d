package org.detente.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.detente.engine.CasualtySource;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.engine.DealForecaster;
import org.detente.engine.Ensemble;
import org.detente.engine.ModelParameters;
import org.detente.model.Outcome;
import org.detente.engine.SyntheticScenarios;
import org.junit.jupiter.api.Test;

/** The streaming summary agrees with a brute-force tally of the same runs. */
class EnsembleSummaryTest {

  private static final CasualtySource FLAT =
      (lat, lon, y, air) -> new CasualtySource.Casualties(1000 * y, 2000 * y, 0);

  @Test
  void agreesWithBruteForce() {
    // the counterfactual air strike on Cuba: combat in every run
    org.detente.scenario.Scenario sc = org.detente.scenario.ScenarioLoader.load(
        java.nio.file.Path.of("scenarios/cuban-missile-crisis-1962.yaml"), List.of("air-strike"));
    CompiledModel m = CompiledModel.compile(sc, ModelParameters.from(sc), FLAT,
        DealForecaster.WEIGHTED_MEAN);
    EnsembleSummary s = new EnsembleSummary(m);
    List<Double> military = new ArrayList<>();
    int[] outcomes = new int[Outcome.values().length];
    Map<String, Integer> paths = new HashMap<>();
    Ensemble.run(m, 3, 400, 2, run -> {
      s.accept(run);
      outcomes[run.outcome().ordinal()]++;
      double d = 0;
      for (int a = 0; a < m.actorCount(); a++) {
        d += run.deaths(a, CasualtyKind.MILITARY);
      }
      military.add(d);
      // the path by hand: each event that raises the highest rung so far
      StringBuilder p = new StringBuilder();
      int top = -1;
      for (int e = 0; e < run.eventCount(); e++) {
        int r = run.eventAction(e).rung();
        if (r > top) {
          p.append(p.length() == 0 ? "" : ">").append(r);
          top = r;
        }
      }
      assertThat(top).isEqualTo(run.highestRung());
      paths.merge(p.toString(), 1, Integer::sum);
    }, null);
    assertThat(s.runs()).isEqualTo(400);
    for (Outcome o : Outcome.values()) {
      assertThat(s.outcomeCount(o)).isEqualTo(outcomes[o.ordinal()]);
    }
    double mean = military.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    // the summary counts each run's deaths in whole persons, so that parts merge exactly
    double wholeMean = military.stream().mapToLong(Math::round).average().orElseThrow();
    EnsembleSummary.Hist h = s.deaths(CasualtyKind.MILITARY);
    assertThat(h.mean()).isCloseTo(wholeMean, within(1e-9 * Math.max(1, wholeMean)));
    assertThat(h.mean()).isCloseTo(mean, within(0.5));
    double[] sorted = military.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    assertThat(sorted[sorted.length - 1]).as("some runs see combat").isPositive();
    for (double q : new double[] {0.5, 0.95}) {
      double exact = sorted[(int) Math.ceil(q * sorted.length) - 1];
      double approx = h.quantile(q);
      if (exact < 1) {
        assertThat(approx).isEqualTo(0.0);
      } else {
        // one histogram bin is 10^(1/20) wide: within 12% either way
        assertThat(approx / exact).isBetween(1 / 1.13, 1.13);
      }
    }
    var top = s.topPaths(3);
    for (var e : top) {
      assertThat(e.getValue()).isEqualTo((long) paths.get(e.getKey()));
    }
    int best = paths.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertThat(top.get(0).getValue()).isEqualTo((long) best);
    assertThat(Arrays.stream(outcomes).sum()).isEqualTo(400);
  }

  @Test
  void uncomputableNumbersBecomeNullNotZero() {
    CompiledModel m = CompiledModel.compile(SyntheticScenarios.generate(3, 10, 2),
        ModelParameters.defaults(), FLAT, DealForecaster.WEIGHTED_MEAN);
    EnsembleSummary s = new EnsembleSummary(m);
    ObjectNode j = SummaryJson.results(s, new ObjectMapper());
    assertThat(j.get("casualties").get("total").get("mean").isNull()).isTrue();
    assertThat(j.get("outcomes").get("settlement").get("p").isNull()).isTrue();
  }

  @Test
  void histogramTakesValuesBeyondItsLastBin() {
    // an infinite or huge count once overflowed the bin index (a crash in a 100,000-week run)
    EnsembleSummary.Hist h = new EnsembleSummary.Hist();
    h.add(12.0);
    h.add(1e300);
    h.add(Double.POSITIVE_INFINITY);
    assertThat(h.count()).isEqualTo(3);
    assertThat(h.max()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void mostVariableIndicatorHasTheLargestShareVariance() {
    CompiledModel m = TestScenarios.smallModel();
    EnsembleSummary s = new EnsembleSummary(m);
    SyntheticRuns.runner(2000, 0).run(s);
    Indicators ind = new Indicators(List.of("red-nuke"));
    int best = ind.mostVariable(s);
    double bestVar = -1;
    int expected = -1;
    for (int i = 0; i < ind.size(); i++) {
      long k = 0;
      for (int r = 0; r < 2000; r++) {
        // count by brute force from the same synthetic runs
        k += hits(ind, i, r);
      }
      assertThat(ind.count(s, i)).isEqualTo(k);
      double p = k / 2000.0;
      if (p * (1 - p) > bestVar) {
        bestVar = p * (1 - p);
        expected = i;
      }
    }
    assertThat(best).isEqualTo(expected);
    assertThat(new Indicators(List.of()).mostVariable(new EnsembleSummary(m))).isEqualTo(-1);
  }

  @Test
  void summariesOfConsecutiveRangesMergeIntoTheWhole() throws Exception {
    // the seed scenario: combat, casualties and several escalation paths (since a crisis's
    // strain ripens, every run of the air strike on Cuba takes one path)
    org.detente.scenario.Scenario sc = org.detente.scenario.ScenarioLoader.load(
        java.nio.file.Path.of("scenarios/us-russia-2022.yaml"), List.of());
    CompiledModel m = CompiledModel.compile(sc, ModelParameters.from(sc), FLAT,
        DealForecaster.WEIGHTED_MEAN);
    ObjectMapper mapper = new ObjectMapper();
    EnsembleSummary whole = new EnsembleSummary(m);
    Ensemble.run(m, 11, 0, 150, 2, whole, null);
    int[][] splits = {{0, 150}, {0, 1, 150}, {0, 70, 71, 150}, {0, 33, 90, 120, 150}};
    for (int[] cut : splits) {
      EnsembleSummary merged = null;
      for (int k = cut.length - 2; k >= 0; k--) { // in reverse order: merging commutes
        EnsembleSummary part = new EnsembleSummary(m);
        Ensemble.run(m, 11, cut[k], cut[k + 1] - cut[k], 1, part, null);
        // through the saved state, as detente merge reads it
        EnsembleSummary back = EnsembleSummary.fromState(m,
            mapper.readTree(mapper.writeValueAsString(part.state(mapper))));
        if (merged == null) {
          merged = back;
        } else {
          merged.merge(back);
        }
      }
      assertThat(merged.state(mapper)).as(Arrays.toString(cut)).isEqualTo(whole.state(mapper));
      assertThat(SummaryJson.results(merged, mapper)).isEqualTo(SummaryJson.results(whole, mapper));
    }
    assertThat(whole.totalDeaths().mean()).isPositive();
    assertThat(whole.distinctPaths()).isGreaterThan(1);
    assertThat(whole.otherPaths()).isZero();
    ObjectNode bad = whole.state(mapper);
    bad.putArray("highest").add(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EnsembleSummary.fromState(m, bad))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("highest");
    ObjectNode badPath = whole.state(mapper);
    ((ObjectNode) badPath.get("paths")).put("802", 3); // 0x322: rungs 3 then 2, not rising
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> EnsembleSummary.fromState(m, badPath)).hasMessageContaining("path key");
  }

  private static int hits(Indicators ind, int i, int run) {
    int[] h = new int[1];
    int[] index = new int[1];
    SyntheticRuns.runner(run + 1, 0).run(r -> {
      if (index[0]++ == run && ind.test(r, i)) {
        h[0] = 1;
      }
    });
    return h[0];
  }
}
