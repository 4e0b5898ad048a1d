package org.detente.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.detente.DetenteException;

/**
 * Writes the files the commands produce so that nothing is ever half-written: the content goes
 * to a temporary file in the target's directory, which is then moved over the target.
 */
final class OutputFiles {

  /** Writes content to a {@link Writer}. */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer w) throws IOException;
  }

  private OutputFiles() {}

  /** Writes {@code text} (UTF-8) to {@code target} atomically. */
  static void write(Path target, String text) {
    write(target, w -> w.write(text));
  }

  /**
   * Writes what {@code body} produces (UTF-8) to {@code target} atomically. The target's
   * directory must exist.
   *
   * @throws DetenteException (exit code 1) naming the file if it cannot be written
   */
  static void write(Path target, Body body) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new DetenteException(
          "cannot write " + target + ": directory " + dir + " does not exist", 1);
    }
    try {
      Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      try {
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          body.writeTo(w);
        }
        try {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new DetenteException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
