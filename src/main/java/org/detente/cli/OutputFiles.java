package org.detente.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.detente.DetenteException;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * Writes the files the commands produce so that nothing is ever half-written: the content goes
 * to a temporary file in the target's directory, which is then renamed over the target. New
 * files get the permissions the umask gives (a replaced file keeps its own); an interrupted write
 * leaves no temporary file. A target that exists and is not a regular file (a terminal,
 * {@code /dev/null}, {@code /dev/full}, a named pipe) is written through, never replaced, and a
 * write error there is reported.
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
   * @throws DetenteException (exit code 2 for an empty path or a folder, 1 otherwise) naming the
   *     file if it cannot be written
   */
  static void write(Path target, Body body) {
    checkPath(target);
    if (Files.isDirectory(target)) {
      throw new UsageException(Message.CANNOT_WRITE, target, "it is a folder");
    }
    try {
      if (Files.exists(target) && !Files.isRegularFile(target)) {
        writeThrough(target, body);
        return;
      }
      // a link to a regular file: replace the file it points to, keep the link
      Path abs = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
      Path dir = abs.getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new InvalidInputException(Message.CANNOT_WRITE, target,
            "directory " + dir + " does not exist");
      }
      replace(abs, body);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.CANNOT_WRITE, target, reason(e));
    }
  }

  /** Refuses a path that names nothing ({@code ""}): a usage error. */
  static void checkPath(Path target) {
    if (target.toString().isBlank()) {
      throw new UsageException(Message.OPTION_PROBLEM, "output path",
          "empty: give a file or folder name");
    }
  }

  private static void writeThrough(Path target, Body body) throws IOException {
    try (OutputStream os = Files.newOutputStream(target, StandardOpenOption.WRITE);
        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
      body.writeTo(w);
    }
  }

  private static void replace(Path abs, Body body) throws IOException {
    Path tmp = createTemp(abs);
    try {
      Set<PosixFilePermission> keep = permissionsOf(abs);
      try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.WRITE);
          Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
        body.writeTo(w);
      }
      if (keep != null) {
        Files.setPosixFilePermissions(tmp, keep);
      }
      InterruptCleanup.atomically(() -> {
        move(tmp, abs);
        InterruptCleanup.unregister(tmp);
      });
    } finally {
      Files.deleteIfExists(tmp);
      InterruptCleanup.unregister(tmp);
    }
  }

  /** A new empty hidden file next to {@code abs}, created with the umask's permissions. */
  private static Path createTemp(Path abs) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path tmp = abs.resolveSibling("." + abs.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      InterruptCleanup.register(tmp);
      try {
        // no file attributes: the operating system applies the umask, as for any new file
        Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        InterruptCleanup.unregister(tmp);
        if (attempt >= 100) {
          throw e;
        }
      } catch (IOException e) {
        InterruptCleanup.unregister(tmp);
        throw e;
      }
    }
  }

  /** The permissions of an existing regular file, or null (new file, or not a POSIX system). */
  static Set<PosixFilePermission> permissionsOf(Path p) throws IOException {
    if (!Files.exists(p)
        || Files.getFileAttributeView(p, PosixFileAttributeView.class) == null) {
      return null;
    }
    return Files.getPosixFilePermissions(p);
  }

  /** Renames {@code from} over {@code to}, atomically where the file system can. */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The operating system's reason, without Java's exception class names. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof java.nio.file.FileSystemException) {
      return "file system error";
    }
    return e.getMessage() == null ? "I/O error" : e.getMessage();
  }
}
