package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.detente.cli.Models;
import org.detente.model.Action;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The questions about holding a theater at a week or through a window, about a war ended by a
 * deal or ceasefire, and about deaths above a number, answered on runs of a constructed crisis
 * (an island seized in week 2, scripted) and checked against what each run shows week by week:
 * who controls the island after every week, the deaths so far, and the ceasefires the
 * narrative reports.
 */
class QuestionKindsTest {

  private static final Path FILE = Path.of("src/test/resources/scenarios/questions.yaml");

  /** What one run shows week by week. */
  private static final class Course {
    final List<Integer> control = new ArrayList<>(); // controller of ISLE, by checked week
    final List<Double> deaths = new ArrayList<>(); // all deaths so far, by checked week
    final List<Double> sthDeaths = new ArrayList<>();
    final List<Integer> ceasefireWeeks = new ArrayList<>(); // wars ended by agreement
    final List<Integer> concessionWeeks = new ArrayList<>(); // ratified concessions
    final List<String> concessionPairs = new ArrayList<>();
  }

  @Test
  void answersMatchEachRunsCourse() {
    Scenario sc = ScenarioLoader.load(FILE);
    CompiledModel m = Models.compile(sc, ModelParameters.from(sc));
    Simulator sim = new Simulator(m);
    int nrd = sc.actorIndex("NRD");
    int sth = sc.actorIndex("STH");
    int isle = sc.theaterIndex("ISLE");
    Course[] course = new Course[1];
    sim.setTracer(EngineFixtures.notes((week, text) -> {
      if (text.equals("ceasefire between NRD and STH")
          || text.equals("ceasefire between STH and NRD")) {
        course[0].ceasefireWeeks.add(week);
      }
      if (text.matches("\\S+'s concession to \\S+ stands .*")) {
        course[0].concessionWeeks.add(week);
        course[0].concessionPairs.add(text.substring(0, text.indexOf('\'')) + ">"
            + text.split(" ")[3]);
      }
    }));
    int ended = 0;
    int notEnded = 0;
    int seized = 0;
    for (int i = 0; i < 300; i++) {
      Course c = new Course();
      course[0] = c;
      sim.start(Rng.runSeed(11, i), i);
      RunState st = sim.state();
      record(c, st, sim, sth, isle, m);
      while (!sim.done()) {
        sim.advance();
        record(c, st, sim, sth, isle, m);
      }
      sim.continueRun();
      // holds at a week: the controller after that week's steps (week 0 also at the start)
      assertThat(sim.question(0)).isEqualTo(heldThrough(c, nrd, 1, 1, st));
      assertThat(sim.question(0)).isFalse(); // the island is seized in week 2
      assertThat(sim.question(1)).isEqualTo(heldThrough(c, nrd, 3, 3, st));
      assertThat(sim.question(2)).isEqualTo(heldThrough(c, nrd, 3, 20, st));
      assertThat(sim.question(3)).isTrue();
      assertThat(sim.question(4)).isEqualTo(heldThrough(c, sth, 0, 5, st));
      boolean endedByDeal = !c.ceasefireWeeks.isEmpty();
      assertThat(sim.question(5)).isEqualTo(endedByDeal);
      assertThat(sim.question(6))
          .isEqualTo(c.ceasefireWeeks.stream().anyMatch(w -> w <= 10));
      assertThat(sim.question(7)).isEqualTo(c.deaths.get(c.deaths.size() > 2 ? 2 : 1) > 0);
      assertThat(sim.question(8)).isEqualTo(c.deaths.stream().anyMatch(d -> d > 100));
      assertThat(sim.question(9)).isEqualTo(c.sthDeaths.stream().anyMatch(d -> d > 100));
      // an accepted ceasefire or deal is logged when accepted; a concession that stands as an
      // agreement
      for (int w : c.ceasefireWeeks) {
        assertThat(hasEvent(sim, w, Action.CEASEFIRE)).isTrue();
        assertThat(hasEvent(sim, w, Action.AGREEMENT) || proposalAccepted(sim, w)
            || dealProposalAccepted(sim, w)).isTrue();
      }
      for (int k = 0; k < c.concessionWeeks.size(); k++) {
        String[] pair = c.concessionPairs.get(k).split(">");
        assertThat(hasEvent(sim, c.concessionWeeks.get(k), Action.AGREEMENT,
            sc.actorIndex(pair[0]), sc.actorIndex(pair[1]))).isTrue();
      }
      if (endedByDeal) {
        ended++;
      } else {
        notEnded++;
      }
      if (sim.question(1)) {
        seized++;
      }
    }
    assertThat(ended).isPositive();
    assertThat(notEnded).isPositive();
    assertThat(seized).isGreaterThan(150);
  }

  /**
   * Records the state after week {@code control.size()-1} (the start of the run counts as week
   * 0 too, so week 0 has two entries).
   */
  private static void record(Course c, RunState st, Simulator sim, int sth, int isle,
      CompiledModel m) {
    c.control.add(st.control[isle]);
    double all = 0;
    for (int a = 0; a < m.nA; a++) {
      for (CasualtyKind k : CasualtyKind.values()) {
        all += sim.deaths(a, k);
      }
    }
    double s = 0;
    for (CasualtyKind k : CasualtyKind.values()) {
      s += sim.deaths(sth, k);
    }
    c.deaths.add(all);
    c.sthDeaths.add(s);
  }

  /** Whether actor held the island at every check of weeks from..to (entry k+1 is week k). */
  private static boolean heldThrough(Course c, int actor, int from, int to, RunState st) {
    if (from == 0 && c.control.get(0) != actor) {
      return false;
    }
    for (int w = from; w <= to; w++) {
      int k = Math.min(w + 1, c.control.size() - 1); // a settled run keeps its last state
      if (c.control.get(k) != actor) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasEvent(Simulator sim, int week, Action act) {
    for (int e = 0; e < sim.eventCount(); e++) {
      if (sim.eventWeek(e) == week && sim.eventAction(e) == act) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasEvent(Simulator sim, int week, Action act, int a, int b) {
    for (int e = 0; e < sim.eventCount(); e++) {
      if (sim.eventWeek(e) == week && sim.eventAction(e) == act && sim.eventActor(e) == a
          && sim.eventTarget(e) == b) {
        return true;
      }
    }
    return false;
  }

  /**
   * A deal or offer accepted at war in that week: the ceasefire logged right after it, the terms
   * left to rounds of talks.
   */
  private static boolean dealProposalAccepted(Simulator sim, int week) {
    for (int e = 1; e < sim.eventCount(); e++) {
      Action prev = sim.eventAction(e - 1);
      if (sim.eventWeek(e) == week && sim.eventAction(e) == Action.CEASEFIRE
          && sim.eventWeek(e - 1) == week && (prev == Action.NEGOTIATE || prev == Action.OFFER)) {
        return true;
      }
    }
    return false;
  }

  /** A ceasefire proposal in that week (accepted: the war ended). */
  private static boolean proposalAccepted(Simulator sim, int week) {
    int n = 0;
    for (int e = 0; e < sim.eventCount(); e++) {
      if (sim.eventWeek(e) == week && sim.eventAction(e) == Action.CEASEFIRE) {
        n++;
      }
    }
    return n >= 2; // the proposal and the ceasefire that ended the war
  }
}
