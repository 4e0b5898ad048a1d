package org.detente.engine;

import org.detente.cli.Models;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The observers' likelihoods of an actor's resolve levels come from one row of exponentials and
 * one of ratios per motive (exp(λ·u(r + Δ)) = exp(λ·u(r))·exp(λ·Δ·slope) for an action whose
 * utility is affine in resolve). That is an identity: every belief must match the direct
 * computation, one row of utilities and exponentials per type, to rounding, and every run must
 * unfold the same way.
 */
class LikelihoodChainTest {

  @Test
  void chainedLikelihoodsMatchTheDirectRowsOnTheSeedScenario() {
    compare("scenarios/us-russia-2022.yaml", 150);
  }

  @Test
  void chainedLikelihoodsMatchTheDirectRowsOnTheCubanScenario() {
    compare("scenarios/cuban-missile-crisis-1962.yaml", 150);
  }

  @Test
  void equalStepRecognisesEquallySpacedLevelsOnly() {
    assertThat(CompiledModel.equalStep(new double[] {0.6, 1.0, 1.4})).isCloseTo(0.4, within(1e-12));
    assertThat(CompiledModel.equalStep(new double[] {1.0, 1.4, 1.8})).isCloseTo(0.4, within(1e-12));
    assertThat(CompiledModel.equalStep(new double[] {0.5, 2.0})).isEqualTo(1.5);
    assertThat(CompiledModel.equalStep(new double[] {0.5, 1.0, 2.0})).isZero();
    assertThat(CompiledModel.equalStep(new double[] {1.4, 1.0, 0.6})).isZero();
    assertThat(CompiledModel.equalStep(new double[] {1.0})).isZero();
  }

  private static void compare(String file, int runs) {
    Scenario sc = ScenarioLoader.load(Path.of(file));
    CompiledModel m = Models.compile(sc, ModelParameters.from(sc));
    Simulator chained = new Simulator(m);
    Simulator direct = new Simulator(m);
    direct.chainLikelihoods(false);
    int compared = 0;
    for (int i = 0; i < runs; i++) {
      chained.run(7L, i);
      direct.run(7L, i);
      assertThat(DeterminismTest.digest(chained, m)).as("run %d", i)
          .isEqualTo(DeterminismTest.digest(direct, m));
      for (int o = 0; o < m.nA; o++) {
        for (int a = 0; a < m.nA; a++) {
          for (int k = 0; k < m.types.nTypes(a); k++) {
            double x = chained.belief(o, a, k);
            double y = direct.belief(o, a, k);
            assertThat(x).as("run %d: belief of %d about type %d of %d", i, o, k, a)
                .isCloseTo(y, within(1e-9 * Math.max(1e-3, y)));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(0);
  }
}
