package org.detente.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.UsageException;

/**
 * The folder an {@code --out DIR} option names, written whole or not at all. The files are
 * written into a hidden staging folder next to DIR, which then takes DIR's place. Every output
 * folder holds a marker file, {@value #MARKER}, listing what Detente wrote there; an existing
 * DIR is replaced only if it is empty or holds nothing but what its marker lists, so a user's
 * own files are never deleted. The folder gets the permissions the umask gives (a replaced one
 * keeps its own). If the program is interrupted before publishing, the staging folder is
 * deleted.
 */
public final class OutputFolder implements AutoCloseable {

  /** Name of the marker file written into every output folder. */
  public static final String MARKER = ".detente-output";

  private final String option;
  private final Path shown;
  private final Path target;
  private final Path staging;
  private boolean published;

  private OutputFolder(String option, Path shown, Path target, Path staging) {
    this.option = option;
    this.shown = shown;
    this.target = target;
    this.staging = staging;
  }

  /**
   * Checks that {@code dir} (the value of {@code option}) may receive an output folder and
   * creates the staging folder. Call it before the long work, so that a refusal comes first.
   *
   * @throws DetenteException (exit code 2) if the path is empty, is or contains the current
   *     folder, has no existing parent, is not a folder, or is a non-empty folder that is not a
   *     Detente output folder (or holds files its marker does not list)
   */
  public static OutputFolder prepare(String option, Path dir) {
    if (dir.toString().isBlank()) {
      throw usage(option, dir, "the path is empty: give a folder name");
    }
    Path abs = dir.toAbsolutePath().normalize();
    try {
      if (Files.exists(abs)) {
        abs = abs.toRealPath(); // a link to a folder: replace the folder, keep the link
      }
    } catch (IOException e) {
      throw usage(option, dir, OutputFiles.reason(e));
    }
    Path parent = abs.getParent();
    if (parent == null) {
      throw usage(option, dir, "cannot replace the root folder");
    }
    if (currentFolder().startsWith(abs)) {
      throw usage(option, dir, "is the current folder or contains it: give a new folder name");
    }
    if (!Files.isDirectory(parent)) {
      throw usage(option, dir, "parent directory does not exist");
    }
    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(abs)) {
        throw usage(option, dir, "exists and is not a directory");
      }
      checkReplaceable(option, dir, abs);
    }
    Path staging = createStaging(option, dir, abs);
    return new OutputFolder(option, dir, abs, staging);
  }

  /** The folder to write the output files into (until {@link #publish()}). */
  public Path staging() {
    return staging;
  }

  /**
   * Writes the marker (listing the files now in the staging folder) and puts the staging
   * folder in the target's place, replacing the previous output folder if there was one.
   */
  public void publish() {
    try {
      List<String> names = entries(staging);
      StringBuilder sb = new StringBuilder();
      sb.append("# Detente output folder. Detente replaces this folder only if it holds nothing\n")
          .append("# but the files listed below (and this file).\n");
      for (String n : names) {
        sb.append(n).append('\n');
      }
      Files.writeString(staging.resolve(MARKER), sb.toString(), StandardCharsets.UTF_8);
      InterruptCleanup.atomically(this::swap);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.CANNOT_WRITE, option + " " + shown,
          OutputFiles.reason(e));
    }
  }

  private void swap() throws IOException {
    Path old = null;
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      checkReplaceable(option, shown, target); // nothing was added while the command ran
      Set<PosixFilePermission> perms = OutputFiles.permissionsOf(target);
      if (perms != null) {
        Files.setPosixFilePermissions(staging, perms);
      }
      old = sibling(target, ".old-");
      InterruptCleanup.register(old);
      Files.move(target, old);
    }
    try {
      Files.move(staging, target);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, target); // put the previous output back
        InterruptCleanup.unregister(old);
      }
      throw e;
    }
    published = true;
    InterruptCleanup.unregister(staging);
    if (old != null) {
      InterruptCleanup.deleteTree(old);
      InterruptCleanup.unregister(old);
    }
  }

  /** Deletes the staging folder unless it was published. */
  @Override
  public void close() {
    if (!published) {
      InterruptCleanup.deleteTree(staging);
      InterruptCleanup.unregister(staging);
    }
  }

  private static void checkReplaceable(String option, Path shown, Path abs) {
    try {
      List<String> present = entries(abs);
      if (present.isEmpty()) {
        return;
      }
      if (!present.contains(MARKER)) {
        throw usage(option, shown, "the folder is not empty and is not a Detente output folder"
            + " (it has no " + MARKER + " file); give a new or empty folder");
      }
      List<String> listed = new ArrayList<>();
      for (String line : Files.readAllLines(abs.resolve(MARKER), StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          listed.add(line.strip());
        }
      }
      List<String> foreign = new ArrayList<>();
      for (String n : present) {
        if (!n.equals(MARKER) && !listed.contains(n)) {
          foreign.add(n);
        }
      }
      if (!foreign.isEmpty()) {
        throw usage(option, shown, "the folder holds files Detente did not write ("
            + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
            + (foreign.size() > 5 ? ", ..." : "")
            + "); move them away or give another folder");
      }
    } catch (IOException e) {
      throw usage(option, shown, OutputFiles.reason(e));
    }
  }

  private static Path createStaging(String option, Path shown, Path abs) {
    for (int attempt = 0; ; attempt++) {
      Path p = sibling(abs, ".tmp-");
      InterruptCleanup.register(p);
      try {
        // no attributes: the operating system applies the umask, as for any new folder
        return Files.createDirectory(p);
      } catch (FileAlreadyExistsException e) {
        InterruptCleanup.unregister(p);
        if (attempt >= 100) {
          throw new InvalidInputException(e, Message.CANNOT_WRITE, option + " " + shown,
              OutputFiles.reason(e));
        }
      } catch (IOException e) {
        InterruptCleanup.unregister(p);
        throw new InvalidInputException(e, Message.CANNOT_WRITE, option + " " + shown,
            OutputFiles.reason(e));
      }
    }
  }

  private static Path currentFolder() {
    Path cwd = Paths.get("").toAbsolutePath().normalize();
    try {
      return cwd.toRealPath();
    } catch (IOException e) {
      return cwd;
    }
  }

  private static Path sibling(Path abs, String kind) {
    return abs.resolveSibling("." + abs.getFileName() + kind
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
  }

  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static DetenteException usage(String option, Path dir, String what) {
    return new UsageException(Message.OPTION_PROBLEM,
        option + " " + (dir.toString().isEmpty() ? "''" : dir), what);
  }
}
