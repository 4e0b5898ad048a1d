package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.detente.DetenteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Output files are written whole or not at all, and devices are written, never replaced. */
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

  @Test
  void anEmptyPathIsAUsageError() {
    assertThatThrownBy(() -> OutputFiles.write(Paths.get(""), "x"))
        .isInstanceOf(org.detente.UsageException.class)
        .hasMessageContaining("empty")
        .extracting(e -> Main.exitCode((DetenteException) e)).isEqualTo(2);
  }

  @Test
  void aNewFileGetsThePermissionsTheUmaskGives(@TempDir Path dir) throws Exception {
    assumeTrue(posix(dir));
    Path reference = Files.createFile(dir.resolve("reference"));
    Path out = dir.resolve("new.csv");
    OutputFiles.write(out, "x");
    assertThat(Files.getPosixFilePermissions(out))
        .isEqualTo(Files.getPosixFilePermissions(reference));
  }

  @Test
  void aReplacedFileKeepsItsPermissions(@TempDir Path dir) throws Exception {
    assumeTrue(posix(dir));
    Path out = Files.writeString(dir.resolve("shared.csv"), "old");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-r--"));
    OutputFiles.write(out, "new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-rw-r--");
  }

  @Test
  void aLinkToAFileStaysALinkAndTheFileIsReplaced(@TempDir Path dir) throws Exception {
    Path real = Files.writeString(dir.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
    OutputFiles.write(link, "new");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new");
  }

  @Test
  void aFullDeviceIsAnErrorAndIsNotReplaced(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(Paths.get("/dev/full")));
    Path link = Files.createSymbolicLink(dir.resolve("full"), Paths.get("/dev/full"));
    assertThatThrownBy(() -> OutputFiles.write(link, "x".repeat(100_000)))
        .isInstanceOf(DetenteException.class)
        .hasMessageContaining("cannot write " + link)
        .hasMessageContaining("No space left on device");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(link); // no temporary file either
    }
    Files.delete(link); // the temporary folder's cleanup warns about links that leave it
  }

  @Test
  void aNullDeviceIsWrittenThroughAndStaysADevice(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(Paths.get("/dev/null")));
    Path link = Files.createSymbolicLink(dir.resolve("null"), Paths.get("/dev/null"));
    OutputFiles.write(link, "discarded");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isRegularFile(link)).isFalse();
    Files.delete(link);
  }

  @Test
  void aNamedPipeIsWrittenThrough(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("pipe");
    assumeTrue(mkfifo(fifo));
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    OutputFiles.write(fifo, "through the pipe");
    assertThat(reader.get(20, TimeUnit.SECONDS)).isEqualTo("through the pipe");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }

  @Test
  void aFolderIsAUsageError(@TempDir Path dir) {
    assertThatThrownBy(() -> OutputFiles.write(dir, "x"))
        .isInstanceOf(DetenteException.class)
        .hasMessageContaining("is a folder");
  }

  /** The commands that write one file all go through the same writer. */
  @ParameterizedTest
  @ValueSource(strings = {
      "schema -o {dev}",
      "effects --yield 20kt --target Warsaw --map {dev}",
      "bargain src/main/resources/data/ktab/SOE-Pol-Comp.csv --rounds-out {dev}"})
  void commandsWritingToAFullDeviceFailAndLeaveItInPlace(String line, @TempDir Path dir)
      throws Exception {
    assumeTrue(Files.exists(Paths.get("/dev/full")));
    Path link = Files.createSymbolicLink(dir.resolve("dev"), Paths.get("/dev/full"));
    CliRun.Result r = CliRun.exec(line.replace("{dev}", link.toString()).split(" "));
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("No space left on device");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    Files.delete(link);
  }

  private static boolean posix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static boolean mkfifo(Path p) throws Exception {
    try {
      Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
      return mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
