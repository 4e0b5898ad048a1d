package org.detente.events;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.detente.InvalidInputException;
import org.detente.Message;

/**
 * Streams event files and aggregates them per week and directed dyad into a
 * {@link WeeklySeries}. Memory does not grow with the number of rows: a row is parsed, counted
 * and forgotten; what stays is one cell per week and dyad that has events (at most weeks × n² for
 * n mapped actors) and, per cell, the first {@link WeeklySeries#ROWS_KEPT} row citations. Every
 * kept row can also go to a {@link RowSink} as it is read.
 *
 * <p>A row is kept when it is well-formed, its date lies in [from, to], and its source and
 * target map to two different actors; a side maps through its first candidate code that the
 * {@link ActorMapping} knows (GDELT: the actor's country code, then its known-group code, then
 * the full actor code; ICEWS: the country; PLOVER: the codes of the listed entities in order).
 */
public final class Importer {

  /** Receives each kept row as it is read. */
  @FunctionalInterface
  public interface RowSink {
    /**
     * A kept row.
     *
     * @param file   index of the input file
     * @param line   line number in that file (1-based)
     * @param row    the parsed row (reused after the call)
     * @param source the source actor id
     * @param target the target actor id
     */
    void kept(int file, long line, EventRow row, String source, String target)
        throws IOException;
  }

  /** Monday 1970-01-05, the day weeks start on when no week 0 is given. */
  private static final long MONDAY = 4;

  private final ActorMapping actors;
  private final EventFormat format;
  private final long fromDay;
  private final long toDay;
  private final LocalDate week0;
  private final long anchor;
  private final RowSink sink;
  private final ImportTotals totals = new ImportTotals();
  private final Map<Long, WeeklySeries.Cell> cells = new HashMap<>();
  private final List<String> inputs = new ArrayList<>();
  private final EventRow row = new EventRow();

  /**
   * An importer.
   *
   * @param actors the actor mapping
   * @param format the format of every file, or null to tell each file's from its first line
   * @param from   first day kept, or null
   * @param to     last day kept, or null
   * @param week0  first day of week 0, or null: weeks then start on Mondays and week 0 is the
   *               first week with a kept row
   * @param sink   receives every kept row, or null
   */
  public Importer(ActorMapping actors, EventFormat format, LocalDate from, LocalDate to,
      LocalDate week0, RowSink sink) {
    if (actors.actors().size() > 1000) {
      throw new InvalidInputException(Message.LIMIT, actors.actors().size(), "actors", 1000,
          "the weekly series keys dyads by actor index");
    }
    this.actors = actors;
    this.format = format;
    this.fromDay = from == null ? Long.MIN_VALUE : from.toEpochDay();
    this.toDay = to == null ? Long.MAX_VALUE : to.toEpochDay();
    this.week0 = week0;
    this.anchor = week0 == null ? MONDAY : week0.toEpochDay();
    this.sink = sink;
  }

  /**
   * Opens an event file for streaming: {@code .gz} files are gunzipped, {@code .zip} files (as
   * GDELT ships them) give their first entry. {@code onBytes} is told of every byte read from
   * the file on disk (for a progress bar), or is null.
   */
  public static InputStream open(Path file, LongConsumer onBytes) throws IOException {
    InputStream raw = Files.newInputStream(file);
    if (onBytes != null) {
      raw = new Counting(raw, onBytes);
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(
        java.util.Locale.ROOT);
    if (name.endsWith(".gz")) {
      return new GZIPInputStream(raw, 1 << 16);
    }
    if (name.endsWith(".zip")) {
      ZipInputStream z = new ZipInputStream(raw);
      if (z.getNextEntry() == null) {
        z.close();
        throw new InvalidInputException(Message.FILE_PROBLEM, file,
            "a zip archive without entries; expected one event file inside");
      }
      return z;
    }
    return raw;
  }

  /**
   * Reads one event file to its end.
   *
   * @param name how the file is named in citations and messages
   * @param in   its content (closed by the caller)
   */
  public void read(String name, InputStream in) throws IOException {
    int fileIndex = inputs.size();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
        1 << 20);
    RowParser parser = format == null ? null : new RowParser(format);
    EventFormat used = format;
    long lineNo = 0;
    String line;
    inputs.add(name);
    int slot = inputs.size() - 1;
    while ((line = r.readLine()) != null) {
      lineNo++;
      totals.lines++;
      if (parser == null) {
        if (line.isBlank()) {
          totals.blank++;
          continue;
        }
        used = RowParser.detect(line);
        if (used == null) {
          throw new InvalidInputException(Message.LOCATED_EXPECTED, name, lineNo, 1, "format",
              "a GDELT 1.0 (57 or 58 tab-separated fields), GDELT 2.0 (61), ICEWS (20, with"
                  + " its header row), PLOVER (one JSON object per line) or Detente event-log row; or give"
                  + " --format");
        }
        parser = new RowParser(used);
      }
      switch (parser.parse(line, row)) {
        case BLANK -> totals.blank++;
        case HEADER -> totals.headers++;
        case MALFORMED -> {
          totals.rowsRead++;
          totals.malformed++;
          if (totals.listed.size() < ImportTotals.MAX_LISTED) {
            totals.listed.add(new ImportTotals.Malformed(name, lineNo, parser.reason()));
          }
        }
        case ROW -> {
          totals.rowsRead++;
          accept(fileIndex, lineNo);
        }
      }
    }
    inputs.set(slot, (used == null ? "empty" : used.name()) + " " + name);
    totals.files.add(new ImportTotals.FileTotals(name, used, lineNo));
  }

  private void accept(int file, long lineNo) throws IOException {
    totals.readByQuad[row.quad]++;
    totals.readByRoot[row.root]++;
    if (row.day < fromDay || row.day > toDay) {
      totals.outsideDates++;
      return;
    }
    int s = -1;
    for (int i = 0; i < row.sources && s < 0; i++) {
      s = actors.lookup(row.source[i]);
    }
    int t = -1;
    for (int i = 0; i < row.targets && t < 0; i++) {
      t = actors.lookup(row.target[i]);
    }
    if (s < 0 || t < 0) {
      totals.unmappedActor++;
      return;
    }
    if (s == t) {
      totals.sameActor++;
      return;
    }
    totals.kept++;
    totals.keptByQuad[row.quad]++;
    totals.keptByRoot[row.root]++;
    long week = Math.floorDiv(row.day - anchor, 7);
    long key = (week << 20) | ((long) s << 10) | t;
    WeeklySeries.Cell c = cells.get(key);
    if (c == null) {
      c = new WeeklySeries.Cell((int) week, actors.actors().get(s), actors.actors().get(t));
      cells.put(key, c);
    }
    c.events++;
    c.goldstein += row.goldstein;
    c.quad[row.quad]++;
    c.root[row.root]++;
    if (c.rows.size() < WeeklySeries.ROWS_KEPT) {
      c.rows.add(file + ":" + lineNo);
    }
    if (sink != null) {
      sink.kept(file, lineNo, row, actors.actors().get(s), actors.actors().get(t));
    }
  }

  /** What was read so far. */
  public ImportTotals totals() {
    return totals;
  }

  /**
   * The weekly series of the rows kept so far. Without a week 0, week 0 is the Monday-starting
   * week of the earliest kept row.
   */
  public WeeklySeries series() {
    List<WeeklySeries.Cell> list = new ArrayList<>(cells.values());
    if (week0 != null) {
      return new WeeklySeries(week0, inputs, list);
    }
    int first = list.stream().mapToInt(WeeklySeries.Cell::week).min().orElse(0);
    List<WeeklySeries.Cell> shifted = new ArrayList<>(list.size());
    for (WeeklySeries.Cell c : list) {
      WeeklySeries.Cell d = new WeeklySeries.Cell(c.week - first, c.source, c.target);
      d.events = c.events;
      d.goldstein = c.goldstein;
      System.arraycopy(c.quad, 0, d.quad, 0, c.quad.length);
      System.arraycopy(c.root, 0, d.root, 0, c.root.length);
      d.rows.addAll(c.rows);
      shifted.add(d);
    }
    return new WeeklySeries(LocalDate.ofEpochDay(MONDAY + 7L * first), inputs, shifted);
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private final LongConsumer onBytes;

    Counting(InputStream in, LongConsumer onBytes) {
      super(in);
      this.onBytes = onBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        onBytes.accept(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        onBytes.accept(n);
      }
      return n;
    }
  }
}
