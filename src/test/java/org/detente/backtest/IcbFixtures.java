package org.detente.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;

/** Generated scenarios of bundled ICB crises, for tests. */
public final class IcbFixtures {

  private IcbFixtures() {}

  /** A crisis's generated scenario, loaded from the file it was written to. */
  public record Loaded(GeneratedCrisis generated, Scenario scenario) {}

  /**
   * Generates the scenario of ICB crisis {@code id} from the bundled data, writes it to
   * {@code dir/icb-ID.yaml} and loads it as a user's file would be.
   */
  public static Loaded load(int id, Path dir) throws IOException {
    IcbData data = IcbData.bundled();
    IcbData.Crisis c = data.crises().stream().filter(x -> x.id() == id).findFirst()
        .orElseThrow();
    GeneratedCrisis g = new ScenarioGenerator(data).generate(c);
    Path f = dir.resolve("icb-" + id + ".yaml");
    Files.writeString(f, g.yaml());
    return new Loaded(g, ScenarioLoader.load(f));
  }
}
