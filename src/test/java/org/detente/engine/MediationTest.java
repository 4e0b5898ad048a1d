package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * The same crisis with different mediators (src/test/resources/scenarios/actors/mediation.yaml:
 * A and B at hostility 0.6 with public commitments of 0.8 over one issue, A at 0 and B at 100;
 * MA and MB great powers close to A and to B, MW a small neutral state). Pins what the model
 * says (docs/model.md, "Mediators"): the leverage and credibility derived from capability and
 * alignment, the deal point pulled toward the side the mediator leans to by L·|β|·offerShift,
 * more and earlier settlements under a credible, powerful mediator than under a weak one or
 * none, and nothing changed by a mediator without credibility or leverage.
 */
class MediationTest {

  private static final Path FILE = Path.of("src/test/resources/scenarios/actors/mediation.yaml");
  private static final int RUNS = 300;

  @TempDir Path dir;

  private CompiledModel model(String mediator) throws IOException {
    String yaml = Files.readString(FILE).replace("mediator: MA}", "mediator: " + mediator + "}");
    Path f = dir.resolve("mediation-" + mediator.replaceAll("[^A-Za-z]", "") + ".yaml");
    Files.writeString(f, yaml);
    Scenario sc = ScenarioLoader.load(f);
    return Models.compile(sc, ModelParameters.from(sc));
  }

  private static double dealPoint(CompiledModel m) {
    return m.motives.dealPoint(0, 1, 0);
  }

  @Test
  void leverageAndCredibilityFollowCapabilityAndAlignment() throws IOException {
    CompiledModel m = model("MA");
    int ab = 0 * m.nA + 1;
    // L = 300 / (300 + max(50, 40))
    assertThat(m.mediation.leverage(ab)).isCloseTo(300.0 / 350.0, within(1e-12));
    // al(MA, A) = ((1 - 20/100) + (1 - 0)) / 2 = 0.9; al(MA, B) = ((1 - 80/100) + (1 - 0.4)) / 2
    assertThat(m.mediation.credibility(ab)).isCloseTo(0.9, within(1e-12));
    assertThat(m.mediation.bias(ab)).isCloseTo(0.9 - 0.4, within(1e-12));
    assertThat(m.mediation.bias(1 * m.nA + 0)).isCloseTo(-0.5, within(1e-12));
    assertThat(m.mediation.cover(ab)).isCloseTo(1 - 0.9 * 300.0 / 350.0, within(1e-12));
    CompiledModel w = model("MW");
    assertThat(w.mediation.leverage(ab)).isCloseTo(2.0 / 52.0, within(1e-12));
    assertThat(w.mediation.bias(ab)).isCloseTo(0, within(1e-12));
  }

  @Test
  void aMediatorPullsTheDealTowardTheSideItLeansTo() throws IOException {
    CompiledModel none = model("null");
    double focal = dealPoint(none);
    assertThat(focal).isEqualTo(none.motives.focalDeal(0));
    CompiledModel ma = model("MA");
    CompiledModel mb = model("MB");
    CompiledModel mw = model("MW");
    double shift = ma.constants.offerShift() * (300.0 / 350.0) * 0.5;
    // toward A's position (0) and toward B's (100), by L·|β|·offerShift of the way
    assertThat(dealPoint(ma)).isCloseTo(focal + shift * (0 - focal), within(1e-9));
    assertThat(dealPoint(mb)).isCloseTo(focal + shift * (100 - focal), within(1e-9));
    assertThat(dealPoint(mw)).isCloseTo(focal, within(1e-9));
    // A values the deal under MA more than under MB; B the reverse
    assertThat(ma.motives.uDeal(0, 0, 1)).isGreaterThan(mb.motives.uDeal(0, 0, 1));
    assertThat(ma.motives.uDeal(1, 0, 0)).isLessThan(mb.motives.uDeal(1, 0, 0));
    // the deal is the pair's: other pairs keep the focal deal
    assertThat(ma.motives.dealPoint(0, 2, 0)).isEqualTo(focal);
  }

  /** Settled runs out of RUNS, and the sum of their settlement weeks, in [0] and [1]. */
  private static long[] settlements(CompiledModel m) {
    Simulator sim = new Simulator(m);
    long[] out = new long[2];
    for (int i = 0; i < RUNS; i++) {
      sim.run(1L, i);
      if (sim.outcome() == Outcome.SETTLEMENT) {
        out[0]++;
        out[1] += sim.endWeek();
      }
    }
    return out;
  }

  @Test
  void aCrediblePowerfulMediatorBringsMoreAndEarlierDeals() throws IOException {
    long[] none = settlements(model("null"));
    long[] weak = settlements(model("MW"));
    long[] strong = settlements(model("MA"));
    long[] strongB = settlements(model("MB"));
    assertThat(strong[0]).as("settlements under MA").isGreaterThan(2 * weak[0]);
    assertThat(strongB[0]).as("settlements under MB").isGreaterThan(2 * weak[0]);
    assertThat(weak[0]).as("under MW against none").isGreaterThanOrEqualTo(none[0]);
    // sooner: the mean week of a settlement
    assertThat((double) strong[1] / strong[0]).isLessThan((double) weak[1] / weak[0]);
  }

  @Test
  void withoutAMediatorTheDealAndItsAudienceCostAreTheFocalOnes() throws IOException {
    CompiledModel none = model("null");
    CompiledModel ma = model("MA");
    double share = none.constants.dealAudienceShare();
    for (int a = 0; a < none.nA; a++) {
      for (int b = 0; b < none.nA; b++) {
        assertThat(none.mediation.audienceShare(a * none.nA + b, share)).isEqualTo(share);
        assertThat(none.motives.dealPoint(a, b, 0)).isEqualTo(none.motives.focalDeal(0));
      }
    }
    // the mediated pair's share is cut by C·L in both directions; the others' are not
    assertThat(ma.mediation.audienceShare(1, share))
        .isCloseTo(share * (1 - 0.9 * 300.0 / 350.0), within(1e-12));
    assertThat(ma.mediation.audienceShare(ma.nA, share))
        .isEqualTo(ma.mediation.audienceShare(1, share));
    assertThat(ma.mediation.audienceShare(2, share)).isEqualTo(share);
    // a mediator stated without credibility and leverage moves nothing
    CompiledModel nil = model("MA, mediation: {credibility: 0, leverage: 0}");
    assertThat(nil.mediation.audienceShare(1, share)).isEqualTo(share);
    assertThat(dealPoint(nil)).isEqualTo(none.motives.focalDeal(0));
  }
}
