package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fields of the questions about holding a theater, the end of a war and deaths. */
class QuestionFieldsTest {

  @TempDir Path dir;

  private Path minimalWithQuestion(String q) throws IOException {
    String text = Files.readString(Path.of("src/test/resources/scenarios/minimal.yaml"));
    text = text.substring(0, text.indexOf("questions:\n")) + "questions:\n  - " + q + "\n"
        + text.substring(text.indexOf("parameters:\n"));
    Path p = dir.resolve("q.yaml");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void newKindsAreBound() throws IOException {
    Question w = ScenarioLoader.load(minimalWithQuestion("{id: h, text: t, kind: holds, actor:"
        + " BBB, theater: EAST, week: 10}")).questions().get(0);
    assertThat(w.kind()).isEqualTo(QuestionKind.HOLDS);
    assertThat(new int[] {w.fromWeek(), w.toWeek()}).containsExactly(10, 10);
    Question r = ScenarioLoader.load(minimalWithQuestion("{id: h, text: t, kind: holds, actor:"
        + " BBB, theater: EAST, from: 4, to: 52}")).questions().get(0);
    assertThat(new int[] {r.fromWeek(), r.toWeek()}).containsExactly(4, 52);
    Question d = ScenarioLoader.load(minimalWithQuestion("{id: d, text: t, kind: deaths, above:"
        + " 10000, within: 26 weeks}")).questions().get(0);
    assertThat(d.above()).isEqualTo(10000.0);
    assertThat(d.withinWeeks()).isEqualTo(26);
    Question e = ScenarioLoader.load(minimalWithQuestion("{id: e, text: t, kind: deal-ended-war,"
        + " actor: AAA, target: BBB}")).questions().get(0);
    assertThat(e.kind()).isEqualTo(QuestionKind.DEAL_ENDED_WAR);
    assertThat(e.target()).isEqualTo("BBB");
  }

  @Test
  void badFieldsAreReported() throws IOException {
    String base = "{id: h, text: t, kind: holds, actor: BBB, theater: EAST, ";
    for (String[] c : new String[][] {
        {base + "from: 4}", "questions[h]: missing required field 'to' for a question of kind"
            + " holds"},
        {base + "from: 9, to: 4}", "questions[h].to: must not be before 'from' (9)"},
        {base + "week: 53}", "questions[h].week: must be a whole number between 0 and 52"},
        {base + "week: 3, to: 4}", "questions[h].week: give either 'week' or 'from' and 'to'"},
        {base + "week: 3, within: 4 weeks}", "questions[h].within: a question of kind holds has"
            + " 'week' or 'from' and 'to', not 'within'"},
        {"{id: h, text: t, kind: holds, actor: BBB, week: 3}", "questions[h]: missing required"
            + " field 'theater'"},
        {"{id: d, text: t, kind: deaths}", "questions[d]: missing required field 'above'"},
        {"{id: d, text: t, kind: deaths, above: -1}", "questions[d].above: "},
        {"{id: d, text: t, kind: outcome, outcomes: [frozen], above: 3}", "questions[d].above:"
            + " 'above' applies only to questions of kind deaths"},
        {"{id: d, text: t, kind: control, actor: AAA, theater: EAST, week: 3}",
            "questions[d].week: 'week' applies only to questions of kind holds"},
        {"{id: d, text: t, kind: deaths, above: 3, theater: EAST}", "questions[d].theater:"
            + " 'theater' applies only to questions of kind action, control and holds"},
        {"{id: d, text: t, kind: deal-ended-war, target: AAA}", "questions[d].target: a"
            + " 'target' needs an 'actor'"}}) {
      List<Problem> problems = ScenarioLoader.validate(minimalWithQuestion(c[0]));
      assertThat(problems).as(c[0]).hasSize(1);
      assertThat(problems.get(0).path() + ": " + problems.get(0).message()).as(c[0])
          .startsWith(c[1]);
    }
  }
}
