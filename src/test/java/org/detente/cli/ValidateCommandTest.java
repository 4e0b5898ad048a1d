package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code detente validate} and {@code detente schema} through the real command line. */
class ValidateCommandTest {

  /** {@link CliRun#exec} that also fails on any stack trace in the output. */
  static CliRun.Result run(String... args) {
    CliRun.Result r = CliRun.exec(args);
    assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    return r;
  }

  @Test
  void validFilesExitZero() {
    CliRun.Result r = run("validate", "scenarios/us-russia-2022.yaml",
        "scenarios/cuban-missile-crisis-1962.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("scenarios/us-russia-2022.yaml: ok (16 actors, 11 theaters,")
        .contains("scenarios/cuban-missile-crisis-1962.yaml: ok (4 actors, 6 theaters,");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aDoubtfulGuessOfThePrincipalsIsAWarningNotAProblem() {
    String f = "src/test/resources/scenarios/principals.yaml";
    CliRun.Result r = run("validate", f);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains(f + ": ok (3 actors,");
    assertThat(r.err().lines()).containsExactly(f + ": warning: principals: guessed as BIG and"
        + " FAR (hostility 0.40, both nuclear-armed), but BIG and NBR are more hostile (0.90);"
        + " BIG is nuclear-armed and NBR is not; declare 'principals: [BIG, NBR]' (or the pair"
        + " the crisis is about)");
    CliRun.Result j = run("validate", "--json", f);
    assertThat(j.code()).isZero();
    assertThat(j.out()).contains("\"warnings\":[\"principals: guessed as BIG and FAR");
  }

  @Test
  void withPolicies() {
    CliRun.Result r = run("validate", "--policy", "open-channel", "-p", "asian-alliance",
        "scenarios/us-russia-2022.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("3 alliances");
  }

  @Test
  void invalidFileExitsOneWithOneLinePerProblem() {
    String f = "src/test/resources/scenarios/bad/wrong-types.yaml";
    CliRun.Result r = run("validate", f);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines()).containsExactly(
        f + ":12:17: actors[AAA].population: expected a quantity with a unit, e.g. '145.1 M'; "
            + "got a list",
        f + ":35:57: relations[AAA-BBB].hostility: expected a probability between 0 and 1; got "
            + "the text 'high'",
        f + ":37:24: events[insult].week: expected a whole number between 0 and 100000; got the "
            + "number 1.5");
  }

  @Test
  void mixOfValidAndInvalidExitsOne() {
    CliRun.Result r = run("validate", "src/test/resources/scenarios/minimal.yaml",
        "src/test/resources/scenarios/bad/binary.yaml", "no/such/file.yaml");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("minimal.yaml: ok");
    assertThat(r.err()).contains("binary.yaml:3:1: binary data")
        .contains("no/such/file.yaml: no such file");
  }

  @Test
  void unknownPolicyIsAnInputError() {
    CliRun.Result r = run("validate", "-p", "open-chanel", "src/test/resources/scenarios/minimal.yaml");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(
        "policies: unknown policy 'open-chanel' (did you mean 'open-channel'?); available: "
            + "open-channel");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("validate").code()).isEqualTo(2);
    assertThat(run("validate", "--no-such-option", "x.yaml").code()).isEqualTo(2);
  }

  @Test
  void jsonOutputIsOneObject() throws Exception {
    CliRun.Result r = run("validate", "--json", "src/test/resources/scenarios/bad/tab.yaml",
        "src/test/resources/scenarios/minimal.yaml");
    assertThat(r.code()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("valid").asBoolean()).isFalse();
    assertThat(j.get("files")).hasSize(2);
    JsonNode p = j.get("files").get(0).get("problems").get(0);
    assertThat(p.get("line").asInt()).isEqualTo(10);
    assertThat(p.get("column").asInt()).isEqualTo(1);
    assertThat(p.get("message").asText()).contains("tab character");
    assertThat(j.get("files").get(1).get("counts").get("actors").asInt()).isEqualTo(2);
  }

  @Test
  void helpWorks() {
    CliRun.Result r = run("validate", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--policy").contains("--json");
  }

  @Test
  void schemaCommandPrintsTheSchema() throws Exception {
    CliRun.Result r = run("schema");
    assertThat(r.code()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(j.get("$defs").has("actor")).isTrue();
  }

  @Test
  void schemaCommandWritesAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path out = dir.resolve("s.json");
    CliRun.Result r = run("schema", "-o", out.toString());
    assertThat(r.code()).isZero();
    assertThat(new ObjectMapper().readTree(out.toFile()).get("title").asText())
        .isEqualTo("Detente scenario");
  }
}
