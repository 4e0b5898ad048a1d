package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The principal adversaries: declared with {@code principals: [A, B]}, else guessed, with a
 * warning when the guess picks a nuclear-armed pair over the more hostile pair in conflict or a
 * pair that is not hostile at all.
 */
class PrincipalsTest {

  static final Path FILE = Path.of("src/test/resources/scenarios/principals.yaml");

  @TempDir Path dir;

  private Path withPrincipals(String line) throws IOException {
    String text = Files.readString(FILE).replace("relations:\n", line + "\nrelations:\n");
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void theGuessPicksTheNuclearPairAndWarnsThatTheNeighboursAreInConflict() {
    Scenario sc = ScenarioLoader.load(FILE);
    Principals p = Principals.of(sc);
    assertThat(p.declared()).isFalse();
    assertThat(List.of(sc.actors().get(p.a()).id(), sc.actors().get(p.b()).id()))
        .containsExactly("BIG", "FAR");
    assertThat(p.warnings()).containsExactly("guessed as BIG and FAR (hostility 0.40, both"
        + " nuclear-armed), but BIG and NBR are more hostile (0.90); BIG is nuclear-armed and NBR"
        + " is not; declare 'principals: [BIG, NBR]' (or the pair the crisis is about)");
  }

  @Test
  void declaredPrincipalsAreUsedWithoutWarning() throws IOException {
    Scenario sc = ScenarioLoader.load(withPrincipals("principals: [NBR, BIG]"));
    assertThat(sc.principals()).containsExactly("NBR", "BIG");
    Principals p = Principals.of(sc);
    assertThat(p.declared()).isTrue();
    assertThat(p.a()).isEqualTo(sc.actorIndex("NBR"));
    assertThat(p.b()).isEqualTo(sc.actorIndex("BIG"));
    assertThat(p.warnings()).isEmpty();
  }

  @Test
  void aGuessedPairThatIsNotHostileIsDoubtful() throws IOException {
    Path p = dir.resolve("calm.yaml");
    Files.writeString(p, Files.readString(FILE).replace("hostility: 0.9", "hostility: 0.1")
        .replace("hostility: 0.4", "hostility: 0.0"));
    Principals pr = Principals.of(ScenarioLoader.load(p));
    assertThat(pr.warnings()).hasSize(2);
    assertThat(pr.warnings().get(0)).startsWith("guessed as BIG and FAR (hostility 0.00, both"
        + " nuclear-armed), but BIG and NBR are more hostile (0.10)");
    Files.writeString(p, Files.readString(FILE).replace("hostility: 0.9", "hostility: 0.1")
        .replace("hostility: 0.4", "hostility: 0.2"));
    pr = Principals.of(ScenarioLoader.load(p));
    assertThat(pr.warnings()).containsExactly("guessed as BIG and FAR (hostility 0.20, both"
        + " nuclear-armed), below the hostility of an active pair (0.30): the guessed pair is"
        + " not in conflict; declare 'principals: [A, B]'");
  }

  @Test
  void badPrincipalsAreReportedWithTheirPosition() throws IOException {
    for (String[] c : new String[][] {
        {"principals: [BIG, NBX]", "principals[1]: unknown actor 'NBX' (did you mean 'NBR'?)"},
        {"principals: [BIG, BIG]", "principals: the principals are two different actors"},
        {"principals: BIG", "principals: expected a list of two actor ids, e.g. [USA, RUS]; got"
            + " the text 'BIG'"},
        {"principals: [BIG, NBR, FAR]", "principals: expected a list of two actor ids"}}) {
      List<Problem> problems = ScenarioLoader.validate(withPrincipals(c[0]));
      assertThat(problems).as(c[0]).hasSize(1);
      assertThat(problems.get(0).path() + ": " + problems.get(0).message()).as(c[0])
          .startsWith(c[1]);
      assertThat(problems.get(0).line()).isPositive();
    }
  }
}
