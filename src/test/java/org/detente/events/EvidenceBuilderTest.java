package org.detente.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.detente.events.EventFiles.gdelt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.detente.InvalidInputException;
import org.detente.analysis.Evidence;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Evidence from thresholds on a weekly series with known counts. */
class EvidenceBuilderTest {

  private static final Scenario US_RUSSIA =
      ScenarioLoader.load(Path.of("scenarios/us-russia-2022.yaml"));

  /** RUS>UKR fights (root 19) in weeks 0, 1, 3 and 6, three a week (one in week 2); USA>RUS
   * sanctions (root 16) in week 0. */
  private static WeeklySeries series(LocalDate week0) throws IOException {
    List<String> rows = new ArrayList<>();
    String[] fightDays = {"20220321", "20220328", "20220411", "20220502"};
    int id = 1;
    for (String d : fightDays) {
      for (int k = 0; k < 3; k++) {
        rows.add(gdelt(58, Integer.toString(id++), d, "RUS", "UKR", "190", "19", "4", "-10"));
      }
    }
    rows.add(gdelt(58, Integer.toString(id++), "20220405", "RUS", "UKR", "193", "19", "4",
        "-10"));
    for (int k = 0; k < 4; k++) {
      rows.add(gdelt(58, Integer.toString(id++), "20220322", "USA", "RUS", "163", "16", "4",
          "-8"));
    }
    Importer imp = new Importer(ActorMapping.ofIds(List.of("USA", "RUS", "UKR"), null), null,
        null, null, week0, null);
    imp.read("s.tsv", new ByteArrayInputStream((String.join("\n", rows) + "\n")
        .getBytes(StandardCharsets.UTF_8)));
    return imp.series();
  }

  @Test
  void windowsAndNonEventsFollowTheThresholds() throws IOException {
    EvidenceBuilder b = new EvidenceBuilder(series(US_RUSSIA.meta().asOf()), US_RUSSIA, 3, 1,
        List.of(18, 19, 20));
    assertThat(b.items()).extracting(i -> i.id() + " " + i.observed() + " " + i.fromWeek() + "-"
        + i.toWeek() + " " + i.events())
        .containsExactly(
            "RUS-UKR-no-18 false 0-6 0",
            "RUS-UKR-19-w0-3 true 0-3 9", // weeks 0, 1 and 3: week 2 (one event) is a gap of 1
            "RUS-UKR-19-w6 true 6-6 3", // two weeks without: a new window
            "RUS-UKR-no-20 false 0-6 0",
            "USA-RUS-16-w0 true 0-0 4",
            "USA-RUS-no-18 false 0-6 0",
            "USA-RUS-no-19 false 0-6 0",
            "USA-RUS-no-20 false 0-6 0");
    assertThat(b.items().get(1).rows()).containsExactly("0:1", "0:2", "0:3", "0:4", "0:5", "0:6",
        "0:7", "0:8", "0:9");
    String yaml = b.yaml("test", "detente events evidence s.csv");
    Evidence ev = Evidence.parse("evidence.yaml", yaml, US_RUSSIA);
    assertThat(ev.items()).hasSize(8);
    assertThat(ev.items().get(1).actions()).containsExactly("attack", "incident", "blockade");
    assertThat(ev.items().get(1).actors()).containsExactly("RUS");
    assertThat(ev.items().get(1).targets()).containsExactly("UKR");
    assertThat(ev.items().get(1).source()).contains("rows 0:1, 0:2, 0:3");
    assertThat(ev.items().get(0).occurred()).isFalse();
  }

  @Test
  void dyadsNarrowTheItems() throws IOException {
    EvidenceBuilder b = new EvidenceBuilder(series(US_RUSSIA.meta().asOf()), US_RUSSIA, 3, 1,
        List.of(20), List.of("USA>RUS"));
    assertThat(b.items()).extracting(EvidenceBuilder.Item::id)
        .containsExactly("USA-RUS-16-w0", "USA-RUS-no-20");
  }

  @Test
  void aLaterWeekZeroShiftsTheWindows() throws IOException {
    EvidenceBuilder b = new EvidenceBuilder(series(LocalDate.of(2022, 3, 28)), US_RUSSIA, 3, 0,
        List.of());
    // on the series' own clock the fights of 21 March are week -1: before the scenario's week 0
    // they would be week -1 + 1 = 0 on the scenario's clock
    assertThat(b.items()).extracting(i -> i.id()).containsExactly("RUS-UKR-19-w0-1",
        "RUS-UKR-19-w3", "RUS-UKR-19-w6", "USA-RUS-16-w0");
  }

  @Test
  void aWeekZeroOffTheScenariosClockIsRefused() throws IOException {
    WeeklySeries s = series(LocalDate.of(2022, 3, 22));
    assertThatThrownBy(() -> new EvidenceBuilder(s, US_RUSSIA, 3, 1, List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--week0 2022-03-21");
  }

  @Test
  void quotingKeepsYamlSafe() {
    assertThat(EvidenceBuilder.quote("a \"b\" \\ c")).isEqualTo("\"a \\\"b\\\" \\\\ c\"");
  }
}
