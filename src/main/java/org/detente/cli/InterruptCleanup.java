package org.detente.cli;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Temporary files and folders that an interrupted command (Ctrl-C, {@code kill}) must not leave
 * behind. A writer registers its staging path before it creates it and unregisters it once the
 * output is published; a JVM shutdown hook deletes whatever is still registered.
 */
final class InterruptCleanup {

  private static final Set<Path> PENDING = new LinkedHashSet<>();
  private static boolean hookInstalled;

  private InterruptCleanup() {}

  /** Deletes {@code path} (a file or a whole folder) if the program stops before publishing. */
  static synchronized void register(Path path) {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(
          new Thread(InterruptCleanup::deletePending, "detente-cleanup"));
      hookInstalled = true;
    }
    PENDING.add(path.toAbsolutePath());
  }

  /** {@code path} was published (or deleted) by its writer: nothing to do for it any more. */
  static synchronized void unregister(Path path) {
    PENDING.remove(path.toAbsolutePath());
  }

  /**
   * Runs {@code action} so that an interruption cannot run the cleanup in the middle of it:
   * publishing (renames, then unregistering) is done as one step with respect to the hook.
   */
  static synchronized void atomically(IoAction action) throws IOException {
    action.run();
  }

  /** An action that may fail with an I/O error. */
  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }

  private static synchronized void deletePending() {
    for (Path p : new ArrayList<>(PENDING)) {
      deleteTree(p);
    }
    PENDING.clear();
  }

  /**
   * Deletes a file or folder tree without following links. Other threads may still be writing
   * into it when the program is interrupted, so a folder that refills is walked again.
   */
  static void deleteTree(Path root) {
    for (int attempt = 0; attempt < 10; attempt++) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      List<Path> all;
      try (Stream<Path> s = Files.walk(root)) {
        all = s.sorted(Comparator.reverseOrder()).toList();
      } catch (IOException | RuntimeException e) {
        continue;
      }
      try {
        for (Path p : all) {
          Files.deleteIfExists(p);
        }
        return;
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        // a writer added or removed a file meanwhile: walk again
      } catch (IOException e) {
        return;
      }
    }
  }
}
