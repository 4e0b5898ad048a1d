package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar: on standard error only, when it is a terminal or asked for, never with
 * {@code -q}; without colour under {@code NO_COLOR}; never mixed into standard output or JSON.
 */
class ProgressTest {

  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";
  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void shownOnATerminalOrWhenAskedAndNeverWhenQuiet() {
    assertThat(Progress.look(false, false, true, NO_ENV, StandardCharsets.UTF_8))
        .isEqualTo(Progress.Look.COLOUR);
    assertThat(Progress.look(false, false, false, NO_ENV, StandardCharsets.UTF_8))
        .isEqualTo(Progress.Look.NONE);
    assertThat(Progress.look(false, true, false, NO_ENV, StandardCharsets.UTF_8))
        .isEqualTo(Progress.Look.COLOUR);
    assertThat(Progress.look(true, true, true, NO_ENV, StandardCharsets.UTF_8))
        .isEqualTo(Progress.Look.NONE);
  }

  @Test
  void noColorAndPlainCharsets() {
    assertThat(Progress.look(false, false, true, Map.of("NO_COLOR", "1"),
        StandardCharsets.UTF_8)).isEqualTo(Progress.Look.PLAIN);
    // no-color.org: an empty NO_COLOR does not count
    assertThat(Progress.look(false, false, true, Map.of("NO_COLOR", ""),
        StandardCharsets.UTF_8)).isEqualTo(Progress.Look.COLOUR);
    assertThat(Progress.look(false, false, true, NO_ENV, StandardCharsets.US_ASCII))
        .isEqualTo(Progress.Look.ASCII);
  }

  @Test
  void drawsInPlaceAndEndsTheLine() {
    StringWriter err = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(err), Progress.Look.PLAIN, 80, 0, "work",
        300, " runs", 1)) {
      LongConsumer a = p.stage(100);
      LongConsumer b = p.stage(200);
      for (int i = 1; i <= 100; i++) {
        a.accept(i);
      }
      for (int i = 1; i <= 200; i++) {
        b.accept(i);
      }
    }
    String text = err.toString();
    assertThat(text).startsWith("\r").contains("work").contains("100%").contains("300/300 runs")
        .endsWith(System.lineSeparator()).doesNotContain("\u001b");
    for (String line : text.split("\r")) {
      assertThat(line.strip().length()).isLessThanOrEqualTo(80);
    }
  }

  @Test
  void colourOnlyWhenAllowed() {
    StringWriter colour = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(colour), Progress.Look.COLOUR, 80, 0, "w",
        10, "", 1)) {
      p.step(10);
    }
    StringWriter ascii = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(ascii), Progress.Look.ASCII, 80, 0, "w",
        10, "", 1)) {
      p.step(10);
    }
    assertThat(colour.toString()).contains("\u001b[");
    assertThat(ascii.toString()).doesNotContain("\u001b").matches("\\p{ASCII}*");
  }

  @Test
  void anInterruptedBarEndsItsLine() {
    StringWriter err = new StringWriter();
    Progress p = Progress.start(new PrintWriter(err), Progress.Look.PLAIN, 80, 0, "long", 1000,
        " runs", 1);
    try {
      p.step(10);
      long until = System.nanoTime() + 10_000_000_000L;
      // the drawing thread writes '\r' and the bar's text in two calls: wait for the text
      while (!err.toString().contains("long") && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      assertThat(err.toString()).as("the bar is drawn").contains("long");
      // what a shutdown (Ctrl-C) runs while the bar is open
      p.exitHook().run();
      assertThat(err.toString()).endsWith(System.lineSeparator());
      String before = err.toString();
      p.step(10);
      assertThat(err.toString()).as("nothing drawn after the line ended").isEqualTo(before);
    } finally {
      p.close();
    }
    assertThat(Progress.start(new PrintWriter(new StringWriter()), Progress.Look.NONE, 80, 0,
        "none", 1, "", 1).exitHook()).isNull();
  }

  @Test
  void shortWorkShowsNothing() {
    StringWriter err = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(err), Progress.Look.COLOUR, 80,
        Progress.DELAY_MILLIS, "quick", 10, " runs", 1)) {
      p.step(10);
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void resultsPrintedWhileTheBarRunsKeepWholeLines() {
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(err), Progress.Look.PLAIN, 60, 0, "bench",
        2, " steps", 1)) {
      PrintWriter lines = p.lines(new PrintWriter(out));
      lines.print("  10");
      lines.flush();
      // a partial line waits, so that the bar cannot be drawn over it
      assertThat(out.toString()).isEmpty();
      p.step(1);
      lines.printf(" %8.3f%n", 1.5);
      p.step(1);
      lines.print("last");
    }
    assertThat(out.toString()).isEqualTo("  10    1.500" + System.lineSeparator() + "last");
    // the bar is erased at the end, not left under the results
    assertThat(err.toString()).endsWith("\r" + " ".repeat(59) + "\r");
  }

  @Test
  void askedForTheBarGoesToStandardErrorAndNotIntoJson() throws Exception {
    CliRun.Result plain = CliRun.exec("run", CUBA, "-n", "40", "-t", "2", "-j", "--no-timing");
    CliRun.Result withBar = CliRun.exec("run", CUBA, "-n", "40", "-t", "2", "-j", "--no-timing",
        "--progress");
    assertThat(plain.err()).isEmpty();
    assertThat(withBar.code()).isZero();
    assertThat(withBar.out()).isEqualTo(plain.out());
    new ObjectMapper().readTree(withBar.out());
    assertThat(withBar.err()).contains("run").contains("100%").contains("40/40 runs");
    CliRun.Result quiet = CliRun.exec("run", CUBA, "-n", "40", "-j", "--progress", "-q");
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void theReportCountsItsEnsemblesAndTornado(@TempDir Path tmp) {
    // 10 baseline runs, then 5 tornado runs at the base point and at both ends of each factor
    CliRun.Result report = CliRun.exec("report", CUBA, "-n", "10", "--tornado-runs", "5",
        "--tornado-parameters", "declared", "-o", tmp.resolve("r").toString(), "--progress");
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.err()).contains("report").contains("100%");
    assertThat(report.out()).doesNotContain("\r");
  }

  @Test
  void everyLongCommandDrawsTheSameBar() {
    CliRun.Result compare = CliRun.exec("compare", CUBA, "-p", "no-back-channel", "-n", "20",
        "--progress");
    assertThat(compare.code()).isZero();
    assertThat(compare.err()).contains("compare").contains("40/40 runs");
    CliRun.Result hypotheses = CliRun.exec("hypotheses", "scenarios/us-russia-2022.yaml",
        "--evidence", "evidence/us-russia-2022.yaml", "-n", "10", "--progress");
    assertThat(hypotheses.code()).isZero();
    assertThat(hypotheses.err()).contains("hypotheses").contains("100%");
    CliRun.Result sensitivity = CliRun.exec("sensitivity", CUBA, "--method", "morris",
        "--samples", "2", "--runs-per-point", "5", "--parameter", "qreLambda", "--progress");
    assertThat(sensitivity.code()).isZero();
    // 2 trajectories of 2 points, 5 runs each
    assertThat(sensitivity.err()).contains("sensitivity").contains("20/20 runs");
    CliRun.Result bargain = CliRun.exec("bargain",
        "src/main/resources/data/ktab/SOE-Pol-Comp.csv", "--progress");
    assertThat(bargain.code()).isZero();
    assertThat(bargain.err()).contains("bargain").contains("turns");
    for (CliRun.Result r : new CliRun.Result[] {compare, hypotheses, sensitivity, bargain}) {
      assertThat(r.out()).doesNotContain("\r").doesNotContain("%|");
    }
  }

  @Test
  void theSplittingEstimateDrawsTheSameBarOnStandardErrorOnly() throws Exception {
    String[] args = {"run", CUBA, "-n", "10", "-t", "2", "-j", "--no-timing", "--rare",
        "deal-within-4-weeks", "--rare-particles", "20", "--rare-budget", "3000w"};
    CliRun.Result plain = CliRun.exec(args);
    CliRun.Result withBar = CliRun.exec(with(args, "--progress"));
    assertThat(plain.err()).isEmpty();
    assertThat(withBar.code()).as(withBar.err()).isZero();
    assertThat(withBar.out()).isEqualTo(plain.out());
    new ObjectMapper().readTree(withBar.out());
    // the ensemble's bar, then the estimate's: the share of its budget and its error so far
    assertThat(withBar.err()).contains("10/10 runs").contains("run --rare")
        .contains("100/100%").containsPattern("RE [0-9.]+%, [0-9]+ replications");
    CliRun.Result quiet = CliRun.exec(with(args, "--progress", "-q"));
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).isEqualTo(plain.out());
  }

  private static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
