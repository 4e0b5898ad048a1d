package org.detente.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.detente.InvalidInputException;
import org.detente.Message;

/**
 * Parses one line of an event file of a given format into an {@link EventRow}. A line that does
 * not have the layout gets a reason (a sentence naming the field and what was expected); the
 * reader counts it and reports it by line.
 */
final class RowParser {

  /** What a line was. */
  enum Kind {
    /** An event row, parsed. */
    ROW,
    /** The format's header row (ICEWS, or a GDELT file with the published header added). */
    HEADER,
    /** A blank line. */
    BLANK,
    /** A row that does not have the layout; {@link #reason()} says why. */
    MALFORMED
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ICEWS_COUNTRIES = icewsCountries();

  private final EventFormat format;
  private final int[] starts = new int[72];
  private String reason;

  RowParser(EventFormat format) {
    this.format = format;
  }

  /** Why the last line was malformed. */
  String reason() {
    return reason;
  }

  /**
   * The format of a file, told from its first non-blank line: a JSON object is PLOVER, the
   * ICEWS header or 20 tab-separated fields ICEWS, the header of Detente's event log Detente,
   * 57 or 58 fields GDELT 1.0, 61 GDELT 2.0;
   * null if none fits.
   */
  static EventFormat detect(String line) {
    String s = line.strip();
    if (s.startsWith("{")) {
      return EventFormat.plover;
    }
    if (s.startsWith("Event ID\t")) {
      return EventFormat.icews;
    }
    if (s.startsWith("SQLDATE\tActor1Code\t")) {
      return EventFormat.detente;
    }
    int fields = 1;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\t') {
        fields++;
      }
    }
    return switch (fields) {
      case 57, 58 -> EventFormat.gdelt1;
      case 61 -> EventFormat.gdelt2;
      case 20 -> EventFormat.icews;
      default -> null;
    };
  }

  /** Parses {@code line} into {@code row}. */
  Kind parse(String line, EventRow row) {
    reason = null;
    row.clear();
    if (line.isBlank()) {
      return Kind.BLANK;
    }
    return switch (format) {
      case gdelt1, gdelt2 -> gdelt(line, row);
      case icews -> icews(line, row);
      case plover -> plover(line, row);
      case detente -> detente(line, row);
    };
  }

  // ---- GDELT

  private Kind gdelt(String line, EventRow row) {
    int n = split(line);
    if (line.startsWith("GLOBALEVENTID\t")) {
      return Kind.HEADER;
    }
    boolean v1 = format == EventFormat.gdelt1;
    if (v1 ? n != 57 && n != 58 : n != 61) {
      return bad((v1 ? "expected 57 or 58" : "expected 61") + " tab-separated fields ("
          + format.label() + " event table), found " + n);
    }
    row.id = field(line, 0);
    long day = yyyymmdd(line, starts[1], starts[2] - 1);
    if (day == Long.MIN_VALUE) {
      return bad("SQLDATE: expected a date YYYYMMDD, got '" + field(line, 1) + "'");
    }
    row.day = day;
    String code = field(line, 26);
    String rootText = field(line, 28);
    int root = Cameo.rootOf(rootText);
    if (root < 0 || rootText.length() != 2) {
      return bad("EventRootCode: expected a CAMEO root code 01..20, got '" + rootText + "'");
    }
    if (!code.startsWith(rootText) || Cameo.rootOf(code) != root) {
      return bad("EventCode: expected a CAMEO code under root " + rootText + ", got '" + code
          + "'");
    }
    row.code = code;
    row.root = root;
    String quad = field(line, 29);
    if (quad.length() != 1 || quad.charAt(0) < '1' || quad.charAt(0) > '4') {
      return bad("QuadClass: expected 1, 2, 3 or 4, got '" + quad + "'");
    }
    row.quad = quad.charAt(0) - '0';
    String g = field(line, 30);
    double gs = number(g);
    if (!(gs >= -10 && gs <= 10)) {
      return bad("GoldsteinScale: expected a number from -10 to 10, got '" + g + "'");
    }
    row.goldstein = gs;
    // Actor1CountryCode, Actor1KnownGroupCode, Actor1Code; likewise for Actor2
    row.addSource(field(line, 7));
    row.addSource(field(line, 8));
    row.addSource(field(line, 5));
    row.addTarget(field(line, 17));
    row.addTarget(field(line, 18));
    row.addTarget(field(line, 15));
    return Kind.ROW;
  }

  // ---- ICEWS

  private Kind icews(String line, EventRow row) {
    if (line.startsWith("Event ID\t")) {
      return Kind.HEADER;
    }
    int n = split(line);
    if (n != 20) {
      return bad("expected 20 tab-separated fields (ICEWS coded event data), found " + n);
    }
    row.id = field(line, 0);
    String date = field(line, 1);
    long day = isoDate(date);
    if (day == Long.MIN_VALUE) {
      return bad("Event Date: expected a date YYYY-MM-DD, got '" + date + "'");
    }
    row.day = day;
    String code = Cameo.restoreLeadingZero(field(line, 6));
    int root = Cameo.rootOf(code);
    if (root < 0) {
      return bad("CAMEO Code: expected a CAMEO event code (2 to 4 digits, root 01..20), got '"
          + field(line, 6) + "'");
    }
    row.code = code;
    row.root = root;
    row.quad = Cameo.quadOfRoot(root);
    String g = field(line, 7);
    double gs = number(g);
    if (!(gs >= -10 && gs <= 10)) {
      return bad("Intensity: expected a number from -10 to 10, got '" + g + "'");
    }
    row.goldstein = gs;
    row.addSource(country(field(line, 4)));
    row.addTarget(country(field(line, 10)));
    return Kind.ROW;
  }

  private static String country(String name) {
    String iso = ICEWS_COUNTRIES.get(name);
    return iso == null ? name : iso;
  }

  // ---- PLOVER

  private Kind plover(String line, EventRow row) {
    JsonNode o;
    try {
      o = JSON.readTree(line);
    } catch (IOException e) {
      String m = e.getMessage();
      int nl = m == null ? -1 : m.indexOf('\n');
      return bad("not a JSON object: " + (nl >= 0 ? m.substring(0, nl) : m));
    }
    if (o == null || !o.isObject()) {
      return bad("expected one JSON object per line (PLOVER JSONL)");
    }
    JsonNode id = o.get("id");
    if (id == null || !id.isValueNode() || id.asText().isEmpty()) {
      return bad("id: expected the record's identifier (required)");
    }
    row.id = id.asText();
    JsonNode date = o.get("date");
    long day = date == null ? Long.MIN_VALUE : isoDate(date.asText());
    if (day == Long.MIN_VALUE) {
      return bad("date: expected a date YYYY-MM-DD, got " + (date == null ? "nothing" : date));
    }
    row.day = day;
    String type = first(o.get("event"));
    String mode = first(o.get("mode"));
    int root = type == null ? -1 : Cameo.rootOfPlover(type, mode);
    if (root < 0) {
      return bad("event: expected a PLOVER event type (AGREE … ASSAULT), got "
          + (o.get("event") == null ? "nothing" : o.get("event")));
    }
    row.code = type;
    row.root = root;
    JsonNode q = o.get("quad_code");
    if (q != null && !q.isNull()) {
      int qc = q.canConvertToInt() ? q.asInt() : (int) number(q.asText());
      if (qc < 1 || qc > 4 || !(q.isIntegralNumber() || q.isTextual())) {
        return bad("quad_code: expected 1, 2, 3 or 4, got " + q);
      }
      row.quad = qc;
    } else {
      row.quad = Cameo.quadOfPlover(type);
    }
    JsonNode s = o.get("event_scale");
    if (s != null && !s.isNull()) {
      double v = s.isNumber() ? s.asDouble() : number(s.asText());
      if (!(v >= -10 && v <= 10)) {
        return bad("event_scale: expected a number from -10 to 10, got " + s);
      }
      row.goldstein = v;
    } else {
      row.goldstein = Cameo.ploverScore(type);
    }
    if (!entities(o, "actor", "source", row, true)) {
      return Kind.MALFORMED;
    }
    if (!entities(o, "recipient", "target", row, false)) {
      return Kind.MALFORMED;
    }
    return Kind.ROW;
  }

  private boolean entities(JsonNode o, String key, String alias, EventRow row, boolean source) {
    JsonNode n = o.has(key) ? o.get(key) : o.get(alias);
    if (n == null || n.isNull() || n.isTextual() && n.asText().isEmpty()) {
      return true;
    }
    Iterable<JsonNode> list = n.isArray() ? n : java.util.List.of(n);
    for (JsonNode e : list) {
      String code = e.isObject() ? (e.get("code") == null ? null : e.get("code").asText())
          : e.isTextual() ? e.asText() : null;
      if (code == null) {
        bad(key + ": expected entity objects with a 'code' (or codes as text), got " + e);
        return false;
      }
      if (source) {
        row.addSource(code);
      } else {
        row.addTarget(code);
      }
    }
    return true;
  }

  private static String first(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : n.get(0).asText();
    }
    return n.asText();
  }

  // ---- Detente's own event log

  private Kind detente(String line, EventRow row) {
    if (line.startsWith("SQLDATE\t")) {
      return Kind.HEADER;
    }
    int n = split(line);
    if (n != 9) {
      return bad("expected 9 tab-separated fields (Detente event log), found " + n);
    }
    row.id = field(line, 6) + "/" + field(line, 7);
    long day = yyyymmdd(line, starts[0], starts[1] - 1);
    if (day == Long.MIN_VALUE) {
      return bad("SQLDATE: expected a date YYYYMMDD, got '" + field(line, 0) + "'");
    }
    row.day = day;
    String code = field(line, 3);
    int root = Cameo.rootOf(code);
    if (root < 0) {
      return bad("EventCode: expected a CAMEO event code, got '" + code + "'");
    }
    row.code = code;
    row.root = root;
    row.quad = Cameo.quadOfRoot(root);
    String g = field(line, 4);
    double gs = number(g);
    if (!(gs >= -10 && gs <= 10)) {
      return bad("GoldsteinScale: expected a number from -10 to 10, got '" + g + "'");
    }
    row.goldstein = gs;
    row.addSource(field(line, 1));
    row.addTarget(field(line, 2));
    return Kind.ROW;
  }

  // ---- helpers

  private Kind bad(String why) {
    reason = why;
    return Kind.MALFORMED;
  }

  /** Splits at tabs; returns the number of fields (up to the capacity, then capacity + 1). */
  private int split(String line) {
    int n = 0;
    starts[n++] = 0;
    int len = line.length();
    for (int i = 0; i < len; i++) {
      if (line.charAt(i) == '\t') {
        if (n == starts.length - 1) {
          return n + 1;
        }
        starts[n++] = i + 1;
      }
    }
    starts[n] = len + 1;
    return n;
  }

  private String field(String line, int i) {
    return line.substring(starts[i], starts[i + 1] - 1);
  }

  private static double number(String s) {
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static long yyyymmdd(String s, int from, int to) {
    if (to - from != 8) {
      return Long.MIN_VALUE;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      v = v * 10 + (c - '0');
    }
    return epochDay(v / 10000, v / 100 % 100, v % 100);
  }

  /** Days since 1970-01-01 of a YYYY-MM-DD date, or Long.MIN_VALUE. */
  static long isoDate(String s) {
    if (s == null || s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return Long.MIN_VALUE;
    }
    int y = 0;
    int m = 0;
    int d = 0;
    for (int i = 0; i < 10; i++) {
      if (i == 4 || i == 7) {
        continue;
      }
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      int v = c - '0';
      if (i < 4) {
        y = y * 10 + v;
      } else if (i < 7) {
        m = m * 10 + v;
      } else {
        d = d * 10 + v;
      }
    }
    return epochDay(y, m, d);
  }

  /** Days since 1970-01-01 of a valid proleptic Gregorian date, or Long.MIN_VALUE. */
  static long epochDay(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
      return Long.MIN_VALUE;
    }
    // days from civil (H. Hinnant's algorithm)
    int yy = m <= 2 ? y - 1 : y;
    int era = Math.floorDiv(yy, 400);
    int yoe = yy - era * 400;
    int mp = (m + 9) % 12;
    int doy = (153 * mp + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (long) era * 146097 + doe - 719468;
  }

  private static int daysInMonth(int y, int m) {
    return switch (m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static Map<String, String> icewsCountries() {
    String res = "/events/icews-country-codes.tsv";
    InputStream in = RowParser.class.getResourceAsStream(res);
    if (in == null) {
      throw new InvalidInputException(Message.BROKEN_RESOURCE, res, "missing");
    }
    Map<String, String> m = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split("\t");
        m.put(kv[0], kv[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
