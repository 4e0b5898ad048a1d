package org.detente.bargain;

import java.nio.file.Path;
import java.util.List;
import org.detente.DetenteException;

/** Loads the issues of a Detente YAML scenario as a negotiation problem. */
final class ScenarioYaml {

  private ScenarioYaml() {}

  static SmpScenario load(Path file, List<String> issueIds) {
    throw new DetenteException(file + ": reading Detente scenarios is not available in this build", 2);
  }
}
