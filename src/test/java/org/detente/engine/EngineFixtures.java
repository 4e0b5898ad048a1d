package org.detente.engine;

import java.time.LocalDate;
import java.util.List;
import org.detente.scenario.Actor;
import org.detente.scenario.ActorKind;
import org.detente.scenario.Arsenal;
import org.detente.scenario.Channel;
import org.detente.scenario.Doctrine;
import org.detente.scenario.Force;
import org.detente.scenario.Issue;
import org.detente.scenario.IssuePosition;
import org.detente.scenario.IssueStake;
import org.detente.scenario.Meta;
import org.detente.scenario.Motive;
import org.detente.scenario.Parameter;
import org.detente.scenario.Question;
import org.detente.scenario.QuestionKind;
import org.detente.scenario.Relation;
import org.detente.scenario.Resolve;
import org.detente.scenario.Scenario;
import org.detente.scenario.Terrain;
import org.detente.scenario.Theater;
import org.detente.scenario.TheaterStake;

/** Scenario fixtures built in Java for engine tests. */
final class EngineFixtures {

  private EngineFixtures() {}

  /** A casualty model for tests: deaths grow with yield^(2/3) (blast-area scaling). */
  static final CasualtySource SCALING =
      (lat, lon, y, air) -> new CasualtySource.Casualties(
          20000 * Math.pow(y, 2.0 / 3.0), 40000 * Math.pow(y, 2.0 / 3.0), air ? 0 : 5000);

  /** What a test does with a run's notes. */
  @FunctionalInterface
  interface Notes {
    void note(int week, String text);
  }

  /** A tracer that hands every note of a run to {@code notes} and ignores the decisions. */
  static Tracer notes(Notes notes) {
    return new Tracer() {
      @Override
      public void decision(Simulator s, int week, int actor, int target, int n, int[] actions,
          int[] theaters, double[] utility, double[] prob, int chosen) {}

      @Override
      public void note(int week, String text) {
        notes.note(week, text);
      }
    };
  }

  /** Compiles with the test casualty model and the weighted-mean deal forecaster. */
  static CompiledModel compile(Scenario sc) {
    return CompiledModel.compile(sc, ModelParameters.from(sc), SCALING,
        DealForecaster.WEIGHTED_MEAN);
  }

  /**
   * Fearon's setting: A (home HA) and B (home HB) dispute theater Z held by B and one issue on
   * which they stand at 20 and 80 with equal weight (focal deal 50). Both are non-nuclear.
   *
   * @param privateInfo several resolve levels and a greedy motive for A (else one known type)
   * @param channel     diplomatic channel between them
   */
  static Scenario fearon(boolean privateInfo, Channel channel) {
    Theater ha = new Theater("HA", "Home of A", List.of("Z"), "A", "A", Terrain.OPEN, 50, 10,
        List.of());
    Theater z = new Theater("Z", "Disputed", List.of("HA", "HB"), "B", null, Terrain.OPEN, 50, 11,
        List.of());
    Theater hb = new Theater("HB", "Home of B", List.of("Z"), "B", "B", Terrain.OPEN, 50, 12,
        List.of());
    Motive moderateA = new Motive("moderate", "wants Z at modest value", privateInfo ? 0.6 : 1.0,
        List.of(new TheaterStake("HA", 1.0), new TheaterStake("Z", 0.5)), 0.5, null, 0, 0,
        List.of());
    Motive greedyA = new Motive("greedy", "wants Z badly", 0.4,
        List.of(new TheaterStake("HA", 1.0), new TheaterStake("Z", 1.0)), 0.5, null, 0, 0,
        List.of(new IssueStake("I", 0, 50)));
    Resolve resA = privateInfo
        ? new Resolve(List.of(0.5, 1.0, 4.0), List.of(0.4, 0.4, 0.2)) : Resolve.KNOWN;
    Actor a = new Actor("A", "State A", ActorKind.STATE, List.of(), 10, 100, 5, 0,
        List.of(new Force("HA", 200, 1.0)), Arsenal.NONE, Doctrine.NONE, resA,
        privateInfo ? List.of(moderateA, greedyA) : List.of(moderateA));
    Actor b = new Actor("B", "State B", ActorKind.STATE, List.of(), 10, 100, 5, 0,
        List.of(new Force("HB", 100, 1.0), new Force("Z", 20, 1.0)), Arsenal.NONE,
        Doctrine.NONE, Resolve.KNOWN,
        List.of(new Motive("defend", "keeps Z", 1.0,
            List.of(new TheaterStake("HB", 1.0), new TheaterStake("Z", 0.5)), 0.5, null, 0, 0,
            List.of())));
    Issue issue = new Issue("I", "Issue", "0 = A's way, 100 = B's way", List.of(
        new IssuePosition("A", 20, 50, 1), new IssuePosition("B", 80, 50, 1)));
    Meta meta = new Meta("fearon", "Fearon's bargaining setting", "test fixture", "Fearon 1995",
        LocalDate.of(2000, 1, 3), 7, 52, List.of());
    List<Question> qs = List.of(new Question("war", "War?", null, QuestionKind.OUTCOME, null,
        null, List.of(), null, List.of("conventional_war"), 52));
    return new Scenario(meta, List.of(a, b), List.of(ha, z, hb),
        List.of(new Relation("A", "B", channel, 0.5, 0.0, null)), List.of(), List.of(issue),
        List.of(), List.of(), qs,
        List.of(new Parameter("incidentRate", 0, 0, 0, "no incidents in this test"),
            new Parameter("qreLambda", 50, 50, 50, "near best response")));
  }
}
