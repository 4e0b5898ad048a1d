package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.detente.cli.CliRun.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ensemble computed in parts ({@code run --first-run K}) and merged gives byte for byte the
 * output of one run over all the runs; parts that do not fit together are refused with a message
 * that names the part and what differs.
 */
class MergeCommandTest {

  private static final String SEED = "scenarios/us-russia-2022.yaml";

  @Test
  void partsMergeIntoExactlyTheWhole(@TempDir Path dir) throws Exception {
    Path whole = dir.resolve("whole");
    Result w = CliRun.exec("run", SEED, "-n", "90", "--seed", "5", "--no-timing", "-q",
        "--param", "consultValue=0.04", "--out", whole.toString());
    assertThat(w.code()).as(w.err()).isZero();
    // three parts of uneven size, at different thread counts, given out of order
    String[][] parts = {{"0", "25", "1"}, {"25", "40", "2"}, {"65", "25", "2"}};
    for (String[] p : parts) {
      Result r = CliRun.exec("run", SEED, "--first-run", p[0], "-n", p[1], "-t", p[2],
          "--seed", "5", "--no-timing", "-q", "--param", "consultValue=0.04", "--out",
          dir.resolve("part" + p[0]).toString());
      assertThat(r.code()).as(r.err()).isZero();
    }
    Path merged = dir.resolve("merged");
    Result m = CliRun.exec("merge", SEED, dir.resolve("part65").toString(),
        dir.resolve("part0").toString(), dir.resolve("part25").toString(), "--out",
        merged.toString());
    assertThat(m.code()).as(m.err()).isZero();
    // threads are recorded as in the first part given (65: 2 threads, like the whole)
    for (String f : List.of("summary.json", "state.json", "runs.csv", "events.tsv")) {
      assertThat(Files.readString(merged.resolve(f))).as(f)
          .isEqualTo(Files.readString(whole.resolve(f)));
    }
    assertThat(m.out()).isEqualTo(w.out());
    JsonNode s = new ObjectMapper().readTree(merged.resolve("summary.json").toFile());
    assertThat(s.get("runs").asInt()).isEqualTo(90);
    assertThat(s.get("parameters").get("consultValue").asDouble()).isEqualTo(0.04);
    // a part records its first run; the whole does not need to
    JsonNode p25 = new ObjectMapper().readTree(dir.resolve("part25/summary.json").toFile());
    assertThat(p25.get("firstRun").asInt()).isEqualTo(25);
    assertThat(s.has("firstRun")).isFalse();
    // a part's rows are the whole's rows of the same runs
    List<String> rows = Files.readAllLines(dir.resolve("part25/runs.csv"));
    List<String> all = Files.readAllLines(whole.resolve("runs.csv"));
    assertThat(rows.subList(1, rows.size())).isEqualTo(all.subList(26, 66));
  }

  @Test
  void partsThatDoNotFitAreRefused(@TempDir Path dir) throws Exception {
    run(dir, "a", "0", "20", "1");
    run(dir, "b", "30", "10", "1");
    run(dir, "c", "15", "10", "1");
    run(dir, "other-seed", "20", "10", "2");
    Result gap = CliRun.exec("merge", SEED, dir.resolve("a").toString(),
        dir.resolve("b").toString());
    assertThat(gap.code()).isEqualTo(1);
    assertThat(gap.err()).contains("runs 20 to 29 are in no part");
    Result overlap = CliRun.exec("merge", SEED, dir.resolve("a").toString(),
        dir.resolve("c").toString());
    assertThat(overlap.code()).isEqualTo(1);
    assertThat(overlap.err()).contains("both hold runs 15 to 19");
    Result seed = CliRun.exec("merge", SEED, dir.resolve("a").toString(),
        dir.resolve("other-seed").toString());
    assertThat(seed.code()).isEqualTo(1);
    assertThat(seed.err()).contains("other-seed").contains("seed is 2, but 1 in the first part");
    // the scenario file changed since the parts ran
    Path changed = dir.resolve("changed.yaml");
    Files.writeString(changed, Files.readString(Path.of(SEED)) + "\n# edited\n",
        StandardCharsets.UTF_8);
    Result edited = CliRun.exec("merge", changed.toString(), dir.resolve("a").toString());
    assertThat(edited.code()).isEqualTo(1);
    assertThat(edited.err()).contains("differs from the scenario file the parts ran");
    // not a part; a damaged state file (located); counts that do not fit the scenario
    Result notPart = CliRun.exec("merge", SEED, dir.toString());
    assertThat(notPart.code()).isEqualTo(1);
    assertThat(notPart.err()).contains("no state.json");
    Path state = dir.resolve("a/state.json");
    String good = Files.readString(state);
    Files.writeString(state, good.replace("\"runs\" : 20,", "\"runs\" : 20,,"));
    Result broken = CliRun.exec("merge", SEED, dir.resolve("a").toString());
    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.err()).contains("state.json: line ").doesNotContain("Exception");
    Files.writeString(state, good.replaceFirst("\"outcomes\" : \\[ ", "\"outcomes\" : [ 1, "));
    Result shape = CliRun.exec("merge", SEED, dir.resolve("a").toString());
    assertThat(shape.code()).isEqualTo(1);
    assertThat(shape.err()).contains("summary.outcomes: expected an array of");
    Path out = dir.resolve("never");
    CliRun.exec("merge", SEED, dir.resolve("a").toString(), "--out", out.toString());
    assertThat(out).doesNotExist();
  }

  @Test
  void paramOverridesAndRejectsBadValues() throws Exception {
    Result ok = CliRun.exec("run", SEED, "-n", "5", "--json", "--no-timing", "-q", "--param",
        "crisisCost=0.03", "--param", "crisisCost=0.035");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(new ObjectMapper().readTree(ok.out()).get("parameters").get("crisisCost")
        .asDouble()).isEqualTo(0.035);
    Result unknown = CliRun.exec("run", SEED, "-n", "5", "--param", "crisisCots=0.03");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown model parameter 'crisisCots'")
        .contains("crisisCost");
    Result bad = CliRun.exec("run", SEED, "-n", "5", "--param", "crisisCost=lots");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--param 'crisisCost=lots': expected a finite number");
    Result outside = CliRun.exec("run", SEED, "-n", "5", "--param", "attackCommit=0.9");
    assertThat(outside.code()).isEqualTo(2);
    assertThat(outside.err()).contains("--param 'attackCommit=0.9': value 0.9 is outside the"
        + " catalogue's range [0.2, 0.8]").doesNotContain("Exception");
    Result first = CliRun.exec("run", SEED, "-n", "5", "--first-run", "-3");
    assertThat(first.code()).isNotZero();
    assertThat(first.err()).contains("--first-run");
  }

  private static void run(Path dir, String name, String first, String n, String seed) {
    Result r = CliRun.exec("run", SEED, "--first-run", first, "-n", n, "--seed", seed,
        "--no-timing", "-q", "--out", dir.resolve(name).toString());
    assertThat(r.code()).as(r.err()).isZero();
  }
}
