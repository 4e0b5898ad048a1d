package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.detente.cli.Models;
import org.detente.model.Action;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * When the proposer's own side does not ratify its proposal, the refusal is the proposer's: the
 * narrative says so and the event log records the rejection as the proposer's, not the
 * receiver's (which would accept).
 */
class RatificationTest {

  private static final Pattern NOT_RATIFIED =
      Pattern.compile("^(\\S+)'s own side does not ratify its (\\S+) to (\\S+): worth"
          + " (-?[0-9.]+) to it against fighting on / holding (-?[0-9.]+), outside its range by"
          + " [0-9.]+; \\3 would accept \\(worth (-?[0-9.]+) to it against (-?[0-9.]+)\\)$");

  @Test
  void aProposalItsOwnSideDoesNotRatifyIsLoggedAsTheProposersRejection() {
    Scenario u = ScenarioLoader.load(Path.of("scenarios/us-russia-2022.yaml"));
    CompiledModel m = Models.compile(u, ModelParameters.from(u));
    Simulator sim = new Simulator(m);
    List<int[]> refusals = new ArrayList<>(); // week, proposer, receiver
    sim.setTracer(EngineFixtures.notes((week, text) -> {
      Matcher x = NOT_RATIFIED.matcher(text);
      if (x.matches()) {
        // outside the proposer's range, inside the receiver's
        assertThat(Double.parseDouble(x.group(4))).as(text)
            .isLessThanOrEqualTo(Double.parseDouble(x.group(5)));
        assertThat(Double.parseDouble(x.group(6))).as(text)
            .isGreaterThanOrEqualTo(Double.parseDouble(x.group(7)));
        refusals.add(new int[] {week, u.actorIndex(x.group(1)), u.actorIndex(x.group(3))});
      }
    }));
    int checked = 0;
    for (int i = 0; i < 40; i++) {
      refusals.clear();
      sim.run(3, i);
      for (int[] r : refusals) {
        boolean proposersRejection = false;
        boolean receiversRejection = false;
        for (int e = 0; e < sim.eventCount(); e++) {
          if (sim.eventWeek(e) == r[0] && sim.eventAction(e) == Action.REJECT) {
            proposersRejection |= sim.eventActor(e) == r[1] && sim.eventTarget(e) == r[2];
            receiversRejection |= sim.eventActor(e) == r[2] && sim.eventTarget(e) == r[1];
          }
        }
        assertThat(proposersRejection).isTrue();
        if (!receiversRejection) {
          checked++;
        }
      }
    }
    // refusals by the proposer's own side happen in the seed scenario, and are logged as such
    assertThat(checked).isPositive();
  }
}
