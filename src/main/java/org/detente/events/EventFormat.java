package org.detente.events;

/**
 * The published event-data layouts Detente reads. The words are those of the command line
 * ({@code --format}).
 */
public enum EventFormat {
  /**
   * GDELT 1.0 event table: tab-separated, no header, 57 fields (historical back files, to March
   * 2013) or 58 (daily files from April 2013, with SOURCEURL) (GDELT Event Codebook V1.03).
   */
  gdelt1("GDELT 1.0"),
  /**
   * GDELT 2.0 event export: tab-separated, no header, 61 fields: the 1.0 fields with an ADM2
   * code after each of the three ADM1 codes (GDELT Event Codebook V2.0).
   */
  gdelt2("GDELT 2.0"),
  /**
   * ICEWS coded event data as released on Harvard Dataverse (doi:10.7910/DVN/28075):
   * tab-separated with a header row of 20 columns, Event ID, Event Date (YYYY-MM-DD), Source
   * Name, Source Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target Name,
   * Target Sectors, Target Country, Story ID, Sentence Number, Publisher, City, District,
   * Province, Country, Latitude, Longitude.
   */
  icews("ICEWS"),
  /**
   * PLOVER records as the PLOVER manual specifies them (chapter "Data Fields"): newline-delimited
   * JSON, one event per line, with {@code id}, {@code date} (YYYY-MM-DD), {@code actor} and
   * {@code recipient} (lists of entity objects with a {@code code}), {@code event} (a list of
   * event types), and optional {@code mode}, {@code quad_code} and {@code event_scale}.
   */
  plover("PLOVER"),
  /**
   * Detente's own event logs, the {@code events.tsv} of {@code detente run --out}: tab-separated
   * with a header row of 9 columns, SQLDATE, Actor1Code, Actor2Code, EventCode, GoldsteinScale,
   * Theater, Run, Week, Action. Reading them back sets a simulated history against an ensemble,
   * a check that the comparison scores a model against its own output as close.
   */
  detente("Detente event log");


  private final String label;

  EventFormat(String label) {
    this.label = label;
  }

  /** The name of the data set in messages and tables ("GDELT 1.0"). */
  public String label() {
    return label;
  }
}
