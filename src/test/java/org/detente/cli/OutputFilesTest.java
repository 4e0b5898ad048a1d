package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.detente.DetenteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are written whole or not at all. */
class OutputFilesTest {

  @Test
  void writesTheContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("report.html");
    Files.writeString(out, "old");
    OutputFiles.write(out, "<p>new</p>");
    assertThat(Files.readString(out)).isEqualTo("<p>new</p>");
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1); // no temporary file left behind
    }
  }

  @Test
  void aMissingDirectoryIsAClearErrorAndWritesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("no-such-dir/rounds.csv");
    assertThatThrownBy(() -> OutputFiles.write(out, w -> w.write("x")))
        .isInstanceOf(DetenteException.class)
        .hasMessageContaining("cannot write " + out)
        .hasMessageContaining("does not exist");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
