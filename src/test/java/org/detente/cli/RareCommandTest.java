package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.detente.cli.CliRun.Result;
import org.junit.jupiter.api.Test;

/**
 * {@code --rare}: the JSON object run writes, the same answer for any thread count, a surviving
 * trajectory that explain replays to the event, and usage errors for a bad target or budget.
 */
class RareCommandTest {

  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";

  private static JsonNode rare(String threads) throws Exception {
    Result r = CliRun.exec("run", CUBA, "--runs", "20", "--threads", threads, "-q", "--json",
        "--no-timing", "--rare", "deal-within-4-weeks", "--rare-particles", "20",
        "--rare-error", "0.001", "--rare-budget", "6000w");
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out()).get("rare");
  }

  @Test
  void runWritesTheEstimateWithItsIntervalAndWhatPlainMonteCarloWouldNeed() throws Exception {
    JsonNode o = rare("1");
    for (String k : new String[] {"p", "lo", "hi", "relativeError", "effectiveSampleSize",
        "simulatedWeeks", "bruteForceRuns", "replications", "levels", "paths"}) {
      assertThat(o.has(k)).as(k).isTrue();
    }
    double p = o.get("p").asDouble();
    assertThat(p).isBetween(o.get("lo").asDouble(), o.get("hi").asDouble());
    assertThat(p).isBetween(0.2, 0.9); // plain runs: 0.55 [0.53, 0.57]
    assertThat(o.get("simulatedWeeks").asLong()).isGreaterThanOrEqualTo(6000);
    assertThat(o.get("stop").asText()).isEqualTo("weeks");
    double re = o.get("relativeError").asDouble();
    assertThat(o.get("bruteForceRuns").asDouble())
        .isCloseTo(Math.ceil((1 - p) / (p * re * re)),
            org.assertj.core.data.Offset.offset(1.0));
    assertThat(rare("2")).isEqualTo(o);

    String replay = o.get("paths").get(0).get("replay").asText();
    assertThat(replay).startsWith("detente explain " + CUBA + " --seed 1 --split-path ");
    String path = replay.substring(replay.indexOf("--split-path ") + 13).split(" ")[0];
    assertThat(replay).endsWith(" --rare-tilt 0.05");
    Result ex = CliRun.exec("explain", CUBA, "--seed", "1", "--split-path", path,
        "--rare-tilt", "0.05");
    assertThat(ex.code()).as(ex.err()).isZero();
    assertThat(ex.out()).contains("Splitting trajectory " + path);
  }

  @Test
  void compareGivesEachArmsEstimateAndTheirDifferencePairedByReplication() throws Exception {
    Result r = CliRun.exec("compare", CUBA, "--baseline", "--policy", "no-back-channel",
        "--runs", "20", "-q", "--json", "--rare", "deal-within-4-weeks", "--rare-particles",
        "20", "--rare-budget", "4000w");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode arms = new ObjectMapper().readTree(r.out()).get("rare").get("arms");
    JsonNode base = arms.get("baseline");
    JsonNode arm = arms.get("no-back-channel");
    assertThat(arm.get("replications").asInt()).isEqualTo(base.get("replications").asInt());
    double diff = arm.get("diff").asDouble();
    assertThat(diff).isCloseTo(arm.get("p").asDouble() - base.get("p").asDouble(),
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(diff).isBetween(arm.get("diffLo").asDouble(), arm.get("diffHi").asDouble());
  }

  @Test
  void compareTablePrintsEachArmAndThePairedDifferenceWithItsInterval() throws Exception {
    String[] args = {"compare", CUBA, "--baseline", "--policy", "no-back-channel", "--runs",
        "20", "-q", "--rare", "deal-within-4-weeks", "--rare-particles", "20", "--rare-budget",
        "4000w"};
    Result text = CliRun.exec(args);
    assertThat(text.code()).as(text.err()).isZero();
    Result json = CliRun.exec(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.stream.Stream.of("--json")).toArray(String[]::new));
    JsonNode rare = new ObjectMapper().readTree(json.out()).get("rare");
    JsonNode base = rare.get("arms").get("baseline");
    JsonNode arm = rare.get("arms").get("no-back-channel");
    String out = text.out();
    assertThat(out).contains("Rare event deal-within-4-weeks by multilevel splitting ("
        + base.get("replications").asInt() + " replications per arm, the same clone seeds in"
        + " every arm; 95% intervals):");
    String baseRow = line(out, "  baseline ");
    String armRow = line(out, "  no-back-channel ");
    assertThat(baseRow).contains("p " + RareOptions.sci(base.get("p").asDouble()) + " ["
        + RareOptions.sci(base.get("lo").asDouble()) + ", "
        + RareOptions.sci(base.get("hi").asDouble()) + "]").doesNotContain("diff");
    // the arm's row: its estimate and interval, then arm - baseline paired by replication
    assertThat(armRow).contains("p " + RareOptions.sci(arm.get("p").asDouble()) + " [")
        .contains("diff " + RareOptions.signed(arm.get("diff").asDouble()) + " ["
            + RareOptions.signed(arm.get("diffLo").asDouble()) + ", "
            + RareOptions.signed(arm.get("diffHi").asDouble()) + "]");
    assertThat(arm.get("diffLo").asDouble()).isLessThan(arm.get("diffHi").asDouble());
  }

  @Test
  void reportShowsTheEstimateItsIntervalAndThePathsWithTheirReplayCommands(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String[] rareArgs = {"--rare", "deal-within-4-weeks", "--rare-particles", "20",
        "--rare-budget", "4000w"};
    Result rep = CliRun.exec(java.util.stream.Stream.concat(java.util.stream.Stream.of(
        "report", CUBA, "--runs", "20", "--seed", "4", "--tornado-runs", "0", "-q", "--out",
        dir.resolve("rep").toString()), java.util.Arrays.stream(rareArgs))
        .toArray(String[]::new));
    assertThat(rep.code()).as(rep.err()).isZero();
    String html = java.nio.file.Files.readString(dir.resolve("rep/report.html"));
    assertThat(html).contains("<a href=\"#rare\">Rare event</a>");
    String sec = html.substring(html.indexOf("<section id=\"rare\">"));
    sec = sec.substring(0, sec.indexOf("</section>"));
    // the same estimate as run --rare with the same seed and settings
    Result run = CliRun.exec(java.util.stream.Stream.concat(java.util.stream.Stream.of("run",
        CUBA, "--runs", "1", "--seed", "4", "-q", "--json", "--no-timing"),
        java.util.Arrays.stream(rareArgs)).toArray(String[]::new));
    JsonNode o = new ObjectMapper().readTree(run.out()).get("rare");
    assertThat(sec).contains("<h2>Rare event: deal-within-4-weeks</h2>")
        .contains(o.get("replications").asInt() + " independent replications, "
            + String.format(java.util.Locale.ROOT, "%,d", o.get("simulatedWeeks").asLong())
            + " simulated weeks")
        .contains("<td class=\"n\">" + RareOptions.sci(o.get("p").asDouble()) + "</td>"
            + "<td class=\"n\">[" + RareOptions.sci(o.get("lo").asDouble()) + ", "
            + RareOptions.sci(o.get("hi").asDouble()) + "]</td><td class=\"n\">"
            + RareOptions.pct(o.get("relativeError").asDouble()) + "</td>")
        .contains("<h3>Most likely paths</h3>");
    // every path's row: its probability, how it went, and the explain command that replays it
    JsonNode paths = o.get("paths");
    assertThat(paths.size()).isPositive();
    for (int i = 0; i < Math.min(8, paths.size()); i++) {
      JsonNode p = paths.get(i);
      assertThat(sec).contains("<tr><td class=\"n\">" + RareOptions.sci(p.get("p").asDouble())
          + "</td><td>" + p.get("path").asText() + "</td><td><code>"
          + p.get("replay").asText() + "</code></td></tr>");
    }
    String replay = paths.get(0).get("replay").asText();
    assertThat(replay).startsWith("detente explain " + CUBA + " --seed 4 --split-path ");
    String[] words = replay.substring("detente ".length()).split(" ");
    Result ex = CliRun.exec(words);
    assertThat(ex.code()).as(ex.err()).isZero();
    assertThat(ex.out()).contains("Splitting trajectory " + paths.get(0).get("splitPath")
        .asText());
  }

  @Test
  void sensitivityRanksParametersByTheirEffectOnLog10OfTheNuclearUseEstimate()
      throws Exception {
    String[] args = {"sensitivity", "scenarios/us-russia-2022.yaml", "--method", "morris",
        "--samples", "2", "--parameter", "nuclearTabooCost", "--parameter",
        "perceivedEscalationRisk", "-q", "--rare", "nuclear_use", "--rare-particles", "20",
        "--rare-budget", "3000w", "--threads", "2"};
    Result text = CliRun.exec(args);
    assertThat(text.code()).as(text.err()).isZero();
    Result json = CliRun.exec(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.stream.Stream.of("--json")).toArray(String[]::new));
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("output").asText()).isEqualTo("log10 P(nuclear_use)");
    double min = root.get("outputMin").asDouble();
    double max = root.get("outputMax").asDouble();
    assertThat(min).isLessThan(max); // the estimate moved over the design points
    assertThat(max).isLessThanOrEqualTo(0);
    JsonNode ps = root.get("parameters");
    assertThat(ps.size()).isEqualTo(2);
    // an elementary effect is a change of the output over one Morris step, delta = p / (2(p-1))
    // of the range (2/3 at the default 4 levels), scaled to the whole range: at most the
    // output's spread over the design points divided by delta
    int levels = root.get("morrisLevels").asInt();
    double delta = levels / (2.0 * (levels - 1));
    double prev = Double.POSITIVE_INFINITY;
    String out = text.out();
    assertThat(out).contains("Effects are in decades of the rare-event probability (log10 of"
        + " its multilevel-splitting estimate) per whole range of the parameter; ranked by"
        + " Morris mu*.");
    int at = out.indexOf("rank ");
    for (int i = 0; i < ps.size(); i++) {
      JsonNode p = ps.get(i);
      double muStar = p.get("mu_star").asDouble();
      // finite effects, in decades, ranked from the largest
      assertThat(muStar).isFinite().isLessThanOrEqualTo(prev)
          .isGreaterThanOrEqualTo(Math.abs(p.get("mu").asDouble()) - 1e-12)
          .isLessThanOrEqualTo((max - min) / delta + 1e-12);
      assertThat(p.get("sigma").asDouble()).isFinite();
      prev = muStar;
      String row = line(out.substring(at), (i + 1) + "    " + p.get("name").asText());
      assertThat(row).contains(String.format(java.util.Locale.ROOT, "%8.4f %+8.4f", muStar,
          p.get("mu").asDouble()));
    }
    assertThat(out).contains(String.format(java.util.Locale.ROOT,
        "log10 P(nuclear_use) ranged from %.2f to %.2f over the design points.", min, max));
    // every design point's estimate, in JSON, and their precision in the text
    JsonNode pts = root.get("rarePoints");
    assertThat(pts.size()).isEqualTo(root.get("points").asInt());
    int bounds = 0;
    double lowest = Double.POSITIVE_INFINITY;
    for (JsonNode pt : pts) {
      assertThat(pt.get("parameters").size()).isEqualTo(2);
      double p = pt.get("p").asDouble();
      boolean bound = pt.get("upperBoundUsed").asBoolean();
      assertThat(bound).isEqualTo(p == 0);
      bounds += bound ? 1 : 0;
      lowest = Math.min(lowest, Math.log10(bound ? pt.get("hi").asDouble() : p));
    }
    assertThat(lowest).isCloseTo(min, within(1e-12));
    assertThat(out).contains(String.format(java.util.Locale.ROOT,
        "; %d of %d points with no trajectory at the event", bounds, pts.size()));
    // the bootstrap half-width of mu*, in the text and the JSON
    assertThat(out).contains("mu*+-95%");
    for (JsonNode p : ps) {
      assertThat(p.get("mu_star_conf").asDouble()).isFinite().isNotNegative();
    }
  }

  private static String line(String text, String start) {
    for (String l : text.split("\n")) {
      if (l.startsWith(start)) {
        return l;
      }
    }
    throw new AssertionError("no line starting with '" + start + "' in:\n" + text);
  }

  @Test
  void benchRareSetsTheSplittingEstimateAgainstPlainRunsInTheSameTime() throws Exception {
    String[] args = {"bench", "rare", "--scenario", CUBA, "--rare", "deal-within-4-weeks",
        "--rare-particles", "20", "--rare-error", "0.001", "--rare-budget", "3000w", "--repeats", "2", "-q"};
    Result json = CliRun.exec(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.stream.Stream.of("--json")).toArray(String[]::new));
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode o = new ObjectMapper().readTree(json.out());
    assertThat(o.get("target").asText()).isEqualTo("deal-within-4-weeks");
    JsonNode blocks = o.get("blocks");
    assertThat(blocks.size()).isEqualTo(2);
    double[] gains = new double[2];
    for (int b = 0; b < 2; b++) {
      JsonNode x = blocks.get(b);
      JsonNode sp = x.get("splitting");
      JsonNode pl = x.get("plain");
      assertThat(sp.get("stop").asText()).isEqualTo("weeks");
      // plain runs fill at least the splitting estimate's time, in batches of 500
      assertThat(pl.get("seconds").asDouble()).isGreaterThanOrEqualTo(
          sp.get("seconds").asDouble());
      assertThat(pl.get("runs").asLong() % 500).isZero();
      assertThat(pl.get("p").asDouble()).isCloseTo(pl.get("hits").asDouble()
          / pl.get("runs").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
      double p = pl.get("p").asDouble();
      assertThat(pl.get("relativeError").asDouble()).isCloseTo(
          Math.sqrt((1 - p) / (pl.get("runs").asDouble() * p)),
          org.assertj.core.data.Offset.offset(1e-12));
      // plain runs for the splitting estimate's relative error, at the plain side's rate (the
      // JSON's bruteForceRuns is rounded up to a whole run)
      double rate = pl.get("runsPerSecond").asDouble();
      double need = sp.get("bruteForceRuns").asDouble() / rate;
      assertThat(x.get("plainSecondsForSplittingError").asDouble()).isCloseTo(need,
          org.assertj.core.data.Offset.offset(1 / rate));
      gains[b] = x.get("gain").asDouble();
      double secs = sp.get("seconds").asDouble();
      assertThat(gains[b]).isCloseTo(need / secs,
          org.assertj.core.data.Offset.offset(1 / rate / secs));
    }
    assertThat(o.get("medianGain").asDouble()).isCloseTo((gains[0] + gains[1]) / 2,
        org.assertj.core.data.Offset.offset(1e-9));
    Result text = CliRun.exec(args);
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("bench rare: cuban-missile-crisis-1962, deal-within-4-weeks")
        .contains("block 1").contains("block 2").contains("  splitting    p ")
        .contains("  plain runs   p ").contains("plain runs for the splitting estimate's"
            + " relative error").contains("gain over plain runs").contains("load average");
  }

  @Test
  void badTargetOrBudgetIsAUsageError() {
    Result r = CliRun.exec("run", CUBA, "--runs", "1", "-q", "--rare", "nuclear-war");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown --rare target 'nuclear-war'").contains("nuclear_use")
        .contains("deal-within-4-weeks");
    Result b = CliRun.exec("run", CUBA, "--runs", "1", "-q", "--rare", "nuclear_use",
        "--rare-budget", "ten");
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains("--rare-budget 'ten'");
    Result e = CliRun.exec("explain", CUBA, "--split-path", "1:2,x");
    assertThat(e.code()).isEqualTo(2);
    assertThat(e.err()).contains("--split-path '1:2,x'");
  }
}
