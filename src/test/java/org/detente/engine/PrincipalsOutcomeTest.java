package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.detente.cli.Models;
import org.detente.model.Outcome;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outcome classes are about the principals: when a nuclear-armed state invades its
 * non-nuclear neighbour, the declared pair makes every run a conventional war between the
 * sides; the guess (the nuclear-armed pair with a distant power) misses the war (at most 1 run
 * of 100).
 */
class PrincipalsOutcomeTest {

  @TempDir Path dir;

  private static int count(CompiledModel m, Outcome o, int runs) {
    Simulator sim = new Simulator(m);
    int n = 0;
    for (int i = 0; i < runs; i++) {
      sim.run(5, i);
      if (sim.outcome() == o) {
        n++;
      }
    }
    return n;
  }

  @Test
  void declaredPrincipalsAreThePairInConflict() throws IOException {
    Path file = Path.of("src/test/resources/scenarios/principals.yaml");
    Scenario guessed = ScenarioLoader.load(file);
    CompiledModel g = Models.compile(guessed, ModelParameters.from(guessed));
    assertThat(guessed.actors().get(g.relations.principalA()).id()).isEqualTo("BIG");
    assertThat(guessed.actors().get(g.relations.principalB()).id()).isEqualTo("FAR");
    // the invasion is not between the guessed pair: no run of 100 is a war between BIG and FAR
    // (1 before the peacetime status-quo bias, docs/model.md section 2), against 100 of 100
    // with the declared pair below
    assertThat(count(g, Outcome.CONVENTIONAL_WAR, 100)).isLessThanOrEqualTo(1);

    Path declaredFile = dir.resolve("declared.yaml");
    Files.writeString(declaredFile, Files.readString(file)
        .replace("relations:\n", "principals: [BIG, NBR]\nrelations:\n"));
    Scenario declared = ScenarioLoader.load(declaredFile);
    CompiledModel d = Models.compile(declared, ModelParameters.from(declared));
    assertThat(declared.actors().get(d.relations.principalA()).id()).isEqualTo("BIG");
    assertThat(declared.actors().get(d.relations.principalB()).id()).isEqualTo("NBR");
    assertThat(count(d, Outcome.CONVENTIONAL_WAR, 100)).isEqualTo(100);
  }
}
