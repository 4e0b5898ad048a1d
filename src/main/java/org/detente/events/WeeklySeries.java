package org.detente.events;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.detente.InvalidInputException;
import org.detente.Message;

/**
 * Events per week and directed dyad: counts by quad class and by CAMEO root code, the sum of
 * Goldstein values, and the source rows (file and line) of the first {@link #ROWS_KEPT} events
 * of each cell. Week w starts on {@code week0 + 7w} days.
 *
 * <p>Written and read as CSV (docs/events.md, "The weekly series"): comment lines starting
 * with {@code #} give the week-0 date and the inputs, then a header and one row per week and
 * dyad with at least one event, sorted by week, source and target.
 */
public final class WeeklySeries {

  /** Source rows cited per cell (all are counted). */
  public static final int ROWS_KEPT = 16;

  /** One week of one directed dyad. */
  public static final class Cell {
    final int week;
    final String source;
    final String target;
    int events;
    double goldstein;
    final int[] quad = new int[5];
    final int[] root = new int[Cameo.ROOTS + 1];
    final List<String> rows = new ArrayList<>(2);

    Cell(int week, String source, String target) {
      this.week = week;
      this.source = source;
      this.target = target;
    }

    /** Week index (week 0 starts on {@link WeeklySeries#week0()}). */
    public int week() {
      return week;
    }

    /** Acting actor id. */
    public String source() {
      return source;
    }

    /** Target actor id. */
    public String target() {
      return target;
    }

    /** Events in the week. */
    public int events() {
      return events;
    }

    /** Sum of the events' Goldstein values. */
    public double goldstein() {
      return goldstein;
    }

    /** Events of quad class q (1..4). */
    public int quad(int q) {
      return quad[q];
    }

    /** Events of CAMEO root code r (1..20). */
    public int root(int r) {
      return root[r];
    }

    /** Source rows cited ("FILE:LINE", FILE an input index), at most {@link #ROWS_KEPT}. */
    public List<String> rows() {
      return Collections.unmodifiableList(rows);
    }
  }

  private final LocalDate week0;
  private final List<String> inputs;
  private final List<Cell> cells;

  /**
   * A series.
   *
   * @param week0  the first day of week 0
   * @param inputs the input files, in the order their indices in {@link Cell#rows()} refer to
   * @param cells  the cells (sorted here by week, source, target)
   */
  public WeeklySeries(LocalDate week0, List<String> inputs, List<Cell> cells) {
    this.week0 = week0;
    this.inputs = List.copyOf(inputs);
    List<Cell> c = new ArrayList<>(cells);
    c.sort(Comparator.comparingInt(Cell::week).thenComparing(Cell::source)
        .thenComparing(Cell::target));
    this.cells = Collections.unmodifiableList(c);
  }

  /** The first day of week 0. */
  public LocalDate week0() {
    return week0;
  }

  /** The input files, as {@code FORMAT PATH}. */
  public List<String> inputs() {
    return inputs;
  }

  /** The cells, sorted by week, source and target. */
  public List<Cell> cells() {
    return cells;
  }

  /** The last week with an event, or -1 for an empty series. */
  public int lastWeek() {
    return cells.isEmpty() ? -1 : cells.get(cells.size() - 1).week;
  }

  /** The first week with an event, or 0 for an empty series. */
  public int firstWeek() {
    return cells.isEmpty() ? 0 : cells.get(0).week;
  }

  private static final String HEADER;

  static {
    StringBuilder h = new StringBuilder("week,week_start,source,target,events,goldstein_sum,"
        + "q1,q2,q3,q4");
    for (int r = 1; r <= Cameo.ROOTS; r++) {
      h.append(",r").append(Cameo.rootText(r));
    }
    HEADER = h.append(",rows").toString();
  }

  /** Writes the series as CSV. */
  public void write(Writer w) throws IOException {
    w.write("# Detente weekly event series: events per week and directed dyad\n");
    w.write("# week0: " + week0 + "\n");
    for (int i = 0; i < inputs.size(); i++) {
      w.write("# input " + i + ": " + inputs.get(i) + "\n");
    }
    w.write(HEADER);
    w.write('\n');
    StringBuilder sb = new StringBuilder(256);
    for (Cell c : cells) {
      sb.setLength(0);
      sb.append(c.week).append(',').append(week0.plusDays(7L * c.week)).append(',')
          .append(c.source).append(',').append(c.target).append(',').append(c.events)
          .append(',').append(String.format(Locale.ROOT, "%.1f", c.goldstein));
      for (int q = 1; q <= 4; q++) {
        sb.append(',').append(c.quad[q]);
      }
      for (int r = 1; r <= Cameo.ROOTS; r++) {
        sb.append(',').append(c.root[r]);
      }
      sb.append(',').append(String.join(" ", c.rows)).append('\n');
      w.write(sb.toString());
    }
  }

  /**
   * Reads a series written by {@link #write}; a problem is reported with file, line, column and
   * field.
   */
  public static WeeklySeries read(Path path) {
    String file = path.toString();
    List<String> lines;
    try {
      if (!Files.exists(path)) {
        throw new InvalidInputException(Message.FILE_PROBLEM, file, Message.NO_SUCH_FILE.format());
      }
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.FILE_PROBLEM, file,
          Message.CANNOT_READ.format(e.getMessage()));
    } catch (java.io.UncheckedIOException e) {
      throw new InvalidInputException(e, Message.FILE_PROBLEM, file, Message.NOT_UTF8.format());
    }
    LocalDate week0 = null;
    List<String> inputs = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    boolean header = false;
    String[] names = HEADER.split(",");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int ln = i + 1;
      if (line.startsWith("#")) {
        if (line.startsWith("# week0: ")) {
          try {
            week0 = LocalDate.parse(line.substring(9).strip());
          } catch (java.time.format.DateTimeParseException e) {
            throw located(file, ln, 10, "week0", "a date YYYY-MM-DD");
          }
        } else if (line.startsWith("# input ")) {
          int colon = line.indexOf(": ");
          inputs.add(colon < 0 ? line.substring(8) : line.substring(colon + 2));
        }
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      if (!header) {
        if (!line.equals(HEADER)) {
          throw located(file, ln, 1, "header", "the header of a weekly series (" + HEADER
              + "), as 'detente events import' writes it");
        }
        header = true;
        continue;
      }
      if (week0 == null) {
        throw located(file, ln, 1, "week0", "a '# week0: YYYY-MM-DD' line before the rows");
      }
      String[] f = line.split(",", -1);
      if (f.length != names.length) {
        throw located(file, ln, 1, "row", names.length + " comma-separated fields, found "
            + f.length);
      }
      int[] col = new int[f.length];
      for (int k = 1; k < f.length; k++) {
        col[k] = col[k - 1] + f[k - 1].length() + 1;
      }
      int week = integer(file, ln, col[0] + 1, names[0], f[0], Integer.MIN_VALUE);
      LocalDate start = week0.plusDays(7L * week);
      if (!f[1].equals(start.toString())) {
        throw located(file, ln, col[1] + 1, names[1], "week " + week + " to start on " + start
            + " (week0 + 7 × week), got '" + f[1] + "'");
      }
      if (f[2].isEmpty() || f[3].isEmpty()) {
        throw located(file, ln, col[f[2].isEmpty() ? 2 : 3] + 1, "source/target",
            "an actor id");
      }
      Cell c = new Cell(week, f[2], f[3]);
      c.events = integer(file, ln, col[4] + 1, names[4], f[4], 1);
      try {
        c.goldstein = Double.parseDouble(f[5]);
      } catch (NumberFormatException e) {
        throw located(file, ln, col[5] + 1, names[5], "a number");
      }
      int qs = 0;
      for (int q = 1; q <= 4; q++) {
        c.quad[q] = integer(file, ln, col[5 + q] + 1, names[5 + q], f[5 + q], 0);
        qs += c.quad[q];
      }
      int rs = 0;
      for (int r = 1; r <= Cameo.ROOTS; r++) {
        c.root[r] = integer(file, ln, col[9 + r] + 1, names[9 + r], f[9 + r], 0);
        rs += c.root[r];
      }
      if (qs != c.events || rs != c.events) {
        throw located(file, ln, col[4] + 1, "events", "the quad-class counts (sum " + qs
            + ") and the root-code counts (sum " + rs + ") to add up to events (" + c.events
            + ")");
      }
      String rows = f[f.length - 1].strip();
      if (!rows.isEmpty()) {
        c.rows.addAll(List.of(rows.split(" ")));
      }
      cells.add(c);
    }
    if (!header) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file, Message.FILE_EMPTY.format(
          "a weekly event series as 'detente events import --out' writes it"));
    }
    return new WeeklySeries(week0, inputs, cells);
  }

  private static int integer(String file, int line, int col, String field, String s, int min) {
    try {
      int v = Integer.parseInt(s);
      if (v >= min) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw located(file, line, col, field, min == Integer.MIN_VALUE ? "a whole number"
        : "a whole number of at least " + min + " (got '" + s + "')");
  }

  private static InvalidInputException located(String file, int line, int col, String field,
      String expected) {
    return new InvalidInputException(Message.LOCATED_EXPECTED, file, line, col, field, expected);
  }
}
