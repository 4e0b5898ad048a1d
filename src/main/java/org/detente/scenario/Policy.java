package org.detente.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A named overlay that patches the scenario, applied by the loader with {@code --policy NAME}.
 *
 * @param id          name used on the command line
 * @param description what the policy does
 * @param patches     the edits, in order
 */
public record Policy(String id, String description, List<Patch> patches) {

  public Policy {
    patches = List.copyOf(patches);
  }

  /**
   * One edit of the scenario tree.
   *
   * @param op    {@code set} (replace an existing value), {@code add} (append to a list) or
   *              {@code remove} (delete an existing list element)
   * @param path  path to an existing node, e.g. {@code relations[USA-RUS].channel},
   *              {@code events[thug-insult]}, {@code alliances}
   * @param value new value for {@code set} and {@code add}; null for {@code remove}
   */
  public record Patch(String op, String path, JsonNode value) {}
}
