package org.detente.engine;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.detente.scenario.Issue;
import org.detente.scenario.IssuePosition;
import org.detente.scenario.IssueStake;
import org.detente.scenario.Meta;
import org.detente.scenario.Motive;
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

/**
 * Random synthetic scenarios of any size, for benchmarks (how cost grows with the number of
 * actors) and property tests (the engine must work on scenarios it has never seen). Actors
 * {@code S00, S01, …} each have a home theater on a ring with chords; neighbours are rivals with
 * random hostility, channels, resolve types, motives and, for some, nuclear arsenals. The numbers
 * are arbitrary test inputs, not claims about any real state.
 */
public final class SyntheticScenarios {

  private SyntheticScenarios() {}

  /**
   * A synthetic scenario.
   *
   * @param actors  number of actors (≥ 2)
   * @param horizon weeks simulated
   * @param seed    generator seed (same seed → same scenario)
   */
  public static Scenario generate(int actors, int horizon, long seed) {
    Rng r = new Rng();
    r.seed(seed);
    int n = Math.max(2, actors);
    List<Theater> theaters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> adj = new ArrayList<>();
      if (n > 1) {
        adj.add(tid((i + 1) % n));
        adj.add(tid((i + n - 1) % n));
      }
      if (n > 6) {
        adj.add(tid((i + n / 2) % n));
      }
      String self = tid(i);
      adj.removeIf(s -> s.equals(self));
      List<String> dedup = adj.stream().distinct().toList();
      Terrain terrain = Terrain.values()[r.nextInt(5)];
      double lat = 35 + 25 * r.nextDouble();
      double lon = -10 + 70 * r.nextDouble();
      theaters.add(new Theater(tid(i), "Synthetic theater " + i, dedup, aid(i), aid(i), terrain,
          lat, lon, List.of(
              new Target("City " + i, TargetKind.CITY, null, lat, lon),
              new Target("Base " + i, TargetKind.MILITARY_BASE, null, lat + 0.5, lon + 0.5))));
    }
    List<IssuePosition> positions = new ArrayList<>();
    List<Actor> as = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Force> forces = new ArrayList<>();
      forces.add(new Force(tid(i), 50 + 250 * r.nextDouble(), 0.7 + 0.6 * r.nextDouble()));
      if (r.nextDouble() < 0.5) {
        int j = (i + 1) % n;
        forces.add(new Force(tid(j), 10 + 40 * r.nextDouble(), 0.7 + 0.6 * r.nextDouble()));
      }
      boolean nuclear = r.nextDouble() < 0.3 || i < 2;
      Arsenal ars = nuclear
          ? new Arsenal(100 + r.nextInt(1500), 100 + 400 * r.nextDouble(),
              r.nextInt(2000), 1 + 50 * r.nextDouble())
          : Arsenal.NONE;
      DoctrineKind dk = nuclear
          ? DoctrineKind.values()[1 + r.nextInt(3)] : DoctrineKind.NONE;
      Doctrine doc = nuclear
          ? new Doctrine(dk, 0.2 + 0.6 * r.nextDouble(), 0.5 + 0.5 * r.nextDouble())
          : Doctrine.NONE;
      int nb = (i + 1) % n;
      double pos = 100 * r.nextDouble();
      List<Motive> motives = List.of(
          new Motive("status-quo", "keeps what it holds", 0.6,
              List.of(new TheaterStake(tid(i), 1.0)), 0.5, null, 0, 0.3,
              List.of(new IssueStake("I0", pos, 40))),
          new Motive("revisionist", "wants its neighbour's theater", 0.4,
              List.of(new TheaterStake(tid(i), 1.0), new TheaterStake(tid(nb), 0.6)), 0.2,
              n > 2 ? aid((i + 2) % n) : null, n > 2 ? 0.2 : 0, 0.1,
              List.of(new IssueStake("I0", pos < 50 ? 0 : 100, 70))));
      positions.add(new IssuePosition(aid(i), pos, 20 + 50 * r.nextDouble(),
          1 + 9 * r.nextDouble()));
      as.add(new Actor(aid(i), "Synthetic state " + i, ActorKind.STATE, List.of(),
          5 + 200 * r.nextDouble(), 50 + 5000 * r.nextDouble(), 1 + 100 * r.nextDouble(),
          -1 + 2 * r.nextDouble(), forces, ars, doc,
          new Resolve(List.of(0.5, 1.0, 2.0), List.of(0.3, 0.4, 0.3)), motives));
    }
    List<Relation> rel = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      if (j == i || (n == 2 && i == 1)) {
        continue;
      }
      Channel ch = Channel.values()[r.nextInt(3)];
      String med = n > 2 && r.nextDouble() < 0.3 ? aid((i + 2) % n) : null;
      rel.add(new Relation(aid(i), aid(j), ch, 0.2 + 0.7 * r.nextDouble(), r.nextDouble(), med));
    }
    List<Alliance> alliances = new ArrayList<>();
    for (int i = 0; i + 2 < n; i += 4) {
      alliances.add(new Alliance("AL" + i, "Synthetic alliance " + i, List.of(
          new AllianceMember(aid(i), 0.3 + 0.6 * r.nextDouble()),
          new AllianceMember(aid(i + 2), 0.3 + 0.6 * r.nextDouble()))));
    }
    List<Question> qs = List.of(
        new Question("q-nuclear", "Any nuclear use by S00", null, QuestionKind.ACTION,
            aid(0), null, List.of("nuclear-demonstration", "nuclear-strike-forces",
                "nuclear-strike-city", "strategic-counterforce", "strategic-countervalue"),
            null, List.of(), horizon),
        new Question("q-control", "S01 controls T00", null, QuestionKind.CONTROL, aid(1), null,
            List.of(), tid(0), List.of(), horizon),
        new Question("q-severed", "S00-S01 channel severed", null, QuestionKind.CHANNEL_SEVERED,
            aid(0), aid(1), List.of(), null, List.of(), horizon),
        new Question("q-war", "War or worse", null, QuestionKind.OUTCOME, null, null, List.of(),
            null, List.of("conventional_war", "limited_nuclear", "strategic_nuclear"), horizon));
    Meta meta = new Meta("synthetic-" + n, "Synthetic scenario with " + n + " actors",
        "randomly generated for tests and benchmarks", "generated", LocalDate.of(2024, 1, 1), 7,
        horizon, List.of());
    return new Scenario(meta, as, theaters, rel, alliances,
        List.of(new Issue("I0", "Synthetic issue", "0 and 100 are the two extremes", positions)),
        List.of(), List.of(), qs, List.of());
  }

  private static String aid(int i) {
    return String.format("S%02d", i);
  }

  private static String tid(int i) {
    return String.format("T%02d", i);
  }
}
