package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relation's mediator with stated credibility and leverage: binding and located errors. */
class MediationFieldsTest {

  @TempDir Path tmp;

  private Path withRelation(String relation) throws IOException {
    String text = Files.readString(ScenarioLoaderTest.MINIMAL)
        .replace("theaters:\n", "  - {id: MED, name: Mediator, population: 1 M, milex: 1 bn USD}\n"
            + "theaters:\n")
        .replace("  - {between: [AAA, BBB], channel: degraded, hostility: 0.6, rhetoric: 0.5}\n",
            relation);
    Path f = tmp.resolve("mediation.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void statedCredibilityAndLeverageBind() throws IOException {
    Path f = withRelation("  - {between: [AAA, BBB], channel: degraded, hostility: 0.6,"
        + " rhetoric: 0.5, mediator: MED, mediation: {credibility: 0.7, leverage: 0.2}}\n");
    Relation r = ScenarioLoader.load(f, List.of()).relations().get(0);
    assertThat(r.mediator()).isEqualTo("MED");
    assertThat(r.mediatorCredibility()).isEqualTo(0.7);
    assertThat(r.mediatorLeverage()).isEqualTo(0.2);
    Path g = withRelation("  - {between: [AAA, BBB], channel: degraded, hostility: 0.6,"
        + " rhetoric: 0.5, mediator: MED, mediation: {leverage: 0.2}}\n");
    assertThat(ScenarioLoader.load(g, List.of()).relations().get(0).mediatorCredibility())
        .isNaN();
  }

  @Test
  void badMediationIsReportedWhereItIs() throws IOException {
    Path f = withRelation("  - {between: [AAA, BBB], channel: degraded, hostility: 0.6,"
        + " rhetoric: 0.5, mediation: {credibility: 1.5, levrage: 0.2}}\n");
    List<String> shown = ScenarioLoaderTest.problems(f).stream()
        .map(p -> p.path() + ": " + p.message()).toList();
    assertThat(shown).containsExactly(
        "relations[AAA-BBB].mediation: 'mediation' needs a 'mediator' (the actor whose"
            + " credibility and leverage it states)",
        "relations[AAA-BBB].mediation.credibility: a probability must be between 0 and 1; got"
            + " 1.5",
        "relations[AAA-BBB].mediation.levrage: unknown field 'levrage' (did you mean"
            + " 'leverage'?)");
  }
}
