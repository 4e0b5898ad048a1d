package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader on a small valid file and on bad files: every problem with file, line, column. */
class ScenarioLoaderTest {

  static final Path DIR = Path.of("src/test/resources/scenarios");
  static final Path MINIMAL = DIR.resolve("minimal.yaml");

  @TempDir Path tmp;

  static Path bad(String name) {
    return DIR.resolve("bad").resolve(name);
  }

  /** Validates a file expected to be bad; returns its problems (never empty). */
  static List<Problem> problems(Path file) {
    List<Problem> ps = ScenarioLoader.validate(file);
    assertThat(ps).as("problems of " + file).isNotEmpty();
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file, List.of()));
    assertThat(e).as("load must throw ScenarioException").isNotNull();
    assertThat(e.getMessage()).isEqualTo(String.join("\n",
        e.problems().stream().map(Problem::toString).toList()));
    assertThat(e).isInstanceOf(org.detente.InvalidInputException.class);
    return ps;
  }

  static void assertProblem(Problem p, Path file, int line, int column, String path,
      String message) {
    assertThat(p.file()).isEqualTo(file.toString());
    assertThat(p.line()).as("line of " + p).isEqualTo(line);
    assertThat(p.column()).as("column of " + p).isEqualTo(column);
    assertThat(p.path()).as("path of " + p).isEqualTo(path);
    assertThat(p.message()).as("message of " + p).isEqualTo(message);
  }

  @Test
  void minimalBindsEveryField() {
    Scenario s = ScenarioLoader.load(MINIMAL, List.of());
    assertThat(s.meta().id()).isEqualTo("minimal");
    assertThat(s.meta().asOf()).hasToString("2022-03-21");
    assertThat(s.meta().stepDays()).isEqualTo(7);
    assertThat(s.meta().horizonSteps()).isEqualTo(52);
    assertThat(s.meta().appliedPolicies()).isEmpty();
    Actor a = s.actors().get(0);
    assertThat(a.kind()).isEqualTo(ActorKind.STATE);
    assertThat(a.populationMillions()).isEqualTo(10.0);
    assertThat(a.gdpBnUsd()).isEqualTo(100.0);
    assertThat(a.forces()).containsExactly(new Force("WEST", 50.0, 1.0));
    assertThat(a.arsenal()).isEqualTo(new Arsenal(10, 300.0, 0, 0.0));
    assertThat(a.doctrine()).isEqualTo(new Doctrine(DoctrineKind.EXISTENTIAL, 0.5, 0.9));
    assertThat(a.resolve()).isEqualTo(Resolve.KNOWN);
    assertThat(a.motives()).extracting(Motive::id).containsExactly("greed", "fear");
    assertThat(a.motives().get(0).territory()).containsExactly(new TheaterStake("WEST", 1.0));
    assertThat(s.actors().get(1).arsenal()).isEqualTo(Arsenal.NONE);
    assertThat(s.actors().get(1).doctrine()).isEqualTo(Doctrine.NONE);
    Theater w = s.theaters().get(0);
    assertThat(w.adjacent()).containsExactly("EAST");
    assertThat(w.terrain()).isEqualTo(Terrain.OPEN);
    assertThat(s.relations()).containsExactly(
        new Relation("AAA", "BBB", Channel.DEGRADED, 0.6, 0.5, null));
    assertThat(s.events()).extracting(ScriptedEvent::id).containsExactly("insult");
    Question q = s.questions().get(0);
    assertThat(q.kind()).isEqualTo(QuestionKind.ACTION);
    assertThat(q.actions()).containsExactly("attack");
    assertThat(q.withinWeeks()).isEqualTo(52);
    assertThat(s.parameters()).containsExactly(new Parameter("qreLambda", 4, 2, 8, "test"));
    assertThat(s.policies().get(0).patches()).hasSize(2);
    assertThat(s.policies().get(0).patches().get(0).op()).isEqualTo("set");
    assertThat(s.policies().get(0).patches().get(0).path()).isEqualTo("relations[AAA-BBB].channel");
    assertThat(s.policies().get(0).patches().get(0).value().asText()).isEqualTo("open");
  }

  @Test
  void policyIsAppliedBeforeBinding() {
    Scenario s = ScenarioLoader.load(MINIMAL, List.of("open-channel"));
    assertThat(s.meta().appliedPolicies()).containsExactly("open-channel");
    assertThat(s.relations().get(0).channel()).isEqualTo(Channel.OPEN);
    assertThat(s.events()).isEmpty();
    assertThat(s.policies()).extracting(Policy::id).containsExactly("open-channel");
  }

  @Test
  void typoInFieldNameSuggestsTheField() {
    Path f = bad("typo-field.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(2);
    assertProblem(ps.get(0), f, 9, 5, "actors[AAA]", "missing required field 'population'");
    assertProblem(ps.get(1), f, 12, 5, "actors[AAA].populaton",
        "unknown field 'populaton' (did you mean 'population'?)");
  }

  @Test
  void relationToUnknownActor() {
    Path f = bad("unknown-actor.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 35, 21, "relations[AAA-CCC].between[1]", "unknown actor 'CCC'");
  }

  @Test
  void priorAboveOne() {
    Path f = bad("prior-above-one.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 21, 53, "actors[AAA].motives[greed].prior",
        "a probability must be between 0 and 1; got 1.4");
  }

  @Test
  void priorsNotSummingToOne() {
    Path f = bad("priors-not-one.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 21, 7, "actors[AAA].motives",
        "motive priors must sum to 1; they sum to 0.9");
  }

  @Test
  void missingUnit() {
    Path f = bad("missing-unit.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 18, 40, "actors[AAA].arsenal.strategic.yield",
        "missing unit, expected e.g. '300 kt'");
  }

  @Test
  void tabInYaml() {
    Path f = bad("tab.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 10, 1, "",
        "tab character found: YAML indentation must use spaces, not tabs");
    assertThat(ps.get(0)).hasToString(f + ":10:1: tab character found: YAML indentation must "
        + "use spaces, not tabs");
  }

  @Test
  void emptyAndCommentOnlyFiles() {
    for (String name : List.of("empty.yaml", "comment-only.yaml")) {
      Path f = bad(name);
      List<Problem> ps = problems(f);
      assertThat(ps).hasSize(1);
      assertProblem(ps.get(0), f, 0, 0, "",
          "file is empty; expected a scenario with meta, actors and theaters");
      assertThat(ps.get(0)).hasToString(f + ": file is empty; expected a scenario with meta, "
          + "actors and theaters");
    }
  }

  @Test
  void binaryFile() {
    Path f = bad("binary.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 3, 1, "",
        "binary data (a NUL byte) found; expected a UTF-8 YAML text file");
  }

  @Test
  void invalidUtf8() throws IOException {
    Path f = tmp.resolve("latin1.yaml");
    Files.write(f, "meta:\n  title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 2, 13, "",
        "invalid UTF-8 byte sequence; expected a UTF-8 YAML text file");
  }

  @Test
  void wrongTypesAreAllReported() {
    Path f = bad("wrong-types.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(3);
    assertProblem(ps.get(0), f, 12, 17, "actors[AAA].population",
        "expected a quantity with a unit, e.g. '145.1 M'; got a list");
    assertProblem(ps.get(1), f, 35, 57, "relations[AAA-BBB].hostility",
        "expected a probability between 0 and 1; got the text 'high'");
    assertProblem(ps.get(2), f, 37, 24, "events[insult].week",
        "expected a whole number between 0 and 100000; got the number 1.5");
  }

  @Test
  void deepNesting() {
    Path f = bad("deep-nesting.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).line()).isEqualTo(1);
    assertThat(ps.get(0).column()).isEqualTo(167);
    assertThat(ps.get(0).path()).startsWith("meta.a.a.a").endsWith("...");
    assertThat(ps.get(0).message())
        .isEqualTo("nesting deeper than 40 levels; a YAML scenario file needs far fewer");
  }

  @Test
  void veryDeepFlowNestingDoesNotOverflow() throws IOException {
    Path f = tmp.resolve("deeper.yaml");
    Files.writeString(f, "a: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message()).contains("nesting deeper than");
  }

  @Test
  void hugeNumber() {
    Path f = bad("huge-number.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 32, 91, "theaters[WEST].lat", "number out of range: 1e999");
  }

  @Test
  void aStateMayLeaveItsGdpOut() throws IOException {
    Path f = tmp.resolve("no-gdp.yaml");
    String text = Files.readString(MINIMAL).replace("    gdp: 100 bn USD\n", "")
        .replace("    gdp: 50 bn USD\n", "");
    assertThat(text).doesNotContain("gdp:");
    Files.writeString(f, text);
    assertThat(ScenarioLoader.validate(f)).isEmpty();
    assertThat(ScenarioLoader.load(f).actors().get(0).gdpBnUsd()).isNaN();
  }

  @Test
  void hugeIntegersAndQuantities() throws IOException {
    Path f = tmp.resolve("huge.yaml");
    String text = Files.readString(MINIMAL)
        .replace("week: 0,", "week: 99999999999999999999999,")
        .replace("gdp: 100 bn USD", "gdp: 1e300 tn USD");
    Files.writeString(f, text);
    List<Problem> ps = problems(f);
    assertThat(ps).extracting(Problem::path)
        .containsExactly("actors[AAA].gdp", "events[insult].week");
    assertThat(ps.get(0).message()).isEqualTo("number out of range: 1e300 tn USD");
    assertThat(ps.get(1).message())
        .isEqualTo("must be a whole number between 0 and 100000; got 99999999999999999999999");
  }

  @Test
  void duplicateKey() {
    Path f = bad("duplicate-key.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 4, 3, "meta.id", "duplicate key 'id' (first given at line 3)");
  }

  @Test
  void missingFileAndDirectory() {
    Path missing = tmp.resolve("nope.yaml");
    List<Problem> ps = problems(missing);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), missing, 0, 0, "", "no such file");
    List<Problem> dir = problems(tmp);
    assertThat(dir).hasSize(1);
    assertProblem(dir.get(0), tmp, 0, 0, "", "is a directory, expected a YAML scenario file");
  }

  @Test
  void asymmetricAdjacency() {
    Path f = bad("asymmetric-adjacency.yaml");
    List<Problem> ps = problems(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 32, 39, "theaters[WEST].adjacent[0]",
        "adjacency is not symmetric: theater 'EAST' (line 33) does not list 'WEST' as adjacent");
  }

  @Test
  void unknownPolicyListsAvailableOnes() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.load(MINIMAL, List.of("open-chanel")));
    assertThat(e.problems()).hasSize(1);
    assertProblem(e.problems().get(0), MINIMAL, 39, 3, "policies",
        "unknown policy 'open-chanel' (did you mean 'open-channel'?); available: open-channel");
  }

  @Test
  void policyPatchingMissingPath() {
    Path f = bad("policy-missing-path.yaml");
    List<Problem> ps = ScenarioLoader.validate(f);
    assertThat(ps).hasSize(1);
    assertProblem(ps.get(0), f, 42, 15, "policies[open-channel].patches[0]",
        "with policy 'open-channel': path 'relations[AAA-CCC].channel' does not exist: "
            + "no element 'AAA-CCC' in 'relations'");
    // the file itself is valid without the policy
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.load(f, List.of("open-channel")));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).message()).isEqualTo(
        "path 'relations[AAA-CCC].channel' does not exist: no element 'AAA-CCC' in 'relations'");
    // one verdict for one file: validate rejects the policy, so load refuses the file even
    // without the policy
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("with policy 'open-channel': path 'relations[AAA-CCC].channel'");
  }

  @Test
  void policyRemovingMissingEventAndSuggestion() throws IOException {
    Path f = tmp.resolve("p.yaml");
    Files.writeString(f, Files.readString(MINIMAL).replace("events[insult]", "events[insutl]"));
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.load(f, List.of("open-channel")));
    assertThat(e.problems()).singleElement().extracting(Problem::message).isEqualTo(
        "path 'events[insutl]' does not exist: no element 'insutl' in 'events' "
            + "(did you mean 'insult'?)");
  }

  @Test
  void policyErrorsInAddedValuesPointAtThePolicy() throws IOException {
    Path f = tmp.resolve("add.yaml");
    String text = Files.readString(MINIMAL).replace(
        "      - {remove: \"events[insult]\"}",
        "      - {add: events, value: {id: e2, week: 1, actor: ZZZ, action: insult, "
            + "description: d}}");
    Files.writeString(f, text);
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of()))
        .hasMessageContaining("with policy 'open-channel': unknown actor 'ZZZ'");
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.load(f, List.of("open-channel")));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(43);
      assertThat(p.path()).isEqualTo("events[e2].actor");
      assertThat(p.message()).isEqualTo("unknown actor 'ZZZ'");
    });
  }

  @Test
  void manyProblemsAreAllReported() throws IOException {
    Path f = tmp.resolve("many.yaml");
    String text = Files.readString(MINIMAL)
        .replace("kind: state\n    population: 10 M", "kind: stat\n    population: 10 M")
        .replace("channel: degraded", "channel: opn")
        .replace("action: insult", "action: insullt")
        .replace("name: qreLambda", "name: qreLamda")
        .replace("value: 4, range: [2, 8]", "value: 9, range: [2, 8]")
        .replace("terrain: forest", "terrain: jungle")
        .replace("horizon: 52 weeks", "horizon: 52 parsecs");
    Files.writeString(f, text);
    List<Problem> ps = problems(f);
    assertThat(ps).extracting(Problem::message).contains(
        "unknown value 'stat' (did you mean 'state'?); expected one of state, non-state, alliance,"
            + " bloc, region",
        "unknown value 'opn' (did you mean 'open'?); expected one of open, degraded, severed",
        "unknown action 'insullt' (did you mean 'insult'?); see docs/scenario-reference.md for "
            + "the list",
        "unknown value 'jungle'; expected one of open, mixed, forest, urban, mountain, maritime",
        "unknown time unit 'parsecs', expected days, weeks or years (e.g. '104 weeks')",
        "value 9 is outside its range [2, 8]");
    assertThat(ps).anySatisfy(p -> assertThat(p.message())
        .startsWith("unknown parameter 'qreLamda' (did you mean 'qreLambda'?)"));
    // sorted by position
    for (int i = 1; i < ps.size(); i++) {
      assertThat(ps.get(i).line()).isGreaterThanOrEqualTo(ps.get(i - 1).line());
    }
  }

  @Test
  void duplicateIdsAndReferences() throws IOException {
    Path f = tmp.resolve("dup.yaml");
    String text = Files.readString(MINIMAL)
        .replace("  - id: BBB\n", "  - id: AAA\n")
        .replace("theater: EAST, troops: 30k", "theater: NORTH, troops: 30k");
    Files.writeString(f, text);
    List<Problem> ps = problems(f);
    assertThat(ps).extracting(Problem::message).contains(
        "duplicate id 'AAA' (first defined at line 9)",
        "unknown theater 'NORTH'");
  }

  @Test
  void questionKindRequirements() throws IOException {
    Path f = tmp.resolve("q.yaml");
    String text = Files.readString(MINIMAL).replace(
        "kind: action, actor: AAA, actions: [attack], theater: EAST, within: 52 weeks",
        "kind: outcome, outcomes: [armageddon], within: 60 weeks");
    Files.writeString(f, text);
    List<Problem> ps = problems(f);
    assertThat(ps).extracting(Problem::message).containsExactly(
        "unknown outcome 'armageddon'; expected one of settlement, frozen, conventional_war, "
            + "limited_nuclear, strategic_nuclear",
        "is after the horizon (52 steps)");
  }

  static String withTargets(String targets) throws IOException {
    return Files.readString(MINIMAL).replace("terrain: forest, lat: 50, lon: 20}",
        "terrain: forest, lat: 50, lon: 20,\n     targets: " + targets + "}");
  }

  @Test
  void cityCoordinatesComeFromGeoNamesWhenOmitted() throws IOException {
    Path f = tmp.resolve("cities.yaml");
    Files.writeString(f, withTargets("[{name: Warsaw, kind: city}, "
        + "{name: Brest, kind: city, country: FR}, {name: Smalltown, kind: city, lat: 50.1, "
        + "lon: 20.1}, {name: Kyiv, kind: city, lat: 50.45, lon: 30.52}]"));
    Scenario s = ScenarioLoader.load(f, List.of());
    List<Target> t = s.theaters().get(1).targets();
    assertThat(t.get(0)).isEqualTo(new Target("Warsaw", TargetKind.CITY, null, 52.22977,
        21.01178));
    assertThat(t.get(1).lat()).isEqualTo(48.39029);
    assertThat(t.get(1).lon()).isEqualTo(-4.48628);
    assertThat(t.get(2).lat()).isEqualTo(50.1);
    assertThat(t.get(3).lat()).isEqualTo(50.45);
  }

  @Test
  void unknownAmbiguousAndMisplacedCities() throws IOException {
    Path f = tmp.resolve("cities.yaml");
    Files.writeString(f, withTargets("[{name: Warshaw, kind: city}, {name: Brest, kind: city}, "
        + "{name: Berlin, kind: city, country: DE, lat: 13.4, lon: 52.5}, "
        + "{name: Base, kind: military-base}, {name: Kyiv, kind: city, lat: 1}]"));
    List<Problem> ps = problems(f);
    assertThat(ps).extracting(Problem::path).containsExactly(
        "theaters[EAST].targets[Warshaw].name", "theaters[EAST].targets[Brest].name",
        "theaters[EAST].targets[Berlin].name", "theaters[EAST].targets[Base]",
        "theaters[EAST].targets[Base]", "theaters[EAST].targets[Kyiv]");
    assertThat(ps.get(0).line()).isEqualTo(34);
    assertThat(ps.get(0).column()).isEqualTo(23);
    assertThat(ps.get(0).message()).startsWith("unknown place 'Warshaw'; did you mean: Warsaw, "
        + "PL, 78 (population 1,702,139; 52.2298, 21.0118)")
        .endsWith("; give 'lat' and 'lon' for a place not in the data");
    assertThat(ps.get(1).message()).startsWith("place 'Brest' is ambiguous, 2 places match: "
        + "Brest, BY, 01 (population ").contains("; Brest, FR, 53 (population ")
        .endsWith("; add 'country' or give 'lat' and 'lon'");
    assertThat(ps.get(2).message()).startsWith("the given lat/lon (13.4000, 52.5000) are "
        + "5556 km from GeoNames' Berlin, DE");
    assertThat(ps.get(3).message()).isEqualTo("missing required field 'lat'");
    assertThat(ps.get(5).message()).isEqualTo(
        "give both 'lat' and 'lon', or neither to look the city up in the GeoNames data");
  }

  @Test
  void yaml11BooleansStayText() throws IOException {
    Path f = tmp.resolve("norway.yaml");
    Files.writeString(f, withTargets("[{name: Oslo, kind: city, country: NO}]"));
    Scenario s = ScenarioLoader.load(f, List.of());
    assertThat(s.theaters().get(1).targets().get(0).country()).isEqualTo("NO");
    assertThat(s.theaters().get(1).targets().get(0).lat()).isBetween(59.0, 60.5);
  }

  @Test
  void emptyRequiredSections() throws IOException {
    Path f = tmp.resolve("sections.yaml");
    Files.writeString(f, "meta: {id: x, title: t, asOf: 2022-01-01, horizon: 1 week}\n"
        + "actors:\ntheaters: []\n");
    List<Problem> ps = problems(f);
    assertThat(ps).extracting(Problem::toString).containsExactly(
        f + ":2:8: actors: expected a list with at least one entry",
        f + ":3:11: theaters: expected a list with at least one entry");
  }

  @Test
  void setMayAddAnOptionalFieldButNotAnUnknownOne() throws IOException {
    Path f = tmp.resolve("set.yaml");
    String text = Files.readString(MINIMAL).replace(
        "      - {remove: \"events[insult]\"}",
        "      - {set: \"actors[AAA].riskAttitude\", value: -0.5}\n"
            + "      - {set: \"meta.titel\", value: oops}");
    Files.writeString(f, text);
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.load(f, List.of("open-channel")));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(44);
      assertThat(p.path()).isEqualTo("meta.titel");
      assertThat(p.message()).isEqualTo("unknown field 'titel' (did you mean 'title'?)");
    });
    Files.writeString(f, text.replace("      - {set: \"meta.titel\", value: oops}\n", ""));
    Scenario s = ScenarioLoader.load(f, List.of("open-channel"));
    assertThat(s.actors().get(0).riskAttitude()).isEqualTo(-0.5);
  }

  @Test
  void smallPlacesResolveWhenUnique() throws IOException {
    Path f = tmp.resolve("small.yaml");
    Files.writeString(f, withTargets("[{name: Hostomel, kind: city, country: UA}]"));
    Scenario s = ScenarioLoader.load(f, List.of());
    Target t = s.theaters().get(1).targets().get(0);
    assertThat(t.lat()).isBetween(50.4, 50.7);
    assertThat(t.lon()).isBetween(30.1, 30.4);
  }
}
