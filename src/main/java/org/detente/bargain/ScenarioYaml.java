package org.detente.bargain;

import java.nio.file.Path;
import java.util.List;
import org.detente.scenario.ScenarioLoader;

/** Loads the issues of a Detente YAML scenario as a negotiation problem. */
final class ScenarioYaml {

  private ScenarioYaml() {}

  static SmpScenario load(Path file, List<String> issueIds) {
    return BargainInputs.fromScenario(ScenarioLoader.load(file), issueIds);
  }
}
