package org.detente.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.detente.model.Action;
import org.detente.model.Outcome;
import org.detente.model.ParameterCatalog;

/**
 * The JSON Schema (draft 2020-12) of the scenario format, for editors and other tools. The
 * bundled file {@code schema/scenario.schema.json} describes the shape; the lists of action ids,
 * outcome names and parameter names are filled in from the engine's catalogues, so the schema
 * always matches what the loader accepts.
 */
public final class ScenarioSchema {

  /** Classpath location of the bundled schema. */
  public static final String RESOURCE = "/schema/scenario.schema.json";

  private ScenarioSchema() {}

  /** The schema as a JSON tree. */
  public static ObjectNode tree() {
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + RESOURCE);
      }
      ObjectNode root = (ObjectNode) mapper.readTree(in);
      ObjectNode defs = (ObjectNode) root.get("$defs");
      ArrayNode actions = mapper.createArrayNode();
      for (Action a : Action.values()) {
        actions.add(a.id());
      }
      ArrayNode outcomes = mapper.createArrayNode();
      for (Outcome o : Outcome.values()) {
        outcomes.add(o.id());
      }
      ArrayNode params = mapper.createArrayNode();
      ParameterCatalog.names().forEach(params::add);
      ((ObjectNode) defs.at("/event/properties/action")).set("enum", actions);
      ((ObjectNode) defs.at("/question/properties/actions/items")).set("enum", actions.deepCopy());
      ((ObjectNode) defs.at("/question/properties/outcomes/items")).set("enum", outcomes);
      ((ObjectNode) defs.at("/parameter/properties/name")).set("enum", params);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema as pretty-printed JSON text. */
  public static String text() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(tree());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
