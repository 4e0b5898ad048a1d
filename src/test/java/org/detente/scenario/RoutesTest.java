package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario language's routes: binding and located errors. */
class RoutesTest {

  @TempDir Path tmp;

  private Path withRoutes(String routes) throws IOException {
    String text = Files.readString(ScenarioLoaderTest.MINIMAL)
        .replace("relations:\n", routes + "relations:\n");
    Path f = tmp.resolve("routes.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void aRouteBindsWithItsTransitModeAndCapacity() throws IOException {
    Path f = withRoutes("routes:\n"
        + "  - {from: WEST, to: EAST, weeks: 3, mode: sea, capacity: 30k}\n"
        + "  - {from: EAST, to: WEST, weeks: 1, mode: air}\n");
    Scenario sc = ScenarioLoader.load(f, List.of());
    assertThat(sc.routes()).containsExactly(
        new Route("WEST", "EAST", 3, RouteMode.SEA, 30),
        new Route("EAST", "WEST", 1, RouteMode.AIR, Double.POSITIVE_INFINITY));
    assertThat(sc.routes().get(0).joins("EAST", "WEST")).isTrue();
  }

  @Test
  void badRoutesAreReportedWhereTheyAre() throws IOException {
    Path f = withRoutes("routes:\n"
        + "  - {from: WEST, to: EASTT, weeks: 3, mode: sea}\n"
        + "  - {from: WEST, to: WEST, weeks: 3, mode: sea}\n"
        + "  - {from: WEST, to: EAST, weeks: 0, mode: boat, capacity: 30}\n"
        + "  - {from: WEST, to: EAST, weeks: 60, mode: air, capacity: 0k}\n"
        + "  - {from: WEST, to: EAST, weeks: 2, mode: land}\n"
        + "  - {from: EAST, to: WEST, weeks: 4, mode: land}\n");
    List<Problem> ps = ScenarioLoaderTest.problems(f);
    List<String> shown = ps.stream().map(p -> p.line() + ":" + p.column() + ": " + p.path()
        + ": " + p.message()).toList();
    int l = 35; // the line of the first route in the file
    assertThat(shown).containsExactly(
        l + ":22: routes[0].to: unknown theater 'EASTT' (did you mean 'EAST'?)",
        (l + 1) + ":22: routes[1].to: a route joins two different theaters; both ends are"
            + " 'WEST'",
        (l + 2) + ":35: routes[2].weeks: must be a whole number between 1 and 100000; got 0",
        (l + 2) + ":44: routes[2].mode: unknown value 'boat'; expected one of sea, air, land",
        (l + 2) + ":60: routes[2].capacity: missing unit, expected e.g. '190k'",
        (l + 3) + ":35: routes[3].weeks: a transit of 60 steps is longer than the horizon"
            + " (52 steps)",
        (l + 3) + ":60: routes[3].capacity: must be greater than 0 troops, e.g. '30k'",
        (l + 5) + ":5: routes[5]: second land route between 'EAST' and 'WEST'; one route per"
            + " pair of theaters and mode");
  }
}
