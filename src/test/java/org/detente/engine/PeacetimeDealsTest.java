package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.detente.cli.Models;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A deal binds only inside the receiver's bargaining range, in peacetime as at war: on the seed
 * scenario, every proposal the explain log shows accepted is worth at least the receiver's
 * alternative (fighting on or holding), every refusal is worth less and says by how much, and
 * refusals and acceptances both occur between pairs not at war.
 */
class PeacetimeDealsTest {

  private static final String NUM = "(-?[0-9]+\\.[0-9]+)";
  private static final Pattern ACCEPTS = Pattern.compile(
      "^(\\S+) accepts (\\S+)'s (\\S+) \\(worth " + NUM + " to it against fighting on / holding "
          + NUM + "\\)$");
  private static final Pattern REFUSES = Pattern.compile(
      "^(\\S+) refuses (\\S+)'s (\\S+): worth " + NUM + " to it against fighting on / holding "
          + NUM + ", outside its range by " + NUM + "$");

  @Test
  void aDealBindsOnlyInsideTheReceiversRangeAndARefusalSaysWhy() {
    Scenario sc = ScenarioLoader.load(Path.of("scenarios/us-russia-2022.yaml"));
    CompiledModel m = Models.compile(sc, ModelParameters.from(sc));
    Simulator sim = new Simulator(m);
    int[] peace = new int[2]; // accepted, refused between pairs not at war
    sim.setTracer(EngineFixtures.notes((week, text) -> {
      Matcher a = ACCEPTS.matcher(text);
      Matcher r = REFUSES.matcher(text);
      if (a.matches()) {
        assertThat(Double.parseDouble(a.group(4))).as(text)
            .isGreaterThanOrEqualTo(Double.parseDouble(a.group(5)));
        if (!atWar(sim, sc, a.group(1), a.group(2))) {
          peace[0]++;
        }
      } else if (r.matches()) {
        double value = Double.parseDouble(r.group(4));
        double alt = Double.parseDouble(r.group(5));
        assertThat(value).as(text).isLessThanOrEqualTo(alt);
        assertThat(Double.parseDouble(r.group(6))).as(text)
            .isCloseTo(alt - value, org.assertj.core.data.Offset.offset(0.0011));
        if (!atWar(sim, sc, r.group(1), r.group(2))) {
          peace[1]++;
        }
      }
    }));
    for (int i = 0; i < 30; i++) {
      sim.run(1L, i);
    }
    assertThat(peace[0]).as("proposals accepted in peacetime").isPositive();
    assertThat(peace[1]).as("proposals refused in peacetime").isPositive();
  }

  private static boolean atWar(Simulator sim, Scenario sc, String x, String y) {
    return sim.state().war[sc.actorIndex(x) * sim.model().nA + sc.actorIndex(y)];
  }

  @Test
  void theRuleIsTheStepAtTheEdgeOfTheRange() {
    assertThat(Valuation.accept(0.0)).isEqualTo(1.0);
    assertThat(Valuation.accept(1e-12)).isEqualTo(1.0);
    assertThat(Valuation.accept(-1e-12)).isZero();
    assertThat(Valuation.accept(-5)).isZero();
  }
}
