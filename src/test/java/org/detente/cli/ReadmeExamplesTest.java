package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's examples name files the repository ships and show what the program prints. */
class ReadmeExamplesTest {

  @Test
  void theValidateExampleIsRealOutputOfAShippedFile() throws Exception {
    List<String> readme = Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8);
    String prompt = "$ ./detente validate examples/bad.yaml; echo exit=$?";
    int at = readme.indexOf(prompt);
    assertThat(at).as("README shows '%s'", prompt).isNotNegative();
    List<String> shown = new ArrayList<>();
    for (int i = at + 1; !readme.get(i).equals("```"); i++) {
      shown.add(readme.get(i));
    }
    assertThat(Paths.get("examples/bad.yaml")).exists();

    CliRun.Result r = CliRun.exec("validate", "examples/bad.yaml");
    List<String> printed = new ArrayList<>();
    printed.addAll(r.out().lines().toList());
    printed.addAll(r.err().lines().toList());
    printed.add("exit=" + r.code());
    assertThat(shown).isEqualTo(printed);
  }
}
