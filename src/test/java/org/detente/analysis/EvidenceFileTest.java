package org.detente.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class EvidenceFileTest {

  @Test
  void shippedEvidenceLoadsAgainstTheBundledScenario() {
    Scenario s = ScenarioLoader.load(Path.of("scenarios/us-russia-2022.yaml"), List.of());
    Evidence ev = Evidence.load(Path.of("evidence/us-russia-2022.yaml"), s);
    assertThat(ev.items()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(ev.items()).allSatisfy(i -> assertThat(i.source()).isNotBlank());
    EvidenceMatcher m = new EvidenceMatcher(ev, s);
    // the 2025 Istanbul talks and the Alaska summit fall after the 104-week horizon
    assertThat(m.skipped()).extracting(EvidenceItem::id)
        .containsExactly("istanbul-talks-2025", "alaska-summit-2025");
  }
}
