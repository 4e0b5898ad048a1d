package org.detente.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builds event rows in the published layouts (tests only). */
final class EventFiles {

  private EventFiles() {}

  /**
   * A GDELT row: 57 fields (1.0 back file), 58 (1.0 daily, with SOURCEURL) or 61 (2.0), with the
   * given id, SQLDATE, actor country codes, event code, root, quad class and Goldstein value.
   */
  static String gdelt(int fields, String id, String date, String a1, String a2, String code,
      String root, String quad, String goldstein) {
    List<String> f = new ArrayList<>(Collections.nCopies(fields, ""));
    f.set(0, id);
    f.set(1, date);
    f.set(2, date.substring(0, 6));
    f.set(3, date.substring(0, 4));
    f.set(4, date.substring(0, 4) + ".5000");
    f.set(5, a1);
    f.set(6, a1.isEmpty() ? "" : "NAME " + a1);
    f.set(7, a1);
    f.set(15, a2);
    f.set(16, a2.isEmpty() ? "" : "NAME " + a2);
    f.set(17, a2);
    f.set(25, "1");
    f.set(26, code);
    f.set(27, code.length() > 3 ? code.substring(0, 3) : code);
    f.set(28, root);
    f.set(29, quad);
    f.set(30, goldstein);
    f.set(31, "4");
    f.set(32, "1");
    f.set(33, "4");
    f.set(34, "-2.5");
    if (fields == 58) {
      f.set(56, "20220401");
      f.set(57, "http://example.org/a");
    } else if (fields == 61) {
      f.set(59, "20220401000000");
      f.set(60, "http://example.org/a");
    } else {
      f.set(56, "20130203");
    }
    return String.join("\t", f);
  }

  /** The ICEWS header row. */
  static final String ICEWS_HEADER = String.join("\t", "Event ID", "Event Date", "Source Name",
      "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity", "Target Name",
      "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City",
      "District", "Province", "Country", "Latitude", "Longitude");

  /** An ICEWS row. */
  static String icews(String id, String date, String source, String code, String intensity,
      String target) {
    return String.join("\t", id, date, "Government (" + source + ")", "Government",
        source, "Event text", code, intensity, "Government (" + target + ")", "Government",
        target, "12345", "1", "Agence France-Presse", "", "", "", target, "50.45", "30.52");
  }
}
