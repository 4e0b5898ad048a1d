package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.detente.scenario.Actor;
import org.detente.scenario.ActorKind;
import org.detente.scenario.Arsenal;
import org.detente.scenario.Channel;
import org.detente.scenario.Doctrine;
import org.detente.scenario.Force;
import org.detente.scenario.Meta;
import org.detente.scenario.Motive;
import org.detente.scenario.Relation;
import org.detente.scenario.Resolve;
import org.detente.scenario.Route;
import org.detente.scenario.RouteMode;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScriptedEvent;
import org.detente.scenario.Terrain;
import org.detente.scenario.Theater;
import org.detente.scenario.TheaterStake;

/**
 * Invariants of movement: deployments along a route and across a border conserve forces, never
 * leave a negative force anywhere, and forces in transit are at neither end until they arrive,
 * exactly the route's transit time after they left.
 */
class MovementProperties {

  /**
   * Actor A (HOME, with a land border to NEXT) and a friendly B; a sea route HOME–ISLE of the
   * given transit time and capacity. A deploys to ISLE at each of the given weeks and to NEXT at
   * week 1; nobody is hostile, so nothing else moves.
   */
  static Scenario scenario(int steps, double capacity, double troops, List<Integer> weeks) {
    Theater home = new Theater("HOME", "Home", List.of("NEXT"), "A", "A", Terrain.OPEN, 50, 0,
        List.of());
    Theater next = new Theater("NEXT", "Next door", List.of("HOME"), "A", "A", Terrain.OPEN, 50, 2,
        List.of());
    Theater isle = new Theater("ISLE", "Island", List.of(), "A", "A", Terrain.MIXED, -50, -60,
        List.of());
    Theater far = new Theater("FARB", "B's home", List.of(), "B", "B", Terrain.OPEN, 0, 100,
        List.of());
    Motive keep = new Motive("keep", "keeps its own", 1.0,
        List.of(new TheaterStake("HOME", 1.0), new TheaterStake("ISLE", 1.0)), 0, null, 0, 0,
        List.of());
    Actor a = new Actor("A", "State A", ActorKind.STATE, List.of(), 50, 1000, 20, 0,
        List.of(new Force("HOME", troops, 1.2)), Arsenal.NONE, Doctrine.NONE, Resolve.KNOWN,
        List.of(keep));
    Actor b = new Actor("B", "State B", ActorKind.STATE, List.of(), 50, 1000, 20, 0,
        List.of(new Force("FARB", 10, 1.0)), Arsenal.NONE, Doctrine.NONE, Resolve.KNOWN,
        List.of(new Motive("calm", "calm", 1.0, List.of(), 0, null, 0, 0, List.of())));
    List<ScriptedEvent> events = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      events.add(new ScriptedEvent("sail-" + i, weeks.get(i), "A", null, "deploy", "ISLE",
          "sails", null));
    }
    events.add(new ScriptedEvent("cross", 1, "A", null, "deploy", "NEXT", "crosses", null));
    events.sort(java.util.Comparator.comparingInt(ScriptedEvent::week));
    Meta meta = new Meta("movement", "Movement", "test fixture", null, LocalDate.of(2000, 1, 3), 7,
        30, List.of());
    return new Scenario(meta, List.of(a, b), List.of(home, next, isle, far),
        List.of(new Relation("A", "B", Channel.OPEN, 0.0, 0.0, null)), List.of(), List.of(),
        events, List.of(), List.of(), List.of(), List.of(),
        List.of(new Route("HOME", "ISLE", steps, RouteMode.SEA, capacity)));
  }

  @Property(tries = 60)
  void forcesAreConservedNeverNegativeAndArriveAfterExactlyTheTransitTime(
      @ForAll @IntRange(min = 1, max = 8) int steps,
      @ForAll @DoubleRange(min = 0.5, max = 300) double capacity,
      @ForAll @DoubleRange(min = 1, max = 500) double troops,
      @ForAll @IntRange(min = 0, max = 6) int first,
      @ForAll @IntRange(min = 0, max = 4) int gap,
      @ForAll @LongRange(min = 0, max = 1000) long seed) {
    List<Integer> weeks = List.of(first, first + gap);
    CompiledModel m = EngineFixtures.compile(scenario(steps, capacity, troops, weeks));
    Simulator sim = new Simulator(m);
    sim.start(seed, 0);
    RunState s = sim.state();
    int home = 0;
    int next = 1;
    int isle = 2;
    double total = troops;
    double expectedIsle = 0;
    double[] arriving = new double[40];
    double lastHome = troops;
    double lastNext = 0;
    double lastTransit = 0;
    while (!sim.done()) {
      int w = s.week;
      sim.advance();
      double h = sim.forces(0, home);
      double n = sim.forces(0, next);
      double i = sim.forces(0, isle);
      double tr = s.inTransit[0];
      assertThat(h).isGreaterThanOrEqualTo(0);
      assertThat(n).isGreaterThanOrEqualTo(0);
      assertThat(i).isGreaterThanOrEqualTo(0);
      assertThat(tr).isGreaterThanOrEqualTo(0);
      assertThat(h + n + i + tr).as("week %d", w).isCloseTo(total, within(1e-9 * total));
      // what left for the island this week, at most the route's weekly capacity; the week's
      // departures travel for exactly `steps` weeks
      double sailed = lastHome + lastNext - h - n; // home and next lose only to the island
      if (sailed > 1e-12) {
        arriving[w + steps] += sailed;
        assertThat(sailed).isLessThanOrEqualTo(capacity + 1e-9);
      }
      expectedIsle += arriving[w];
      assertThat(i).as("island at week %d", w).isCloseTo(expectedIsle, within(1e-9 * total));
      lastHome = h;
      lastNext = n;
      lastTransit = tr;
    }
    assertThat(lastTransit).isGreaterThanOrEqualTo(0);
    assertThat(lastNext).as("forces crossed the border into NEXT at once").isPositive();
  }
}
