package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Non-state actors and sponsors in the scenario language: binding and located errors. */
class NonStateActorsTest {

  @TempDir Path tmp;

  /** The minimal scenario with extra actors appended to its actor list. */
  private Path withActors(String actors) throws IOException {
    String text = Files.readString(ScenarioLoaderTest.MINIMAL)
        .replace("theaters:\n", actors + "theaters:\n");
    Path f = tmp.resolve("actors.yaml");
    Files.writeString(f, text);
    return f;
  }

  private static List<String> shown(Path f) {
    return ScenarioLoaderTest.problems(f).stream()
        .map(p -> p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message()).toList();
  }

  @Test
  void aMilitiaBindsWithItsSponsorAndTheKindDefaultsToState() throws IOException {
    Path f = withActors("  - {id: MIL, name: Militia, kind: non-state, sponsor: BBB,"
        + " attribution: 0.3, forces: [{theater: EAST, troops: 5k}]}\n"
        + "  - {id: CCC, name: Gamma, population: 1 M, milex: 1 bn USD}\n");
    Scenario sc = ScenarioLoader.load(f, List.of());
    Actor mil = sc.actors().get(sc.actorIndex("MIL"));
    assertThat(mil.kind()).isEqualTo(ActorKind.NON_STATE);
    assertThat(mil.sponsor()).isEqualTo("BBB");
    assertThat(mil.attribution()).isEqualTo(0.3);
    assertThat(mil.forces()).containsExactly(new Force("EAST", 5, 1.0));
    assertThat(sc.actors().get(sc.actorIndex("CCC")).kind()).isEqualTo(ActorKind.STATE);
    assertThat(sc.actors().get(sc.actorIndex("AAA")).sponsor()).isNull();
    Path g = withActors("  - {id: MIL, name: Militia, kind: non-state, sponsor: BBB}\n");
    Actor dflt = ScenarioLoader.load(g, List.of()).actors().get(2);
    assertThat(dflt.attribution()).isEqualTo(Actor.DEFAULT_ATTRIBUTION);
  }

  @Test
  void badSponsorsAndArsenalsAreReportedWhereTheyAre() throws IOException {
    Path f = withActors(""
        + "  - {id: MIL, name: Militia, kind: non-state, sponsor: GRP}\n"
        + "  - {id: GRP, name: Group, kind: non-state, sponsor: BBC}\n"
        + "  - {id: ARM, name: Armed, kind: non-state, arsenal: {strategic: {warheads: 5,"
        + " yield: 10 kt}}, doctrine: {firstUse: existential}}\n"
        + "  - {id: SLF, name: Self, kind: non-state, sponsor: SLF}\n"
        + "  - {id: ORF, name: Orphan, kind: non-state, attribution: 0.2}\n"
        + "  - {id: BLC, name: Bloc, kind: bloc, members: [AAA], sponsor: AAA}\n");
    int l = 31; // the line of the first added actor
    assertThat(shown(f)).containsExactly(
        l + ":56: actors[MIL].sponsor: the sponsor 'GRP' is of kind non-state; a sponsor must be"
            + " a state",
        (l + 1) + ":54: actors[GRP].sponsor: unknown actor 'BBC' (did you mean 'BBB'?)",
        (l + 2) + ":54: actors[ARM].arsenal: a non-state actor holds no nuclear arsenal (give"
            + " the warheads to a state, e.g. its sponsor)",
        (l + 3) + ":53: actors[SLF].sponsor: an actor cannot sponsor itself",
        (l + 4) + ":59: actors[ORF].attribution: 'attribution' needs a 'sponsor' (the state the"
            + " victim blames)",
        (l + 5) + ":64: actors[BLC].sponsor: only a state or a non-state actor has a sponsor,"
            + " not a bloc");
  }

  @Test
  void aCycleOfSponsorsIsAnError() throws IOException {
    String text = Files.readString(ScenarioLoaderTest.MINIMAL)
        .replace("    milex: 2 bn USD\n", "    milex: 2 bn USD\n    sponsor: BBB\n")
        .replace("    milex: 1 bn USD\n", "    milex: 1 bn USD\n    sponsor: AAA\n");
    Path f = tmp.resolve("cycle.yaml");
    Files.writeString(f, text);
    assertThat(shown(f)).containsExactly(
        "15:14: actors[AAA].sponsor: a cycle of sponsors: AAA is sponsored by BBB is sponsored"
            + " by AAA",
        "30:14: actors[BBB].sponsor: a cycle of sponsors: BBB is sponsored by AAA is sponsored"
            + " by BBB");
  }

  @Test
  void aNonStateActorMakesNoFormalAlliance() throws IOException {
    Path f = withActors("  - {id: MIL, name: Militia, kind: non-state, sponsor: BBB}\n");
    String text = Files.readString(f).replace("events:\n", "alliances:\n"
        + "  - {id: PACT, name: Pact, members: [{actor: BBB, credibility: 0.5},"
        + " {actor: MIL, credibility: 0.5}]}\nevents:\n");
    Files.writeString(f, text);
    List<String> s = shown(f);
    assertThat(s).hasSize(1);
    assertThat(s.get(0)).contains("alliances[PACT].members[MIL].actor: 'MIL' is a non-state"
        + " actor: it makes no formal alliance in its own name (give it a 'sponsor' instead)");
  }
}
