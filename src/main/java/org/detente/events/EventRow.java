package org.detente.events;

/**
 * One event row as a reader parsed it, reused from row to row (no allocation per row beyond the
 * strings the line itself yields).
 */
public final class EventRow {

  /** Most candidate codes kept for one side of an event. */
  static final int MAX_CODES = 8;

  /** The row's own identifier (GLOBALEVENTID, Event ID, id). */
  String id;
  /** Day of the event, days since 1970-01-01. */
  long day;
  /** The event's full CAMEO code as given ("0874"), or the PLOVER type. */
  String code;
  /** CAMEO root code, 1..20. */
  int root;
  /** Quad class, 1..4. */
  int quad;
  /** Goldstein (or PLOVER) conflict–cooperation value, -10..10. */
  double goldstein;
  /** Candidate codes of the acting side, in the order they are tried. */
  final String[] source = new String[MAX_CODES];
  int sources;
  /** Candidate codes of the target side, in the order they are tried. */
  final String[] target = new String[MAX_CODES];
  int targets;

  void clear() {
    id = null;
    code = null;
    root = 0;
    quad = 0;
    goldstein = 0;
    sources = 0;
    targets = 0;
  }

  void addSource(String c) {
    if (c != null && !c.isEmpty() && sources < MAX_CODES) {
      source[sources++] = c;
    }
  }

  void addTarget(String c) {
    if (c != null && !c.isEmpty() && targets < MAX_CODES) {
      target[targets++] = c;
    }
  }

  /** The row's identifier. */
  public String id() {
    return id;
  }

  /** Day of the event (days since 1970-01-01). */
  public long day() {
    return day;
  }

  /** The event code as given. */
  public String code() {
    return code;
  }

  /** CAMEO root code, 1..20. */
  public int root() {
    return root;
  }

  /** Quad class, 1..4. */
  public int quad() {
    return quad;
  }

  /** Conflict–cooperation value. */
  public double goldstein() {
    return goldstein;
  }
}
