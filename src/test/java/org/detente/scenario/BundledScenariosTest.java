package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledScenariosTest {

  static final Path US_RUSSIA = Path.of("scenarios/us-russia-2022.yaml");
  static final Path CUBA = Path.of("scenarios/cuban-missile-crisis-1962.yaml");

  @Test
  void usRussiaValidates() {
    assertThat(ScenarioLoader.validate(US_RUSSIA)).isEmpty();
  }

  @Test
  void cubaValidates() {
    assertThat(ScenarioLoader.validate(CUBA)).isEmpty();
  }

  @Test
  void usRussiaLoads() {
    Scenario s = ScenarioLoader.load(US_RUSSIA, List.of());
    assertThat(s.meta().id()).isEqualTo("us-russia-2022");
    assertThat(s.meta().horizonSteps()).isEqualTo(104);
    assertThat(s.meta().stepDays()).isEqualTo(7);
  }
}
