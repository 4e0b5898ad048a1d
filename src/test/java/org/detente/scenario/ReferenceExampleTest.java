package org.detente.scenario;

import org.detente.model.Action;
import org.detente.model.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example at the top of docs/scenario-reference.md is a valid scenario. */
class ReferenceExampleTest {

  @TempDir Path tmp;

  @Test
  void atAGlanceExampleLoads() throws IOException {
    String doc = Files.readString(Path.of("docs/scenario-reference.md"));
    Matcher m = Pattern.compile("## At a glance\\s+```yaml\\n(.*?)```", Pattern.DOTALL)
        .matcher(doc);
    assertThat(m.find()).isTrue();
    Path f = tmp.resolve("glance.yaml");
    Files.writeString(f, m.group(1));
    assertThat(ScenarioLoader.validate(f)).isEmpty();
    Scenario s = ScenarioLoader.load(f, List.of("open-channel"));
    assertThat(s.events()).isEmpty();
    assertThat(s.theaters().get(0).targets().get(0).lat()).isEqualTo(52.52437);
  }

  @Test
  void referenceNamesEveryActionAndEnumValue() throws IOException {
    String doc = Files.readString(Path.of("docs/scenario-reference.md"));
    for (org.detente.model.Action a : org.detente.model.Action.values()) {
      assertThat(doc).as("action " + a.id()).contains("`" + a.id() + "`");
    }
    for (org.detente.model.Outcome o : org.detente.model.Outcome.values()) {
      assertThat(doc).contains("`" + o.id() + "`");
    }
    for (Enum<?>[] values : List.<Enum<?>[]>of(ActorKind.values(), DoctrineKind.values(),
        Terrain.values(), TargetKind.values(), Channel.values(), QuestionKind.values())) {
      for (Enum<?> e : values) {
        assertThat(doc).contains("`" + Binder.yamlName(e) + "`");
      }
    }
    for (java.util.Map.Entry<String, List<String>> e : Binder.FIELDS.entrySet()) {
      for (String field : e.getValue()) {
        assertThat(doc).as(e.getKey() + "." + field).contains("`" + field + "`");
      }
    }
  }
}
