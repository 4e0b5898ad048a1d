package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.detente.cli.Models;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A run's state copied mid-way and continued gives exactly what the original gives from that
 * week on, in another simulator too: the state and the random stream are all a run carries.
 */
class RunStateTest {

  @Test
  void aRunCopiedAtWeekKContinuesExactlyAsTheOriginal() {
    CompiledModel m = EngineFixtures.compile(SyntheticScenarios.generate(6, 52, 3));
    checkCopies(m, 40, new int[] {0, 1, 7, 20, 51});
  }

  @Test
  void theSeedScenarioCopiedMidWayContinuesExactly() {
    Scenario u = ScenarioLoader.load(Path.of("scenarios/us-russia-2022.yaml"));
    CompiledModel m = Models.compile(u, ModelParameters.from(u));
    checkCopies(m, 12, new int[] {0, 3, 26, 90});
  }

  @Test
  void theCubanCrisisWithItsScriptedEventsCopiedMidWayContinuesExactly() {
    Scenario c = ScenarioLoader.load(Path.of("scenarios/cuban-missile-crisis-1962.yaml"));
    CompiledModel m = Models.compile(c, ModelParameters.from(c));
    checkCopies(m, 20, new int[] {0, 1, 2, 5});
  }

  @Test
  void statesOfAnotherModelAreRefused() {
    CompiledModel a = EngineFixtures.compile(SyntheticScenarios.generate(5, 52, 3));
    CompiledModel b = EngineFixtures.compile(SyntheticScenarios.generate(6, 52, 3));
    RunState s = new RunState(a);
    assertThatThrownBy(() -> new RunState(b).copyFrom(s))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void checkCopies(CompiledModel m, int runs, int[] weeks) {
    Simulator reference = new Simulator(m);
    Simulator original = new Simulator(m);
    Simulator other = new Simulator(m);
    int copiesTaken = 0;
    for (int i = 0; i < runs; i++) {
      reference.run(5, i);
      long whole = DeterminismTest.digest(reference, m);
      for (int k : weeks) {
        original.start(Rng.runSeed(5, i), i);
        for (int w = 0; w < k && !original.done(); w++) {
          original.advance();
        }
        if (original.done() && k > 0) {
          continue;
        }
        RunState copy = original.state().copy(m);
        copiesTaken++;
        original.continueRun();
        assertThat(DeterminismTest.digest(original, m)).isEqualTo(whole);
        // another simulator (whose caches hold another run) continues the copy
        other.run(9, i + 1);
        other.resume(copy);
        other.continueRun();
        assertThat(DeterminismTest.digest(other, m)).isEqualTo(whole);
        assertSameState(other.state(), original.state());
        // continuing did not write into the copy: it continues the same way again
        Simulator third = new Simulator(m);
        third.resume(copy);
        third.continueRun();
        assertSameState(third.state(), original.state());
      }
    }
    assertThat(copiesTaken).isGreaterThan(runs);
  }

  private static void assertSameState(RunState a, RunState b) {
    assertThat(a.forces).containsExactly(b.forces);
    assertThat(a.eff).containsExactly(b.eff);
    assertThat(a.reserve).containsExactly(b.reserve);
    assertThat(a.ns).containsExactly(b.ns);
    assertThat(a.st).containsExactly(b.st);
    assertThat(a.control).containsExactly(b.control);
    assertThat(a.hostility).containsExactly(b.hostility);
    assertThat(a.rhetoric).containsExactly(b.rhetoric);
    assertThat(a.pressure).containsExactly(b.pressure);
    assertThat(a.support).containsExactly(b.support);
    assertThat(a.channel).containsExactly(b.channel);
    assertThat(a.war).containsExactly(b.war);
    assertThat(a.cred).containsExactly(b.cred);
    assertThat(a.allied).containsExactly(b.allied);
    assertThat(a.belief).containsExactly(b.belief);
    assertThat(a.deaths).containsExactly(b.deaths);
    assertThat(a.answer).containsExactly(b.answer);
    assertThat(a.week).isEqualTo(b.week);
    assertThat(a.nEvTotal).isEqualTo(b.nEvTotal);
    assertThat(a.workTerms).isEqualTo(b.workTerms);
    // the same position in the same random stream
    Rng ra = new Rng();
    ra.copyFrom(a.rng);
    Rng rb = new Rng();
    rb.copyFrom(b.rng);
    assertThat(ra.nextLong()).isEqualTo(rb.nextLong());
  }
}
