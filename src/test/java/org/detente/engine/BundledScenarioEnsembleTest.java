package org.detente.engine;

import org.detente.cli.Models;
import org.detente.model.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.detente.analysis.EnsembleSummary;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled scenarios run end to end with the shipped casualty and negotiation models; the
 * Cuban crisis ensemble centres on what happened (a deal within weeks, no nuclear use).
 */
class BundledScenarioEnsembleTest {

  private static CompiledModel cuba;
  private static CompiledModel usRussia;

  @BeforeAll
  static void compile() {
    Scenario c = ScenarioLoader.load(Path.of("scenarios/cuban-missile-crisis-1962.yaml"));
    cuba = Models.compile(c, ModelParameters.from(c));
    Scenario u = ScenarioLoader.load(Path.of("scenarios/us-russia-2022.yaml"));
    usRussia = Models.compile(u, ModelParameters.from(u));
  }

  @Test
  void cubanCrisisIsMostlySettledWithinWeeksAndNuclearUseIsRare() {
    EnsembleSummary s = new EnsembleSummary(cuba);
    Ensemble.run(cuba, 1, 1000, 2, s, null);
    assertThat(s.outcomeProbability(Outcome.SETTLEMENT)).isGreaterThan(0.6);
    double nuclear = s.outcomeProbability(Outcome.LIMITED_NUCLEAR)
        + s.outcomeProbability(Outcome.STRATEGIC_NUCLEAR);
    assertThat(nuclear).isLessThan(0.02);
    // principal adversaries found from the file: the two nuclear-armed, most hostile actors
    assertThat(cuba.actorId(cuba.principalA())).isEqualTo("USA");
    assertThat(cuba.actorId(cuba.principalB())).isEqualTo("SUN");
    int dealQ = questionIndex(cuba, "deal-within-4-weeks");
    assertThat((double) s.questionCount(dealQ) / s.runs()).isGreaterThan(0.4);
  }

  @Test
  void noActorPutsMoreThanTheMobilisationCeilingOfItsPeopleIntoItsForces() {
    // over a 1,000-week horizon: before mobilisation drew on a finite reserve, Ukraine's and
    // Poland's forces reached 15-17 % of their populations within 104 weeks, and deaths grew
    // without bound over long horizons
    Scenario u = ScenarioLoader.load(Path.of("scenarios/us-russia-2022.yaml"))
        .withHorizonWeeks(1000);
    CompiledModel m = Models.compile(u, ModelParameters.from(u));
    Simulator sim = new Simulator(m);
    double ceiling = ModelParameters.from(u).get("mobilizationCeiling");
    for (int i = 0; i < 60; i++) {
      sim.run(7, i);
      for (int a = 0; a < m.actorCount(); a++) {
        double deployed = 0;
        double now = 0;
        for (int t = 0; t < m.theaterCount(); t++) {
          deployed += m.actors.forces0(a, t);
          now += sim.forces(a, t);
        }
        double cap = Math.max(deployed, ceiling * m.actors.population(a) * 1000);
        assertThat(now).as("%s's forces, run %d", m.actorId(a), i)
            .isLessThanOrEqualTo(cap * (1 + 1e-9));
        // the fallen come out of what the actor could ever field (thousands of troops)
        assertThat(sim.deaths(a, CasualtyKind.MILITARY))
            .as("%s's military deaths, run %d", m.actorId(a), i)
            .isLessThanOrEqualTo(cap * 1000 * (1 + 1e-9));
      }
    }
  }

  @Test
  void usRussiaScenarioAnswersEveryQuestion() {
    EnsembleSummary s = new EnsembleSummary(usRussia);
    Ensemble.run(usRussia, 1, 200, 2, s, null);
    assertThat(s.runs()).isEqualTo(200);
    for (int q = 0; q < usRussia.questionCount(); q++) {
      assertThat(s.questionCount(q)).isBetween(0L, 200L);
    }
    double nuclear = s.outcomeProbability(Outcome.LIMITED_NUCLEAR)
        + s.outcomeProbability(Outcome.STRATEGIC_NUCLEAR);
    assertThat(nuclear).isLessThan(0.05);
    // calibration to March 2022 - March 2024: the war goes on in most runs (no US-Russia
    // settlement happened), no NATO-Russia war
    assertThat(s.outcomeProbability(Outcome.FROZEN))
        .isGreaterThan(s.outcomeProbability(Outcome.SETTLEMENT))
        .isGreaterThan(0.45);
    assertThat(s.outcomeProbability(Outcome.CONVENTIONAL_WAR)).isLessThan(0.05);
  }

  @Test
  void fixingAMotiveChangesOnlyThatActorsDraw() {
    int rus = usRussia.scenario().actorIndex("RUS");
    CompiledModel fixed = usRussia.withFixedMotive(rus, 0);
    Simulator sim = new Simulator(fixed);
    for (int i = 0; i < 20; i++) {
      sim.run(3, i);
      assertThat(sim.motive(rus)).isZero();
    }
  }

  @Test
  void nuclearCasualtiesArePrecomputedPerTargetAndYield() {
    // every listed target with coordinates has a finite casualty estimate for each arsenal
    for (int k = 0; k < cuba.casualties.nTargets(); k++) {
      for (int a = 0; a < cuba.actorCount(); a++) {
        if (cuba.actors.strategicYieldKt(a) > 0) {
          double d = cuba.casualties.deaths(k, a, 1);
          assertThat(Double.isNaN(d) || d >= 0).isTrue();
        }
      }
    }
    int havana = -1;
    for (int k = 0; k < cuba.casualties.nTargets(); k++) {
      if (cuba.casualties.targetName(k).equals("Havana")) {
        havana = k;
      }
    }
    int usa = cuba.scenario().actorIndex("USA");
    assertThat(cuba.casualties.deaths(havana, usa, 1)).isGreaterThan(100_000);
  }

  private static int questionIndex(CompiledModel m, String id) {
    List<org.detente.scenario.Question> qs = m.scenario().questions();
    for (int i = 0; i < qs.size(); i++) {
      if (qs.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no question " + id);
  }
  @Test
  void warBetweenRussiaAndUkraineEndsOnlyInsideBothSidesBargainingRange() {
    // every settlement accepted while the two are at war must be worth at least fighting on to
    // the receiver (no quantal-response error at war), until the first ceasefire
    Pattern accepted = Pattern.compile(
        "^(UKR|RUS) accepts (RUS|UKR)'s \\S+ \\(worth (-?[0-9.]+) to it against fighting on"
            + " / holding (-?[0-9.]+)\\)$");
    int checked = 0;
    for (int run = 0; run < 40; run++) {
      List<String> notes = new ArrayList<>();
      Simulator sim = new Simulator(usRussia);
      sim.setTracer(EngineFixtures.notes((week, text) -> {
        notes.add(text);
      }));
      sim.run(1, run);
      for (String note : notes) {
        if (note.startsWith("ceasefire between") && note.contains("RUS")
            && note.contains("UKR")) {
          break;
        }
        Matcher mm = accepted.matcher(note);
        if (mm.find()) {
          checked++;
          assertThat(Double.parseDouble(mm.group(3)))
              .as("run %d: %s", run, note)
              .isGreaterThanOrEqualTo(Double.parseDouble(mm.group(4)));
        }
      }
    }
    assertThat(checked).isGreaterThan(0);
  }
}
