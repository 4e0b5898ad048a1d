package org.detente.analysis;

import java.time.LocalDate;
import java.util.List;
import org.detente.scenario.Actor;
import org.detente.scenario.ActorKind;
import org.detente.scenario.Alliance;
import org.detente.scenario.AllianceMember;
import org.detente.scenario.Arsenal;
import org.detente.scenario.Channel;
import org.detente.scenario.Doctrine;
import org.detente.scenario.DoctrineKind;
import org.detente.scenario.Force;
import org.detente.scenario.Meta;
import org.detente.scenario.Motive;
import org.detente.scenario.Parameter;
import org.detente.scenario.Question;
import org.detente.scenario.QuestionKind;
import org.detente.scenario.Relation;
import org.detente.scenario.Resolve;
import org.detente.scenario.Scenario;
import org.detente.scenario.Target;
import org.detente.scenario.TargetKind;
import org.detente.scenario.Terrain;
import org.detente.scenario.Theater;
import org.detente.scenario.TheaterStake;

/** A small two-actor scenario for tests. */
public final class TestScenarios {
  private TestScenarios() {}

  public static Scenario small() {
    Actor red = new Actor("RED", "Redland", ActorKind.STATE, List.of(), 140, 1800, 80, -0.2,
        List.of(new Force("EAST", 190, 1.0)), new Arsenal(1500, 400, 1900, 10),
        new Doctrine(DoctrineKind.EXISTENTIAL, 0.5, 0.9), Resolve.KNOWN,
        List.of(
            new Motive("expand", "wants the west", 0.3, List.of(new TheaterStake("WEST", 0.8)),
                0.5, null, 0, 0, List.of()),
            new Motive("secure", "regime security", 0.7, List.of(), 0.9, null, 0, 0,
                List.of())));
    Actor blue = new Actor("BLU", "Blueland", ActorKind.STATE, List.of(), 330, 23000, 800, 0.3,
        List.of(new Force("WEST", 100, 1.2)), Arsenal.NONE, Doctrine.NONE, Resolve.KNOWN,
        List.of());
    Theater east = new Theater("EAST", "East", List.of("WEST"), "RED", "RED", Terrain.OPEN,
        50, 30, List.of(new Target("Eastgrad", TargetKind.CITY, null, 50.1, 30.2)));
    Theater west = new Theater("WEST", "West", List.of("EAST"), "BLU", "BLU", Terrain.FOREST,
        52, 20, List.of(new Target("Westburg", TargetKind.CITY, null, 52.2, 21.0)));
    return new Scenario(
        new Meta("small", "Small test crisis", "two actors", "test", LocalDate.of(2022, 3, 21),
            7, 104, List.of()),
        List.of(red, blue), List.of(east, west),
        List.of(new Relation("RED", "BLU", Channel.SEVERED, 0.7, 0.8, null)),
        List.of(new Alliance("PACT", "Pact", List.of(new AllianceMember("BLU", 0.9)))),
        List.of(), List.of(), List.of(),
        List.of(new Question("red-nuke", "RED uses a nuclear weapon within 104 weeks", null,
            QuestionKind.ACTION, "RED", null, List.of("nuclear-strike-forces"), null, List.of(),
            104)),
        List.of(new Parameter("qreLambda", 4, 1, 10, "test")));
  }

  /**
   * The small scenario compiled with flat casualties, whose actors, theaters, question and
   * horizon match {@link SyntheticRuns}' runs.
   */
  public static org.detente.engine.CompiledModel smallModel() {
    Scenario s = small();
    return org.detente.engine.CompiledModel.compile(s,
        org.detente.engine.ModelParameters.from(s),
        (lat, lon, y, air) -> new org.detente.engine.CasualtySource.Casualties(1000 * y, 0, 0),
        org.detente.engine.DealForecaster.WEIGHTED_MEAN);
  }
}
