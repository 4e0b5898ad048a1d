package org.detente.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression against trajectories computed by KTAB's own {@code smpc} (fixtures in
 * src/test/resources/ktab, provenance there). Detente reproduces KTAB's positions exactly (to
 * 1e-9 on the 0–100 scale, i.e. the same doubles up to the text round trip) and its number of
 * turns, for every deterministic sample and option variant listed here.
 */
class KtabFixtureTest {

  static final double TOLERANCE = 1e-9;

  static Stream<Arguments> fixtures() {
    String m = "data/ktab/";
    String v = "ktab/variants/";
    List<Arguments> a = new ArrayList<>();
    a.add(Arguments.of("SOE-Pol-Comp", m + "SOE-Pol-Comp.csv"));
    a.add(Arguments.of("SOE-Policy", m + "SOE-Policy.csv"));
    a.add(Arguments.of("SOE-Competitive", m + "SOE-Competitive.csv"));
    a.add(Arguments.of("dummyData_3Dim", m + "dummyData_3Dim.csv"));
    a.add(Arguments.of("dummyData_3Dim", m + "dummyData_3Dim-no-final-comma.csv"));
    a.add(Arguments.of("dummyData_3Dim", m + "dummyData_3Dim.xml"));
    a.add(Arguments.of("dummyData_3Dim-with-identity-IdealAdjustment",
        m + "patched/dummyData_3Dim-with-identity-IdealAdjustment.xml"));
    a.add(Arguments.of("dummyData_6Dim", m + "dummyData_6Dim.csv"));
    a.add(Arguments.of("dummyData-a040", m + "dummyData-a040.csv"));
    a.add(Arguments.of("dummyData-a080", m + "dummyData-a080.csv"));
    a.add(Arguments.of("smpExample-deterministic", v + "smpExample-deterministic.xml"));
    for (String s : new String[] {
        "v01-square-markovU", "v02-quartic-markovI", "v03-octic-cubic", "v04-binaryvp-propbin",
        "v05-binaryvote", "v07-min-none-half", "v08-half-twothirds", "v09-twothirds-fullcommit",
        "v10-nocommit-s1p1", "v11-s2pmax", "v12-initrcvr", "v13-pwcomp", "v14-propcbc"}) {
      a.add(Arguments.of("dummy3-" + s, v + "dummy3-" + s + ".xml"));
    }
    return a.stream();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("fixtures")
  void matchesKtab(String expected, String input) throws IOException {
    SmpScenario sc = KtabSamples.load(getClass().getClassLoader(), input, input);
    SmpResult r = SpatialModel.run(sc);
    double[][][] k = readExpected(expected);
    assertThat(r.turns()).as("turns").isEqualTo(k.length - 1);
    double max = maxDiff(r.positions(), k, k.length);
    assertThat(max).as("max |Detente - KTAB| over all turns").isLessThanOrEqualTo(TOLERANCE);
  }

  /**
   * Under VotingRule ASymProsp the coalition strengths depend on the order of the options, and
   * KTAB's bargain queues are ordered by thread completion; only the first turn, before any
   * queue holds two competing bargains in a different order, is expected to agree.
   */
  @org.junit.jupiter.api.Test
  void asymmetricVotingAgreesUntilQueueOrderMatters() throws IOException {
    SmpScenario sc = KtabSamples.load(getClass().getClassLoader(),
        "ktab/variants/dummy3-v06b-asym-max.xml", "v06b");
    SmpResult r = SpatialModel.run(sc);
    double[][][] k = readExpected("dummy3-v06b-asym-max");
    assertThat(maxDiff(r.positions(), k, 2)).isLessThanOrEqualTo(TOLERANCE);
  }

  /**
   * KTAB needs about nine minutes per turn for the 160-actor sample on the reference machine, so
   * its run was stopped after two turns; Detente's first two turns must agree with them.
   */
  @org.junit.jupiter.api.Test
  void largestSampleAgreesForTheTurnsKtabCompleted() throws IOException {
    SmpScenario sc = KtabSamples.load("dummyData-a160.csv");
    SmpResult r = SpatialModel.run(sc, 2, 2);
    double[][][] k = readExpected("dummyData-a160-first2turns");
    assertThat(k).hasNumberOfRows(3);
    assertThat(maxDiff(r.positions(), k, 3)).isLessThanOrEqualTo(TOLERANCE);
  }

  static double maxDiff(double[][][] a, double[][][] b, int turns) {
    double max = 0;
    for (int t = 0; t < turns; t++) {
      for (int i = 0; i < b[t].length; i++) {
        for (int d = 0; d < b[t][i].length; d++) {
          max = Math.max(max, Math.abs(a[t][i][d] - b[t][i][d]));
        }
      }
    }
    return max;
  }

  /** Reads turn,actor,dim,position rows into [turn][actor][dim]. */
  static double[][][] readExpected(String name) throws IOException {
    List<double[]> rows = new ArrayList<>();
    int tMax = 0;
    int aMax = 0;
    int dMax = 0;
    try (InputStream in = KtabFixtureTest.class.getClassLoader()
            .getResourceAsStream("ktab/expected/" + name + ".csv");
        BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = br.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("turn")) {
          continue;
        }
        String[] f = line.split(",");
        double[] r = {Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
            Double.parseDouble(f[3])};
        tMax = Math.max(tMax, (int) r[0]);
        aMax = Math.max(aMax, (int) r[1]);
        dMax = Math.max(dMax, (int) r[2]);
        rows.add(r);
      }
    }
    double[][][] out = new double[tMax + 1][aMax + 1][dMax + 1];
    for (double[] r : rows) {
      out[(int) r[0]][(int) r[1]][(int) r[2]] = r[3];
    }
    return out;
  }
}
