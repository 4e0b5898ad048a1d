package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end checks of {@code detente bargain} and {@code detente bench bargain}. */
class BargainCommandTest {

  @TempDir Path dir;

  Path sample(String name) throws Exception {
    Path p = dir.resolve(name.replace('/', '_'));
    try (var in = getClass().getClassLoader().getResourceAsStream("data/ktab/" + name)) {
      Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return p;
  }

  @Test
  void tablesShowPositionsOutcomeAndMoves() throws Exception {
    CliRun.Result r = CliRun.exec("bargain", sample("dummyData_3Dim.csv").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Turns:    10").contains("Positions on Pstn2 (0-100) by turn:")
        .contains("Forecast outcome (0-100):").contains("Moves (actor").contains("SActor-06");
  }

  @Test
  void jsonEchoesInputsAndMatchesRoundsCsv() throws Exception {
    Path csv = dir.resolve("rounds.csv");
    CliRun.Result r = CliRun.exec("bargain", sample("SOE-Pol-Comp.csv").toString(), "--json", "--rounds-out", csv.toString(),
        "--seed", "42");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("seed").asText()).isEqualTo("42");
    assertThat(j.get("turns").asInt()).isEqualTo(27);
    assertThat(j.get("parameters").get("VotingRule").asText()).isEqualTo("Prop");
    assertThat(j.get("input").get("actors")).hasSize(13);
    assertThat(j.get("input").get("actors").get(0).get("name").asText()).isEqualTo("XJ");
    assertThat(j.get("positions")).hasSize(28);
    assertThat(j.get("outcome").has("Policy Position")).isTrue();
    assertThat(j.get("moves").size()).isPositive();
    JsonNode mv = j.get("moves").get(0);
    assertThat(mv.get("turn").asInt()).isPositive();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("turn,actor,dim_index,dim,position");
    assertThat(lines).hasSize(1 + 28 * 13 * 2);
    assertThat(lines.get(1)).isEqualTo("0,XJ,0,Policy Position,30");
    // final row equals the JSON's last position
    String[] last = lines.get(lines.size() - 1).split(",");
    double fromJson = j.get("positions").get(27).get(12).get(1).asDouble();
    assertThat(Double.parseDouble(last[4])).isEqualTo(fromJson);
    assertThat(last[0]).isEqualTo("27");
  }

  @Test
  void sameSeedSameBytes() throws Exception {
    String f = sample("patched/smpExample-restored.xml").toString();
    CliRun.Result a = CliRun.exec("bargain", f, "--json", "--seed", "7");
    CliRun.Result b = CliRun.exec("bargain", f, "--json", "--seed", "7", "--threads", "3");
    assertThat(a.code()).isZero();
    assertThat(b.out()).isEqualTo(a.out());
    assertThat(new ObjectMapper().readTree(a.out()).get("parameters").get("StateTransitions").asText())
        .isEqualTo("Stochastic");
  }

  @Test
  void dimensionsAndParameterOverrides() throws Exception {
    CliRun.Result r = CliRun.exec("bargain", sample("SOE-Pol-Comp.csv").toString(), "--json", "--dimensions", "Competitive Position",
        "-P", "VotingRule=PropCbc");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("input").get("dimensions")).hasSize(1);
    assertThat(j.get("parameters").get("VotingRule").asText()).isEqualTo("PropCbc");
  }

  @Test
  void errorsHaveExitCodesAndNoStackTrace() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "S,D,3,1\nActor,Desc,Power,P,S\nA,a,1,50,10\nB,b,1,x,10\nC,c,1,50,10\n");
    CliRun.Result r = CliRun.exec("bargain", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("detente: " + bad + ":4:7: position of B on P: expected a number, got 'x'\n");
    CliRun.Result u = CliRun.exec("bargain", sample("SOE-Pol-Comp.csv").toString(), "--dimensions", "Nope");
    assertThat(u.code()).isEqualTo(2);
    assertThat(u.err()).contains("unknown dimension 'Nope'").doesNotContain("Exception");
    CliRun.Result m = CliRun.exec("bargain", dir.resolve("missing.csv").toString());
    assertThat(m.code()).isEqualTo(1);
    assertThat(m.err()).contains("missing.csv: no such file");
    Path txt = dir.resolve("x.txt");
    Files.writeString(txt, "x");
    assertThat(CliRun.exec("bargain", txt.toString()).code()).isEqualTo(2);
    assertThat(CliRun.exec("bargain", sample("SOE-Pol-Comp.csv").toString(), "-P", "VotingRule=Nope").code()).isEqualTo(2);
  }

  @Test
  void benchPrintsBothTables() throws Exception {
    CliRun.Result r = CliRun.exec("bench", "bargain", "--runs", "1", "--warmup-seconds", "0", "--sizes", "5,10", "--dims", "1,2",
        "--scaling-turns", "2", sample("dummyData_3Dim.csv").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("ms/turn").contains("N \\ D").contains("dummyData_3Dim.csv");
  }

  @Test
  void moreActorsThanTheLimitAreRefusedWithTheReason() {
    CliRun.Result r = CliRun.exec("bargain", "src/test/resources/fuzz/ktab/600-actors.csv");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("600-actors.csv: 600 actors are more than the limit of 200")
        .contains("250 actors already take about 14 s");
  }

  @Test
  void binaryXmlIsRefusedWithoutAStrayParserLine() {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(stray, true));
    CliRun.Result r;
    try {
      r = CliRun.exec("bargain", "src/test/resources/fuzz/ktab/binary.xml");
    } finally {
      System.setErr(saved);
    }
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("binary.xml: binary data (a NUL byte) found");
    assertThat(stray.toString()).doesNotContain("[Fatal Error]").isEmpty();
  }
}
