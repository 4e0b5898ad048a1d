package org.detente.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an import read and what it did with every line: each line is exactly one of an event row
 * kept, an event row left out for a stated cause (outside the dates, an actor not mapped, both
 * sides the same actor), a malformed row, a header or a blank line; nothing is dropped
 * uncounted.
 */
public final class ImportTotals {

  /** Most malformed rows listed one by one (all are counted). */
  public static final int MAX_LISTED = 20;

  /** A malformed row: file, line number (1-based) and why. */
  public record Malformed(String file, long line, String reason) {}

  /** One input file: its name, the format read, and its lines. */
  public record FileTotals(String file, EventFormat format, long lines) {}

  long lines;
  long rowsRead;
  long kept;
  long malformed;
  long headers;
  long blank;
  long outsideDates;
  long unmappedActor;
  long sameActor;
  final long[] readByQuad = new long[5];
  final long[] readByRoot = new long[Cameo.ROOTS + 1];
  final long[] keptByQuad = new long[5];
  final long[] keptByRoot = new long[Cameo.ROOTS + 1];
  final List<Malformed> listed = new ArrayList<>();
  final List<FileTotals> files = new ArrayList<>();

  /** Lines read, of every kind. */
  public long lines() {
    return lines;
  }

  /** Event rows read: every line that is neither blank nor a header (kept, left out or malformed). */
  public long rowsRead() {
    return rowsRead;
  }

  /** Rows kept: well-formed, inside the dates, between two different mapped actors. */
  public long kept() {
    return kept;
  }

  /** Malformed rows. */
  public long malformed() {
    return malformed;
  }

  /** Header rows. */
  public long headers() {
    return headers;
  }

  /** Blank lines. */
  public long blank() {
    return blank;
  }

  /** Well-formed rows dated outside --from … --to. */
  public long outsideDates() {
    return outsideDates;
  }

  /** Well-formed rows in the dates whose source or target maps to no actor. */
  public long unmappedActor() {
    return unmappedActor;
  }

  /** Well-formed rows whose source and target map to the same actor. */
  public long sameActor() {
    return sameActor;
  }

  /** Well-formed rows read with quad class q (1..4). */
  public long readByQuad(int q) {
    return readByQuad[q];
  }

  /** Well-formed rows read with root code r (1..20). */
  public long readByRoot(int r) {
    return readByRoot[r];
  }

  /** Rows kept with quad class q (1..4). */
  public long keptByQuad(int q) {
    return keptByQuad[q];
  }

  /** Rows kept with root code r (1..20). */
  public long keptByRoot(int r) {
    return keptByRoot[r];
  }

  /** The first {@link #MAX_LISTED} malformed rows. */
  public List<Malformed> listedMalformed() {
    return Collections.unmodifiableList(listed);
  }

  /** The input files in order. */
  public List<FileTotals> files() {
    return Collections.unmodifiableList(files);
  }
}
