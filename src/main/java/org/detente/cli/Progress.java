package org.detente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The progress bar of a long command, in one style for every command: a line on standard error,
 * redrawn in place, never on standard output. It is shown only when standard error is a terminal
 * (or {@code --progress} asks for it) and {@code -q} is not given, and, unless asked for, only
 * once the work has lasted {@link #DELAY_MILLIS} (a short command prints nothing).
 * {@code NO_COLOR} turns colour off; a terminal that cannot show block characters gets ASCII.
 * Work is counted in units (runs, turns, measurements); {@link #stage} hands an ensemble a
 * counter of its own runs.
 */
final class Progress implements AutoCloseable {

  /** Work shorter than this shows no bar. */
  static final long DELAY_MILLIS = 1000;

  /** What the bar looks like, or that there is none. */
  enum Look {
    /** No bar. */
    NONE,
    /** Coloured Unicode blocks (the library's default style). */
    COLOUR,
    /** Unicode blocks without colour ({@code NO_COLOR}). */
    PLAIN,
    /** ASCII only (standard error cannot encode block characters). */
    ASCII
  }

  private static final Progress NONE = new Progress(null, null);

  /**
   * Who else follows the commands started on this thread: it receives (units done, units in
   * all) as a bar would show them. The web application sets it on the thread that runs a
   * command, to stream the command's progress to the browser.
   */
  static final ThreadLocal<BiConsumer<Long, Long>> OBSERVER = new ThreadLocal<>();

  private final ProgressBar bar;
  private final Line line;
  private final Thread onExit;
  private final BiConsumer<Long, Long> observer;
  private final long total;
  private LineWriter lines;
  private long done;

  private Progress(ProgressBar bar, Line line) {
    this(bar, line, null, -1);
  }

  private Progress(ProgressBar bar, Line line, BiConsumer<Long, Long> observer, long total) {
    this.bar = bar;
    this.line = line;
    this.observer = observer;
    this.total = total;
    // interrupted (Ctrl-C), the bar's line still ends, so the shell's prompt starts a new one
    this.onExit = line == null ? null : new Thread(line::close, "detente-progress-exit");
    if (onExit != null) {
      Runtime.getRuntime().addShutdownHook(onExit);
    }
  }

  /**
   * Starts the bar of a command.
   *
   * @param spec  the command (the bar goes to its error stream)
   * @param flags its {@code -q} and {@code --progress} flags
   * @param task  the name shown before the bar
   * @param total the units of work, or a negative number when unknown
   * @param unit  what a unit is (" runs", " turns"), or "" for none
   */
  static Progress start(CommandSpec spec, SharedOptions.ProgressFlags flags, String task,
      long total, String unit) {
    return start(spec, flags, task, total, unit, 1);
  }

  /**
   * Starts a bar that counts in units of {@code unitSize} (a benchmark counts each measurement
   * as 1000 units, so that the bar fills in while a measurement runs but shows measurements).
   */
  static Progress start(CommandSpec spec, SharedOptions.ProgressFlags flags, String task,
      long total, String unit, long unitSize) {
    BiConsumer<Long, Long> observer = OBSERVER.get();
    if (observer != null) {
      observer.accept(0L, total);
      return new Progress(null, null, observer, total);
    }
    Look look = look(flags.quiet(), flags.forced(), stderrIsTerminal(), System.getenv(),
        stderrCharset());
    if (look == Look.NONE) {
      return NONE;
    }
    int width = stderrIsTerminal() ? new ConsoleProgressBarConsumer(System.err)
        .getMaxRenderedLength() : 80;
    // asked for, the bar shows from the start
    return start(spec.commandLine().getErr(), look, width, flags.forced() ? 0 : DELAY_MILLIS,
        task, total, unit, unitSize);
  }

  /** A bar with every setting given (tests use it with no delay). */
  static Progress start(PrintWriter err, Look look, int width, long delayMillis, String task,
      long total, String unit, long unitSize) {
    if (look == Look.NONE) {
      return NONE;
    }
    Line line = new Line(err, Math.max(20, width - 1), delayMillis);
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task)
        .setInitialMax(total < 0 ? -1 : Math.max(1, total))
        .setStyle(switch (look) {
          case COLOUR -> ProgressBarStyle.COLORFUL_UNICODE_BLOCK;
          case PLAIN -> ProgressBarStyle.UNICODE_BLOCK;
          default -> ProgressBarStyle.ASCII;
        })
        .setUnit(unit, unitSize)
        .setUpdateIntervalMillis(200)
        .setConsumer(line);
    return new Progress(b.build(), line);
  }

  /**
   * How the bar looks: none when quiet, or when standard error is not a terminal and the bar was
   * not asked for; without colour when {@code NO_COLOR} is set to anything but the empty string
   * (no-color.org); ASCII when standard error cannot encode block characters.
   */
  static Look look(boolean quiet, boolean forced, boolean stderrIsTerminal,
      Map<String, String> env, Charset stderrCharset) {
    if (quiet || !(forced || stderrIsTerminal)) {
      return Look.NONE;
    }
    if (!stderrCharset.newEncoder().canEncode("█▏")) {
      return Look.ASCII;
    }
    String noColor = env.get("NO_COLOR");
    return noColor != null && !noColor.isEmpty() ? Look.PLAIN : Look.COLOUR;
  }

  /**
   * Whether standard error is a terminal: on Linux from the device behind file descriptor 2;
   * elsewhere, when the JVM has a console (standard input and output are terminals).
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      String target = Files.readSymbolicLink(fd2).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }

  private static Charset stderrCharset() {
    String name = System.getProperty("stderr.encoding",
        System.getProperty("sun.stderr.encoding", System.getProperty("native.encoding")));
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }

  /** What runs when the JVM exits with the bar still open (null without a bar). */
  Thread exitHook() {
    return onExit;
  }

  /** Whether a bar is drawn (else every method does nothing). */
  boolean shown() {
    return bar != null;
  }

  /**
   * A counter for the next {@code units} units of work (an ensemble of that many runs): it takes
   * how many of them are done, as {@code Ensemble.run} reports it.
   */
  LongConsumer stage(long units) {
    return stage(units, units);
  }

  /**
   * A counter for the next {@code units} units of work, done when it reaches {@code count}: a
   * measurement of {@code count} runs that weighs {@code units} on the bar.
   */
  LongConsumer stage(long units, long count) {
    long base = done;
    done += units;
    if (observer != null) {
      long of = Math.max(1, count);
      return n -> observer.accept(base + Math.min(units, n * units / of), total);
    }
    if (bar == null) {
      return n -> { };
    }
    long of = Math.max(1, count);
    return n -> bar.stepTo(base + Math.min(units, n * units / of));
  }

  /** Counts {@code units} more units done. */
  void step(long units) {
    done += units;
    if (observer != null) {
      observer.accept(done, total);
    }
    if (bar != null) {
      bar.stepTo(done);
    }
  }

  /** Names the current part of the work after the counts (e.g. a benchmark's stage). */
  void message(String text) {
    if (bar != null) {
      bar.setExtraMessage(text);
    }
  }

  /**
   * A writer for a command that prints its results while the bar runs: it passes on whole lines
   * only, each after erasing the bar, so that standard output and the bar never share a line of
   * the terminal. Without a bar it is {@code out} itself.
   */
  PrintWriter lines(PrintWriter out) {
    if (bar == null) {
      return out;
    }
    lines = new LineWriter(out, line);
    line.eraseOnClose = true;
    return new PrintWriter(lines, false);
  }

  /**
   * Stops the bar, leaving its last state on its line (nothing if it was never drawn); after
   * results printed through {@link #lines}, it erases the bar instead and passes on what the
   * writer still holds.
   */
  @Override
  public void close() {
    if (onExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook ends the line
      }
    }
    if (bar != null) {
      bar.close();
      // the library skips its consumer's close when the bar ends before its first update
      line.close();
    }
    if (lines != null) {
      lines.close();
    }
  }

  /** The bar's line on the error stream: drawn in place, once the delay has passed. */
  private static final class Line implements ProgressBarConsumer {
    private final PrintWriter err;
    private final int width;
    private final long visibleAfter;
    private boolean drawn;
    private boolean closed;
    private volatile boolean eraseOnClose;

    Line(PrintWriter err, int width, long delayMillis) {
      this.err = err;
      this.width = width;
      this.visibleAfter = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
    }

    @Override
    public int getMaxRenderedLength() {
      return width;
    }

    @Override
    public synchronized void accept(String rendered) {
      if (closed || System.nanoTime() - visibleAfter < 0) {
        return;
      }
      String text = rendered.startsWith("\r") ? rendered.substring(1) : rendered;
      err.print('\r');
      err.print(text);
      err.flush();
      drawn = true;
    }

    @Override
    public synchronized void clear() {
      erase();
    }

    /** Erases the bar's line, if drawn; the next update draws it again. */
    synchronized void erase() {
      if (drawn) {
        err.print('\r');
        err.print(" ".repeat(width));
        err.print('\r');
        err.flush();
        drawn = false;
      }
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (eraseOnClose) {
        erase();
      } else if (drawn) {
        err.println();
        err.flush();
      }
    }
  }

  /** Passes whole lines to the output, erasing the bar first. */
  private static final class LineWriter extends Writer {
    private final PrintWriter out;
    private final Line line;
    private final StringBuilder pending = new StringBuilder();

    LineWriter(PrintWriter out, Line line) {
      this.out = out;
      this.line = line;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      pending.append(cbuf, off, len);
      int nl = pending.lastIndexOf("\n");
      if (nl >= 0) {
        String whole = pending.substring(0, nl + 1);
        pending.delete(0, nl + 1);
        emit(whole);
      }
    }

    private void emit(String text) {
      synchronized (line) {
        line.erase();
        out.print(text);
        out.flush();
      }
    }

    /** Partial lines wait for their end, so that the bar cannot be drawn over them. */
    @Override
    public void flush() {
    }

    @Override
    public void close() {
      if (pending.length() > 0) {
        emit(pending.toString());
        pending.setLength(0);
      }
      out.flush();
    }
  }
}
