package org.detente.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.engine.RunView;
import org.detente.model.Action;
import org.detente.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The scores of the comparison, against hand-computed values, and a model against itself. */
class EventComparisonTest {

  @Test
  void crpsOfSmallSamplesByHand() {
    // one point: CRPS = |x - y|
    assertThat(EventComparison.crps(new double[] {2}, -1)).isEqualTo(3.0);
    // {0, 1}, y = 0: E|X - y| = 0.5, E|X - X'| = (0 + 1 + 1 + 0) / 4 = 0.5, CRPS = 0.5 - 0.25
    assertThat(EventComparison.crps(new double[] {0, 1}, 0)).isCloseTo(0.25, within(1e-12));
    // {-1, 0, 1}, y = 0: E|X - y| = 2/3; E|X - X'| = (0+1+2+1+0+1+2+1+0)/9 = 8/9
    assertThat(EventComparison.crps(new double[] {-1, 0, 1}, 0))
        .isCloseTo(2.0 / 3 - 4.0 / 9, within(1e-12));
  }

  @Test
  void energyDistanceByHand() {
    List<double[]> a = List.of(new double[] {1, 0, 0, 0});
    List<double[]> b = List.of(new double[] {0, 1, 0, 0});
    assertThat(EventComparison.energy(a, a)).isEqualTo(0.0);
    assertThat(EventComparison.energy(a, b)).isCloseTo(2 * Math.sqrt(2), within(1e-12));
  }

  /** The V-statistic energy distance is never negative, and zero for a sample with itself. */
  @Property(tries = 200)
  void energyDistanceIsNonNegative(
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 1) Double> xs,
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 1) Double> ys) {
    List<double[]> x = xs.stream().map(v -> new double[] {v, 1 - v}).toList();
    List<double[]> y = ys.stream().map(v -> new double[] {v * v, 1 - v * v}).toList();
    assertThat(EventComparison.energy(x, y)).isGreaterThanOrEqualTo(-1e-12);
    assertThat(EventComparison.energy(x, x)).isCloseTo(0, within(1e-12));
  }

  /** CRPS lies between 0 and the mean absolute error of the sample. */
  @Property(tries = 200)
  void crpsIsBetweenZeroAndTheMeanAbsoluteError(
      @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = -10, max = 10) Double> xs,
      @ForAll @DoubleRange(min = -10, max = 10) double y) {
    double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double mae = Arrays.stream(s).map(v -> Math.abs(v - y)).average().orElseThrow();
    double c = EventComparison.crps(s, y);
    assertThat(c).isGreaterThanOrEqualTo(-1e-12).isLessThanOrEqualTo(mae + 1e-12);
  }

  /**
   * An observed series made of a run of the model itself, compared with an ensemble of that one
   * run: the simulated shares and counts are the observed ones and the energy distance is zero.
   */
  @Test
  void aModelAgainstItsOwnRunIsAtDistanceZero() throws IOException {
    CompiledModel m = org.detente.analysis.TestScenarios.smallModel();
    Scenario s = m.scenario();
    StringBuilder log = new StringBuilder("SQLDATE\tActor1Code\tActor2Code\tEventCode"
        + "\tGoldsteinScale\tTheater\tRun\tWeek\tAction\n");
    Ensemble.run(m, 5, 1, 1, run -> append(log, m, s, run), null);
    List<String> ids = new ArrayList<>();
    for (int a = 0; a < s.actors().size(); a++) {
      ids.add(s.actors().get(a).id());
    }
    Importer imp = new Importer(ActorMapping.ofIds(ids, ids), null, null, null,
        s.meta().asOf(), null);
    imp.read("log.tsv", new ByteArrayInputStream(log.toString()
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(imp.totals().malformed()).isZero();
    EventComparison c = new EventComparison(s, imp.series(), List.of());
    Ensemble.run(m, 5, 1, 1, c, null);
    assertThat(c.runs()).isEqualTo(1);
    for (int q = 1; q <= 4; q++) {
      assertThat(c.simulatedShare(q)[0]).isCloseTo(c.observedShare(q), within(1e-12));
    }
    for (int w = 0; w < c.weeks(); w++) {
      double[] g = c.simulatedGoldstein(w);
      if (g.length == 1) {
        assertThat(g[0]).isCloseTo(c.observedGoldstein(w), within(1e-9));
      }
    }
    assertThat(c.energyDistance()[0]).isCloseTo(0, within(1e-12));
    long obsEvents = 0;
    long simEvents = 0;
    for (int d = 0; d < c.dyads().size(); d++) {
      for (int q = 1; q <= 4; q++) {
        obsEvents += c.observedDyad(d, q);
        simEvents += c.simulatedDyad(d, q);
      }
    }
    assertThat(simEvents).isEqualTo(obsEvents).isPositive();
  }

  private static void append(StringBuilder log, CompiledModel m, Scenario s, RunView run) {
    for (int e = 0; e < run.eventCount(); e++) {
      Action a = run.eventAction(e);
      int t = run.eventTarget(e);
      if (a.cameo() == null || t < 0) {
        continue;
      }
      String date = s.meta().asOf().plusDays(7L * run.eventWeek(e)).toString().replace("-", "");
      log.append(date).append('\t').append(m.actorId(run.eventActor(e))).append('\t')
          .append(m.actorId(t)).append('\t').append(a.cameo()).append('\t')
          .append(a.goldstein()).append("\t\t").append(run.runIndex()).append('\t')
          .append(run.eventWeek(e)).append('\t').append(a.id()).append('\n');
    }
  }
}
