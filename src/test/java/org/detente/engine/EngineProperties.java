package org.detente.engine;

import org.detente.model.Action;
import org.detente.model.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.detente.analysis.EnsembleSummary;

/** Invariants on random synthetic scenarios the engine has never seen. */
class EngineProperties {

  private static CompiledModel model(int actors, int horizon, long seed) {
    return EngineFixtures.compile(SyntheticScenarios.generate(actors, horizon, seed));
  }

  @Property(tries = 25)
  void outcomeProbabilitiesSumToOne(
      @ForAll @IntRange(min = 2, max = 7) int actors,
      @ForAll @IntRange(min = 1, max = 60) int horizon,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    CompiledModel m = model(actors, horizon, seed);
    EnsembleSummary s = new EnsembleSummary(m);
    Ensemble.run(m, seed, 40, 2, s, null);
    double sum = 0;
    long count = 0;
    for (Outcome o : Outcome.values()) {
      sum += s.outcomeProbability(o);
      count += s.outcomeCount(o);
    }
    assertThat(count).isEqualTo(40);
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Property(tries = 25)
  void casualtiesAndForcesNeverNegativeAndAbsorbingOutcomesStopTheRun(
      @ForAll @IntRange(min = 2, max = 7) int actors,
      @ForAll @IntRange(min = 1, max = 80) int horizon,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    CompiledModel m = model(actors, horizon, seed);
    Simulator sim = new Simulator(m);
    for (int i = 0; i < 30; i++) {
      sim.run(seed, i);
      for (int a = 0; a < m.actorCount(); a++) {
        for (CasualtyKind k : CasualtyKind.values()) {
          double d = sim.deaths(a, k);
          assertThat(Double.isNaN(d) || d >= 0).as("deaths %s %s = %s", a, k, d).isTrue();
        }
        for (int t = 0; t < m.theaterCount(); t++) {
          assertThat(sim.forces(a, t)).isGreaterThanOrEqualTo(0.0);
        }
      }
      assertThat(sim.endWeek()).isBetween(0, horizon);
      boolean absorbing = sim.outcome() == Outcome.SETTLEMENT
          || sim.outcome() == Outcome.STRATEGIC_NUCLEAR;
      if (sim.endWeek() < horizon) {
        // the run ended early: only an absorbing event ends a run before the horizon
        assertThat(sim.outcome() == Outcome.SETTLEMENT || sim.eventCountTotal() > 0).isTrue();
      }
      for (int e = 0; e < sim.eventCount(); e++) {
        assertThat(sim.eventWeek(e)).isLessThanOrEqualTo(sim.endWeek());
        if (absorbing && sim.endWeek() < horizon) {
          assertThat(sim.eventWeek(e)).isLessThanOrEqualTo(sim.endWeek());
        }
      }
      assertThat(sim.highestRung()).isBetween(0, Action.RUNGS - 1);
    }
  }

  @Property(tries = 15)
  void strategicUseIsAlwaysClassifiedStrategicAndEndsTheRun(
      @ForAll @IntRange(min = 2, max = 6) int actors,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    CompiledModel m = model(actors, 60, seed);
    Simulator sim = new Simulator(m);
    for (int i = 0; i < 30; i++) {
      sim.run(seed, i);
      int strategicWeek = -1;
      for (int e = 0; e < sim.eventCount(); e++) {
        if (sim.eventAction(e).strategic() && strategicWeek < 0) {
          strategicWeek = sim.eventWeek(e);
        }
      }
      if (strategicWeek >= 0) {
        assertThat(sim.outcome()).isEqualTo(Outcome.STRATEGIC_NUCLEAR);
        assertThat(sim.endWeek()).isEqualTo(strategicWeek);
      }
      if (sim.outcome() == Outcome.SETTLEMENT) {
        // a settlement is absorbing: nothing happens after the deal's week
        for (int e = 0; e < sim.eventCount(); e++) {
          assertThat(sim.eventWeek(e)).isLessThanOrEqualTo(sim.endWeek());
        }
      }
    }
  }
}
