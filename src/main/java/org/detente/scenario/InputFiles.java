package org.detente.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.detente.InvalidInputException;
import org.detente.Message;

/**
 * The one rule for reading an input file (scenarios, evidence, KTAB CSV and XML): it must exist,
 * be a regular file (not a folder, a device such as /dev/zero, a named pipe or a socket; a
 * symbolic link is followed) and hold at most a stated number of bytes, checked before reading
 * and again while reading, so that no input can hang the program or exhaust its memory.
 */
public final class InputFiles {

  private InputFiles() {}

  /**
   * Why the file cannot be read, or null when it can: checked before opening it.
   *
   * @param expected what the file should be, e.g. "a YAML scenario file"
   */
  public static String refusal(Path path, long maxBytes, String expected) {
    try {
      if (!Files.exists(path)) {
        return Message.NO_SUCH_FILE.format();
      }
      if (Files.isDirectory(path)) {
        return Message.IS_DIRECTORY.format(expected);
      }
      if (!Files.isRegularFile(path)) {
        return Message.NOT_REGULAR_FILE.format(expected);
      }
      if (Files.size(path) > maxBytes) {
        return Message.FILE_TOO_LARGE.format(size(maxBytes), expected);
      }
      return null;
    } catch (IOException | SecurityException e) {
      return Message.CANNOT_READ.format(reason(e));
    }
  }

  /**
   * Reads the whole file under the rule, or throws {@link InvalidInputException}
   * "FILE: reason".
   *
   * @param file     the file as the user named it, for messages
   * @param expected what the file should be, e.g. "a KTAB CSV file"
   */
  public static byte[] read(Path path, String file, long maxBytes, String expected) {
    String why = refusal(path, maxBytes, expected);
    if (why == null) {
      try {
        byte[] bytes = readAtMost(path, maxBytes);
        if (bytes != null) {
          return bytes;
        }
        why = Message.FILE_TOO_LARGE.format(size(maxBytes), expected);
      } catch (NoSuchFileException e) {
        why = Message.NO_SUCH_FILE.format();
      } catch (IOException | SecurityException e) {
        why = Message.CANNOT_READ.format(reason(e));
      }
    }
    throw new InvalidInputException(Message.FILE_PROBLEM, file, why);
  }

  /** The file's bytes, or null when it holds more than {@code maxBytes} (it grew meanwhile). */
  static byte[] readAtMost(Path path, long maxBytes) throws IOException {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buf = new byte[(int) Math.min(cap, 64 * 1024)];
      int n = 0;
      while (true) {
        if (n == buf.length) {
          if (buf.length >= cap) {
            break;
          }
          buf = Arrays.copyOf(buf, (int) Math.min(cap, 2L * buf.length));
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      if (n > maxBytes) {
        return null;
      }
      return Arrays.copyOf(buf, n);
    }
  }

  /** A size limit as people say it: "4 MB", "512 kB". */
  static String size(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " kB";
    }
    return bytes + " bytes";
  }

  private static String reason(Exception e) {
    if (e instanceof AccessDeniedException || e instanceof SecurityException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
