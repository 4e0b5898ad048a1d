package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --out DIR}: never deletes what Detente did not write, never leaves debris. */
class OutputFolderTest {

  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";

  private static CliRun.Result run(Path out) {
    return CliRun.exec("run", CUBA, "--runs", "20", "-q", "--no-timing", "--out", out.toString());
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFolderWithTheUsersFilesIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws Exception {
    Path out = Files.createDirectory(tmp.resolve("results"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    Files.createDirectories(out.resolve("drafts/old"));
    CliRun.Result r = run(out);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--out " + out + ": the folder is not empty and is not a"
        + " Detente output folder");
    assertThat(names(out)).containsExactly("drafts", "notes.txt");
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
    assertThat(names(tmp)).containsExactly("results");
  }

  @Test
  void aPreviousOutputIsReplacedAndCarriesAMarker(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("results");
    assertThat(run(out).code()).isZero();
    assertThat(names(out)).containsExactly(OutputFolder.MARKER, "events.tsv", "runs.csv",
        "state.json", "summary.json");
    assertThat(Files.readAllLines(out.resolve(OutputFolder.MARKER)))
        .contains("events.tsv", "runs.csv", "state.json", "summary.json");
    Files.writeString(out.resolve("runs.csv"), "stale");
    CliRun.Result again = run(out);
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(Files.readString(out.resolve("runs.csv"))).startsWith("run,");
    assertThat(names(tmp)).containsExactly("results");
  }

  @Test
  void aPreviousOutputWithAFileAddedSinceIsRefused(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("results");
    assertThat(run(out).code()).isZero();
    Files.writeString(out.resolve("analysis.ipynb"), "{}");
    CliRun.Result r = run(out);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("holds files Detente did not write (analysis.ipynb)");
    assertThat(out.resolve("analysis.ipynb")).hasContent("{}");
    assertThat(out.resolve("runs.csv")).exists();
  }

  @Test
  void anEmptyFolderIsUsedAndKeepsItsPermissions(@TempDir Path tmp) throws Exception {
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path out = Files.createDirectory(tmp.resolve("results"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-x---"));
    assertThat(run(out).code()).isZero();
    assertThat(out.resolve("summary.json")).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rwxr-x---");
  }

  @Test
  void aNewFolderAndItsFilesFollowTheUmask(@TempDir Path tmp) throws Exception {
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path refDir = Files.createDirectory(tmp.resolve("reference-dir"));
    Path refFile = Files.createFile(tmp.resolve("reference-file"));
    Path out = tmp.resolve("results");
    assertThat(run(out).code()).isZero();
    assertThat(Files.getPosixFilePermissions(out))
        .isEqualTo(Files.getPosixFilePermissions(refDir));
    for (String f : List.of("summary.json", "state.json", "runs.csv", "events.tsv",
        OutputFolder.MARKER)) {
      assertThat(Files.getPosixFilePermissions(out.resolve(f))).as(f)
          .isEqualTo(Files.getPosixFilePermissions(refFile));
    }
  }

  @Test
  void aLinkToAnOutputFolderStaysALink(@TempDir Path tmp) throws Exception {
    Path real = Files.createDirectory(tmp.resolve("real"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    assertThat(run(link).code()).isZero();
    assertThat(run(link).code()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real.resolve("runs.csv")).exists();
    assertThat(names(tmp)).containsExactly("link", "real");
  }

  @Test
  void anEmptyPathOrTheCurrentFolderIsAUsageError() throws Exception {
    Path cwd = Paths.get("").toAbsolutePath();
    List<String> before = names(cwd.getParent());
    for (String bad : List.of("", ".", "..")) {
      CliRun.Result r = CliRun.exec("run", CUBA, "--runs", "5", "-q", "--out", bad);
      assertThat(r.code()).as("--out '%s'", bad).isEqualTo(2);
      assertThat(r.err()).as("--out '%s'", bad).startsWith("detente: --out ");
    }
    assertThat(names(cwd.getParent())).isEqualTo(before);
  }

  @Test
  void ctrlCDuringARunLeavesNoStagingFolder(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("results");
    Process p = CliProcess.builder("run", CUBA, "--runs", "5000000", "--threads", "1", "-q",
            "--out", out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      boolean writing = false;
      while (!writing && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(100);
        for (String n : names(tmp)) {
          File csv = tmp.resolve(n).resolve("runs.csv").toFile();
          writing |= n.startsWith(".results.tmp-") && csv.length() > 0;
        }
      }
      assertThat(writing).as("the run started writing runs.csv").isTrue();
      CliProcess.interrupt(p);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isNotZero();
      assertThat(names(tmp)).isEmpty();
    } finally {
      p.destroyForcibly();
    }
  }
}
