package org.detente.bargain;

import org.detente.model.BargainProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.detente.DetenteException;
import org.junit.jupiter.api.Test;

/** Mapping of a Detente scenario's issues to the negotiation model (docs/bargain.md). */
class ScenarioIssuesTest {

  static final Path CUBA = Path.of("scenarios/cuban-missile-crisis-1962.yaml");

  @Test
  void allIssues() {
    SmpScenario sc = BargainInputs.load(CUBA, List.of());
    BargainProblem p = sc.problem();
    assertThat(p.dimensions()).containsExactly("missiles-in-cuba", "jupiters-turkey", "invasion-pledge");
    assertThat(p.actors()).containsExactly("USA", "SUN", "CUB", "TUR");
    int usa = p.actors().indexOf("USA");
    // USA states saliences 100, 30, 40: scaled into the model's budget of 100
    assertThat(p.salience()[usa]).containsExactly(new double[] {100 / 1.7, 30 / 1.7, 40 / 1.7}, within(1e-9));
    assertThat(p.capability()[usa]).isCloseTo(52.4, within(1e-12));
    // Cuba states no position on the Jupiters: salience 0 there, position at the issue's centre
    // of gravity (capability x salience weighted mean of the stated positions)
    int cub = p.actors().indexOf("CUB");
    assertThat(p.salience()[cub][1]).isZero();
    double centre = (52.4 * 30 * 30 + 50.0 * 50 * 100 + 0.32 * 80 * 0) / (52.4 * 30 + 50.0 * 50 + 0.32 * 80);
    assertThat(p.position()[cub][1]).isCloseTo(centre, within(1e-9));
    assertThat(p.salience()[cub][0] + p.salience()[cub][2]).isLessThanOrEqualTo(100.0);
    SmpResult r = SpatialModel.run(sc);
    assertThat(r.turns()).isPositive();
  }

  @Test
  void selectedIssueKeepsOnlyItsActors() {
    SmpScenario sc = BargainInputs.load(CUBA, List.of("invasion-pledge"));
    assertThat(sc.problem().actors()).containsExactly("USA", "SUN", "CUB");
    assertThat(sc.problem().salience()[0]).containsExactly(40);
    assertThatThrownBy(() -> BargainInputs.load(CUBA, List.of("nope")))
        .isInstanceOf(DetenteException.class)
        .hasMessageContaining("unknown issue 'nope'")
        .hasMessageContaining("missiles-in-cuba");
  }
}
