package org.detente.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.detente.scenario.Actor;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ICB scenario generator: actors and forces from the data rows, never the outcome. */
class ScenarioGeneratorTest {

  @TempDir Path tmp;

  @Test
  void theCubanMissileCrisisHasItsActorsAndTheirNmcFiguresOf1962() throws IOException {
    IcbData data = IcbData.bundled();
    GeneratedCrisis g = new ScenarioGenerator(data).generate(crisis(data, 196));
    assertThat(g.expressible()).isTrue();
    Path f = tmp.resolve("icb-196.yaml");
    Files.writeString(f, g.yaml());
    Scenario sc = ScenarioLoader.load(f);
    assertThat(sc.meta().asOf()).hasToString("1962-10-16"); // ICB yrtrig 1962, motrig 10, datrig 16
    assertThat(sc.actors()).extracting(Actor::id).containsExactly("USA", "CUB", "RUS");
    Actor usa = sc.actors().get(0);
    // COW NMC 6.0, USA 1962: milper 2807, milex 52381008, tpop 186538
    assertThat(usa.forces().get(0).troopsThousands()).isEqualTo(2807.0);
    assertThat(usa.milexBnUsd()).isEqualTo(52.381008, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(usa.populationMillions()).isEqualTo(186.538);
    Actor cub = sc.actors().get(1);
    assertThat(cub.forces().get(0).troopsThousands()).isEqualTo(270.0);
    assertThat(cub.arsenal().nuclear()).isFalse();
    assertThat(usa.arsenal().nuclear()).isTrue();
    // the triggers: the Soviet missiles (RUS -> USA), the quarantine (USA -> CUB, USA -> RUS)
    assertThat(sc.events()).extracting(e -> e.actor() + ">" + e.target())
        .containsExactly("RUS>USA", "USA>CUB", "USA>RUS");
    assertThat(g.side()).containsEntry("USA", 1).containsEntry("CUB", 2).containsEntry("RUS", 2);
    assertThat(sc.meta().horizonSteps()).isEqualTo(ScenarioGenerator.HORIZON_WEEKS);
  }

  @Test
  void aViolentTriggerByANonStateActorIsAnArmedIncidentByTheAdversary() throws IOException {
    IcbData data = IcbData.bundled();
    // crisis 436, Kaluchak 2002: India's crisis triggered by a violent act of a non-state actor
    // (ICB triggr 9, trigent 996), Pakistan's by India's mobilisation (triggr 7, trigent 750)
    Scenario sc = loaded(new ScenarioGenerator(data).generate(crisis(data, 436)));
    assertThat(events(sc)).containsExactly("IND>PAK:mobilize@IND", "PAK>IND:incident@IND");
    // crisis 196 (Cuba) has no such trigger: its events are the three of the states
    GeneratedCrisis cuba = new ScenarioGenerator(data).generate(crisis(data, 196));
    assertThat(cuba.yaml()).doesNotContain("action: incident");
  }

  @Test
  void anIndirectViolentTriggerIsAnAttackOnAThirdPartyTheCrisisActorBacks() throws IOException {
    IcbData data = IcbData.bundled();
    // crisis 419, Desert Strike 1996: the United States' crisis triggered by Iraq's indirect
    // violent act (ICB triggr 8, trigent 645), Iraq's by a US non-violent military act (7)
    GeneratedCrisis g = new ScenarioGenerator(data).generate(crisis(data, 419));
    Scenario sc = loaded(g);
    assertThat(events(sc)).containsExactly("USA>IRQ:mobilize@USA", "IRQ>IRQ-3P:attack@IRQ");
    Actor third = sc.actors().stream().filter(a -> a.id().equals("IRQ-3P")).findFirst()
        .orElseThrow();
    assertThat(third.kind()).isEqualTo(org.detente.scenario.ActorKind.NON_STATE);
    assertThat(third.sponsor()).isEqualTo("USA");
    // a tenth of Iraq's COW NMC 1996 milper (450 thousand), in Iraq's theater
    assertThat(third.forces()).extracting(x -> x.theater() + ":" + x.troopsThousands())
        .containsExactly("IRQ:45.0");
    assertThat(g.side()).doesNotContainKey("IRQ-3P");
    // crisis 476, the Turkish downing of a Russian jet 2015: the NATO members' crises were
    // triggered indirectly by Turkey's violent act against Russia, itself a crisis actor
    // (triggr 9): Russia is the third party, no other actor is added and no incident is
    // scripted against the NATO members
    Scenario jet = loaded(new ScenarioGenerator(data).generate(crisis(data, 476)));
    assertThat(jet.actors()).noneMatch(a -> a.id().endsWith("-3P"));
    assertThat(events(jet)).contains("TUR>RUS:attack@RUS")
        .noneMatch(e -> e.contains(":incident@"));
  }

  /** The generated scenario, written out and loaded as a file. */
  private Scenario loaded(GeneratedCrisis g) throws IOException {
    Path f = tmp.resolve(g.scenarioId() + ".yaml");
    Files.writeString(f, g.yaml());
    return ScenarioLoader.load(f);
  }

  /** Each scripted event as actor>target:action@theater. */
  private static List<String> events(Scenario sc) {
    return sc.events().stream().map(e -> e.actor() + ">" + e.target() + ":" + e.action() + "@"
        + e.theater()).toList();
  }

  @Test
  void changingTheOutcomeVariablesLeavesEveryScenarioUnchanged() {
    IcbData data = IcbData.bundled();
    IcbData scrambled = IcbData.load(name -> scramble(name));
    ScenarioGenerator a = new ScenarioGenerator(data);
    ScenarioGenerator b = new ScenarioGenerator(scrambled);
    int compared = 0;
    for (int i = 0; i < data.crises().size(); i++) {
      IcbData.Crisis c = data.crises().get(i);
      IcbData.Crisis d = scrambled.crises().get(i);
      assertThat(scrambled.coding(c.id())).isNotEqualTo(data.coding(c.id()));
      GeneratedCrisis ga = a.generate(c);
      GeneratedCrisis gb = b.generate(d);
      assertThat(gb.yaml()).as("crisis %d", c.id()).isEqualTo(ga.yaml());
      assertThat(gb.reason()).isEqualTo(ga.reason());
      compared++;
    }
    assertThat(compared).isEqualTo(487);
  }

  @Test
  void aCrisisWithoutTriggerYearOrStateAdversaryIsNotExpressedAndSaysWhy() {
    IcbData data = IcbData.bundled();
    ScenarioGenerator gen = new ScenarioGenerator(data);
    GeneratedCrisis noYear = gen.generate(crisis(data, 474));
    assertThat(noYear.expressible()).isFalse();
    assertThat(noYear.reason()).isEqualTo("no trigger year in the ICB data");
    // crisis 1, Russian Civil War I: triggered by a non-state actor (ICB trigent 996)
    GeneratedCrisis nonState = gen.generate(crisis(data, 1));
    assertThat(nonState.expressible()).isFalse();
    assertThat(nonState.reason()).startsWith("no state among the triggering entities");
  }

  @Test
  void aYearWithoutNmcFiguresTakesTheNearestYearAndNamesIt() {
    IcbData data = IcbData.bundled();
    // NMC 6.0 ends in 2016: a 2017 crisis uses the 2016 figures, and says so
    IcbData.Crisis c = data.crises().stream().filter(x -> x.year() == 2017
        && x.actors().size() > 1).findFirst().orElseThrow();
    GeneratedCrisis g = new ScenarioGenerator(data).generate(c);
    assertThat(g.missing()).anyMatch(m -> m.contains("COW NMC figures of 2016 used for 2017"));
  }

  private static IcbData.Crisis crisis(IcbData data, int id) {
    return data.crises().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
  }

  /** The bundled files with every outcome variable replaced by another valid code. */
  private static InputStream scramble(String name) {
    try (InputStream in = IcbData.class.getResourceAsStream(IcbData.FOLDER + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!name.equals("icb_crises.csv") && !name.equals("icb_actors.csv")) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      }
      List<String> out = new ArrayList<>();
      boolean header = true;
      for (String line : text.split("\n")) {
        if (header) {
          out.add(line);
          header = false;
          continue;
        }
        // the outcome columns are the last ones: viol,forout,brexit / outcom
        List<String> f = splitCsv(line);
        int n = f.size();
        if (name.equals("icb_crises.csv")) {
          f.set(n - 3, f.get(n - 3).isEmpty() ? "4" : String.valueOf(5 - Integer.parseInt(f.get(n - 3))));
          f.set(n - 2, "6");
          f.set(n - 1, "12345");
        } else {
          f.set(n - 1, f.get(n - 1).equals("4") ? "1" : "4");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
          String v = f.get(i);
          sb.append(i > 0 ? "," : "").append(v.contains(",") ? "\"" + v + "\"" : v);
        }
        out.add(sb.toString());
      }
      return new ByteArrayInputStream(String.join("\n", out).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean q = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        q = !q;
      } else if (ch == ',' && !q) {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(ch);
      }
    }
    out.add(sb.toString());
    return out;
  }
}
