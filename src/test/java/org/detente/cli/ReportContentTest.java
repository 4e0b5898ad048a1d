package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code detente report} chooses and records: the tornado's output, the Reproduce line. */
class ReportContentTest {

  private static final String US = "scenarios/us-russia-2022.yaml";
  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";

  @Test
  void defaultTornadoMeasuresTheOutputThatVariesMost(@TempDir Path dir) throws Exception {
    // nuclear_use, the old default, is 0 in every run of the seed scenario: a flat tornado
    CliRun.Result r = CliRun.exec("report", US, "--runs", "200", "--seed", "2",
        "--tornado-runs", "10", "--out", dir.resolve("rep").toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(dir.resolve("rep/report.html"));
    String tornado = html.substring(html.indexOf("<section id=\"tornado\">"),
        html.indexOf("<section id=\"map\">"));
    // with the peacetime status-quo bias and peacetime talks that take rounds, frozen is most of
    // the runs here; the channel's rupture (7.5% with the fitted violence and talks parameters)
    // has the larger variance, 0.069
    assertThat(tornado).contains("Probability of <b>us-russia-rupture</b>")
        .contains("--tornado-output auto")
        .contains("varies most across the 200 baseline runs: p = 7.5%")
        .contains("variance p(1 − p) = 0.069")
        .doesNotContain("No parameter moved this output");
    assertThat(html).contains("<code>us-russia-rupture (auto)</code>");
  }

  @Test
  void reproduceCommandPastesFromTheRepositoryRootAndGivesTheSameReport(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("cuba report");
    CliRun.Result r = CliRun.exec("report", CUBA, "--runs", "40", "--seed", "3",
        "--policy", "no-back-channel", "--tornado-runs", "0", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    byte[] first = Files.readAllBytes(out.resolve("report.html"));
    String html = new String(first, java.nio.charset.StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<td>command</td><td><code>(.*?)</code>").matcher(html);
    assertThat(m.find()).isTrue();
    String command = m.group(1).replaceAll("<[^>]+>", "").replace("&#39;", "'");
    assertThat(command).isEqualTo("./detente report " + CUBA + " --runs 40 --seed 3 --policy"
        + " no-back-channel --tornado-runs 0 --tornado-parameters all --tornado-output auto"
        + " --out '" + out + "'");
    // the shell's words of the command, run again, rewrite the same bytes
    String[] words = shellWords(command);
    assertThat(words[0]).isEqualTo("./detente");
    CliRun.Result again = CliRun.exec(Arrays.copyOfRange(words, 1, words.length));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(Files.readAllBytes(out.resolve("report.html"))).isEqualTo(first);
  }

  /** Splits a command as a POSIX shell does for plain words and single-quoted strings. */
  private static String[] shellWords(String command) {
    java.util.List<String> words = new java.util.ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : command.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(w.toString());
    }
    return words.toArray(String[]::new);
  }
}
