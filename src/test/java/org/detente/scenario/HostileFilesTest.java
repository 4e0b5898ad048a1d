package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.detente.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One verdict for one file, the same reading rule for every input, and stated limits. */
class HostileFilesTest {

  private static final Path MINIMAL = Path.of("src/test/resources/scenarios/minimal.yaml");
  private static final Path FUZZ = Path.of("src/test/resources/fuzz/scenario");

  @TempDir Path tmp;

  @Test
  void anUnusedPolicyThatValidateRejectsMakesLoadRejectTheFileToo() {
    Path f = FUZZ.resolve("unused-policy-bad-path.yaml");
    assertThat(ScenarioLoader.validate(f)).extracting(Problem::message)
        .anyMatch(m -> m.startsWith("with policy 'broken': "));
    assertThatThrownBy(() -> ScenarioLoader.load(f))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("with policy 'broken': ");
    // the other policy, selected, still loads when the broken one is fixed
    assertThat(ScenarioLoader.load(MINIMAL, List.of("open-channel")).meta().appliedPolicies())
        .containsExactly("open-channel");
  }

  @Test
  void moreActorsThanTheLimitAreRefusedByValidate() {
    List<Problem> ps = ScenarioLoader.validate(FUZZ.resolve("2000-actors.yaml"));
    assertThat(ps).extracting(Problem::message).anyMatch(m -> m.contains(
        "2002 actors are more than the limit of " + Limits.MAX_ACTORS));
  }

  @Test
  void devicesPipesAndFoldersAreRefusedBeforeReading() throws Exception {
    Path zero = tmp.resolve("zero.yaml");
    Files.createSymbolicLink(zero, Path.of("/dev/zero"));
    Path pipe = tmp.resolve("pipe.yaml");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    for (Path p : List.of(zero, pipe)) {
      assertThat(ScenarioLoader.validate(p)).extracting(Problem::message).containsExactly(
          "is not a regular file (a device, pipe or socket), expected a YAML scenario file");
      assertThatThrownBy(() -> InputFiles.read(p, p.toString(), 1024, "a KTAB CSV file"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(p + ": is not a regular file (a device, pipe or socket), expected a KTAB"
              + " CSV file");
    }
    Path big = tmp.resolve("big.csv");
    Files.write(big, new byte[2048]);
    assertThatThrownBy(() -> InputFiles.read(big, "big.csv", 1024, "a KTAB CSV file"))
        .hasMessage("big.csv: file is larger than 1 kB, the limit for a KTAB CSV file");
  }

  @Test
  void evidenceIsReadByTheScenarioReaderWithItsLimitsAndOneDocument() {
    Path ev = Path.of("src/test/resources/fuzz/evidence");
    assertThatThrownBy(() -> LocatedYaml.read(ev.resolve("second-document.yaml"), "a YAML "
        + "evidence file", "evidence"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("second-document.yaml:175:1: ");
    assertThatThrownBy(() -> LocatedYaml.read(ev.resolve("second-document-valid.yaml"),
        "a YAML evidence file", "evidence"))
        .hasMessageContaining("a second YAML document starts here");
    assertThatThrownBy(() -> LocatedYaml.read(ev.resolve("deep-nesting.yaml"),
        "a YAML evidence file", "evidence"))
        .hasMessageMatching("(?s).*deep-nesting.yaml:1:\\d+: .*nesting deeper than 40 levels.*");
    assertThatThrownBy(() -> LocatedYaml.read(ev.resolve("list-key.yaml"),
        "a YAML evidence file", "evidence"))
        .hasMessageContaining("list-key.yaml:1:")
        .hasMessageContaining("a key must be plain text, not a list or a mapping")
        .hasMessageNotContaining("snakeyaml").hasMessageNotContaining("Event");
    assertThatThrownBy(() -> LocatedYaml.read(ev.resolve("latin1.yaml"),
        "a YAML evidence file", "evidence"))
        .hasMessageContaining("invalid UTF-8 byte sequence");
    assertThatThrownBy(() -> LocatedYaml.read(ev, "a YAML evidence file", "evidence"))
        .hasMessageContaining("is a directory, expected a YAML evidence file");
  }
}
