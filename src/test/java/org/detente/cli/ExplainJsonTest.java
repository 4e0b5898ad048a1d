package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code explain --json} is the text timeline as data: the same decisions in the same order,
 * the same outcome and control at the end, one entry per week up to the run's end, each with
 * the control of every theater and the forces of every actor.
 */
class ExplainJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theJsonTimelineHoldsTheTextTimelinesDecisionsOutcomeAndControl() throws Exception {
    for (String[] c : new String[][] {{"scenarios/cuban-missile-crisis-1962.yaml", "3", "7"},
        {"scenarios/us-russia-2022.yaml", "1", "2"}}) {
      CliRun.Result text = CliRun.exec("explain", c[0], "--seed", c[1], "--run", c[2]);
      CliRun.Result json = CliRun.exec("explain", c[0], "--seed", c[1], "--run", c[2], "--json");
      assertThat(text.code()).as(text.err()).isZero();
      assertThat(json.code()).as(json.err()).isZero();
      JsonNode r = JSON.readTree(json.out());
      List<String> fromText = new ArrayList<>();
      for (String line : text.out().split("\n")) {
        // decision lines: "  A → B  action[ in T]  [CAMEO ...]" (notes start with "  · ")
        if (line.startsWith("  ") && line.contains(" → ") && !line.startsWith("      ")
            && !line.startsWith("  · ")) {
          fromText.add(line.strip().replaceAll("\\s+\\[.*", "").replaceAll("\\s+", " "));
        }
      }
      List<String> fromJson = new ArrayList<>();
      int week = 0;
      for (JsonNode w : r.get("weeks")) {
        assertThat(w.get("week").asInt()).isEqualTo(week++);
        for (JsonNode d : w.get("decisions")) {
          fromJson.add(d.get("actor").asText() + " → " + d.get("target").asText() + " "
              + d.get("action").asText() + (d.get("theater").isNull() ? ""
              : " in " + d.get("theater").asText()));
        }
      }
      assertThat(fromJson).as(c[0]).isNotEmpty().isEqualTo(fromText);
      int end = r.get("outcome").get("week").asInt();
      // weeks 0..end, or 0..end-1 when the run reached the horizon (week end is not played)
      assertThat(r.get("weeks").size()).isBetween(end, end + 1);
      assertThat(text.out()).contains(String.format(Locale.ROOT, "Outcome: %s at week %d (%s)",
          r.get("outcome").get("id").asText(), end, r.get("end").get("date").asText()));
      JsonNode theaters = r.get("theaters");
      for (int t = 0; t < theaters.size(); t++) {
        JsonNode ctl = r.get("end").get("control").get(t);
        String now = ctl.isNull() ? "none" : ctl.asText();
        assertThat(text.out()).containsPattern("\n  " + theaters.get(t).get("id").asText()
            + " +" + now + "( \\(was .*\\))?\n");
        // the first week starts from the scenario's own control
        JsonNode first = r.get("weeks").get(0).get("control").get(t);
        assertThat(first.isNull() ? "none" : first.asText()).as("week 0")
            .isEqualTo(theaters.get(t).get("control").asText());
        for (JsonNode w : r.get("weeks")) {
          if (w.has("forces")) {
            for (JsonNode f : w.get("forces")) {
              assertThat(f.get(t).asDouble()).isGreaterThanOrEqualTo(0);
            }
          }
        }
      }
    }
  }
}
