package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.detente.cli.Models;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The run's decision statistics count exactly what the tracer sees: every decision, the close
 * calls (the chosen action's probability under twice that of the most probable other), those
 * where a better action was available, and those outside the three best.
 */
class DecisionStatsTest {

  @Test
  void theCountsAreThoseOfTheTracedDecisions() {
    Scenario u = ScenarioLoader.load(Path.of("scenarios/us-russia-2022.yaml"));
    CompiledModel m = Models.compile(u, ModelParameters.from(u));
    Simulator sim = new Simulator(m);
    int[] seen = new int[4];
    sim.setTracer(new Tracer() {
      @Override
      public void decision(Simulator s, int week, int actor, int target, int n, int[] actions,
          int[] theaters, double[] utility, double[] prob, int chosen) {
        double other = 0;
        int above = 0;
        for (int c = 0; c < n; c++) {
          if (c != chosen) {
            other = Math.max(other, prob[c]);
            if (utility[c] > utility[chosen] || (utility[c] == utility[chosen] && c < chosen)) {
              above++;
            }
          }
        }
        seen[0]++;
        seen[1] += prob[chosen] < 2 * other ? 1 : 0;
        seen[2] += above > 0 ? 1 : 0;
        seen[3] += above >= 3 ? 1 : 0;
      }

      @Override
      public void note(int week, String text) {}
    });
    int[] total = new int[4];
    for (int i = 0; i < 5; i++) {
      java.util.Arrays.fill(seen, 0);
      sim.run(1, i);
      int[] ds = sim.decisionStats();
      assertThat(ds).containsExactly(seen);
      for (int k = 0; k < 4; k++) {
        total[k] += ds[k];
      }
    }
    assertThat(total[0]).isPositive();
    assertThat(total[1]).isLessThanOrEqualTo(total[0]);
    assertThat(total[3]).isLessThanOrEqualTo(total[2]);
  }
}
