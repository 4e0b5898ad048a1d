package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detente.model.Action;
import org.detente.model.ParameterCatalog;
import org.junit.jupiter.api.Test;

/** The published JSON Schema accepts the bundled scenarios and matches the loader's fields. */
class ScenarioSchemaTest {

  static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
      .getSchema(ScenarioSchema.tree());

  static JsonNode yaml(Path p) throws IOException {
    return new YAMLMapper().readTree(p.toFile());
  }

  static JsonNode yaml(String text) throws IOException {
    return new YAMLMapper().readTree(text);
  }

  @Test
  void bundledScenariosAreValid() throws IOException {
    for (String f : List.of("scenarios/us-russia-2022.yaml",
        "scenarios/cuban-missile-crisis-1962.yaml", "src/test/resources/scenarios/minimal.yaml")) {
      Set<ValidationMessage> errors = SCHEMA.validate(yaml(Path.of(f)));
      assertThat(errors).as(f).isEmpty();
    }
  }

  @Test
  void referenceExampleIsValid() throws IOException {
    String doc = Files.readString(Path.of("docs/scenario-reference.md"));
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("## At a glance\\s+```yaml\\n(.*?)```", java.util.regex.Pattern.DOTALL)
        .matcher(doc);
    assertThat(m.find()).isTrue();
    assertThat(SCHEMA.validate(yaml(m.group(1)))).isEmpty();
  }

  @Test
  void unknownFieldIsRejected() throws IOException {
    String text = Files.readString(Path.of("src/test/resources/scenarios/minimal.yaml"))
        .replace("    population: 10 M", "    populaton: 10 M");
    Set<ValidationMessage> errors = SCHEMA.validate(yaml(text));
    assertThat(errors).isNotEmpty();
    assertThat(errors.toString()).contains("populaton");
  }

  @Test
  void missingUnitAndBadEnumAreRejected() throws IOException {
    String text = Files.readString(Path.of("src/test/resources/scenarios/minimal.yaml"))
        .replace("yield: 300 kt", "yield: 300")
        .replace("channel: degraded", "channel: opn");
    Set<ValidationMessage> errors = SCHEMA.validate(yaml(text));
    assertThat(errors.toString()).contains("yield").contains("channel");
  }

  @Test
  void schemaObjectsHaveExactlyTheLoaderFields() {
    JsonNode defs = ScenarioSchema.tree().get("$defs");
    for (Map.Entry<String, List<String>> e : Binder.FIELDS.entrySet()) {
      JsonNode props = defs.get(e.getKey()).get("properties");
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      assertThat(names).as("fields of " + e.getKey()).containsExactlyElementsOf(e.getValue());
      assertThat(defs.get(e.getKey()).get("additionalProperties").asBoolean()).isFalse();
    }
    List<String> sections = new ArrayList<>();
    ScenarioSchema.tree().get("properties").fieldNames().forEachRemaining(sections::add);
    assertThat(sections).containsExactlyElementsOf(Binder.SECTIONS);
  }

  @Test
  void catalogueListsComeFromTheEngine() {
    JsonNode defs = ScenarioSchema.tree().get("$defs");
    List<String> actions = new ArrayList<>();
    defs.at("/event/properties/action/enum").forEach(n -> actions.add(n.asText()));
    assertThat(actions).containsExactlyElementsOf(
        Arrays.stream(Action.values()).map(Action::id).toList());
    List<String> params = new ArrayList<>();
    defs.at("/parameter/properties/name/enum").forEach(n -> params.add(n.asText()));
    assertThat(params).containsExactlyElementsOf(ParameterCatalog.names());
  }

  @Test
  void enumSpellingsMatchTheRecords() {
    JsonNode defs = ScenarioSchema.tree().get("$defs");
    assertEnum(defs.at("/actor/properties/kind/enum"), ActorKind.values());
    assertEnum(defs.at("/doctrine/properties/firstUse/enum"), DoctrineKind.values());
    assertEnum(defs.at("/theater/properties/terrain/enum"), Terrain.values());
    assertEnum(defs.at("/route/properties/mode/enum"), RouteMode.values());
    assertEnum(defs.at("/target/properties/kind/enum"), TargetKind.values());
    assertEnum(defs.at("/relation/properties/channel/enum"), Channel.values());
    assertEnum(defs.at("/question/properties/kind/enum"), QuestionKind.values());
  }

  private static void assertEnum(JsonNode node, Enum<?>[] values) {
    List<String> names = new ArrayList<>();
    node.forEach(n -> names.add(n.asText()));
    assertThat(names).containsExactlyElementsOf(
        Arrays.stream(values).map(Binder::yamlName).toList());
  }
}
