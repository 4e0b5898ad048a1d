package org.detente.events;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.model.Action;
import org.detente.scenario.Scenario;

/**
 * Turns thresholds on a weekly series into evidence items for {@code hypotheses}
 * (docs/events.md, "Evidence from event data").
 *
 * <ul>
 *   <li>An <b>event</b> item for each directed dyad, CAMEO root code that has Detente actions
 *       ({@link Cameo#actionsOfRoot}) and window of weeks in which the dyad has at least
 *       {@code minEvents} events of that root each week; weeks at most {@code gap} weeks apart
 *       join one window.</li>
 *   <li>A <b>non-event</b> item for each dyad of the series and each root of
 *       {@code absentRoots} that never reaches {@code minEvents} in a week of the series' span
 *       (e.g. "no material conflict between USA and RUS": roots 18–20).</li>
 * </ul>
 *
 * Each item cites its rows: the input files and the first rows ("FILE:LINE") of the weeks it
 * rests on. Weeks are put on the scenario's clock (week 0 = its asOf date); weeks before it are
 * left out.
 */
public final class EvidenceBuilder {

  /** Rows cited in an item's source (all are counted). */
  public static final int CITED = 12;

  /** One item, as written. */
  public record Item(String id, boolean observed, String actor, String target, int root,
      int fromWeek, int toWeek, long events, List<String> rows) {}

  private final WeeklySeries series;
  private final Scenario scenario;
  private final int minEvents;
  private final int gap;
  private final List<Integer> absentRoots;
  private final int offset;
  private final List<String> dyads;
  private final List<Item> items = new ArrayList<>();

  /**
   * Builds the items.
   *
   * @param series      the observed weekly series
   * @param scenario    the scenario whose clock and actor ids the evidence uses
   * @param minEvents   events of a root in a week for the week to count (at least 1)
   * @param gap         weeks without enough events that may separate two weeks of one window
   * @param absentRoots roots whose absence from a dyad becomes a non-event item
   */
  public EvidenceBuilder(WeeklySeries series, Scenario scenario, int minEvents, int gap,
      List<Integer> absentRoots) {
    this(series, scenario, minEvents, gap, absentRoots, List.of());
  }

  /**
   * Builds the items for some directed dyads only.
   *
   * @param dyads the dyads ("SOURCE>TARGET") to build items for; empty for every dyad
   */
  public EvidenceBuilder(WeeklySeries series, Scenario scenario, int minEvents, int gap,
      List<Integer> absentRoots, List<String> dyads) {
    this.series = series;
    this.scenario = scenario;
    this.minEvents = minEvents;
    this.gap = gap;
    this.absentRoots = List.copyOf(absentRoots);
    this.dyads = List.copyOf(dyads);
    this.offset = offsetWeeks(series, scenario);
    build();
  }

  /**
   * Weeks to add to a series week to get the scenario's week: the series' week 0 must start on
   * the scenario's asOf date plus a whole number of weeks.
   */
  public static int offsetWeeks(WeeklySeries series, Scenario scenario) {
    if (scenario.meta().stepDays() != 7) {
      throw new InvalidInputException(Message.OPTION_PROBLEM, "scenario '"
          + scenario.meta().id() + "'", "event series are weekly; the scenario's time step is "
          + scenario.meta().stepDays() + " days, not 1 week");
    }
    LocalDate asOf = scenario.meta().asOf();
    long days = ChronoUnit.DAYS.between(asOf, series.week0());
    if (days % 7 != 0) {
      throw new InvalidInputException(Message.OPTION_PROBLEM, "weekly series",
          "its week 0 starts on " + series.week0() + ", not on the scenario's asOf date "
              + asOf + " plus whole weeks; import it with --scenario (or --week0 " + asOf
              + ")");
    }
    return (int) (days / 7);
  }

  private void build() {
    Map<String, List<WeeklySeries.Cell>> byDyad = new TreeMap<>();
    for (WeeklySeries.Cell c : series.cells()) {
      if (scenario.actorIndex(c.source()) < 0 || scenario.actorIndex(c.target()) < 0
          || c.week() + offset < 0
          || !dyads.isEmpty() && !dyads.contains(c.source() + ">" + c.target())) {
        continue;
      }
      byDyad.computeIfAbsent(c.source() + "\u0000" + c.target(), k -> new ArrayList<>()).add(c);
    }
    int spanFrom = Math.max(0, series.firstWeek() + offset);
    int spanTo = series.lastWeek() + offset;
    for (List<WeeklySeries.Cell> cells : byDyad.values()) {
      String s = cells.get(0).source();
      String t = cells.get(0).target();
      for (int r = 1; r <= Cameo.ROOTS; r++) {
        if (Cameo.actionsOfRoot(r).isEmpty()) {
          continue;
        }
        List<WeeklySeries.Cell> window = new ArrayList<>();
        boolean any = false;
        for (WeeklySeries.Cell c : cells) {
          if (c.root(r) < minEvents) {
            continue;
          }
          any = true;
          if (!window.isEmpty() && c.week() - window.get(window.size() - 1).week() > gap + 1) {
            addEvent(s, t, r, window);
            window = new ArrayList<>();
          }
          window.add(c);
        }
        if (!window.isEmpty()) {
          addEvent(s, t, r, window);
        }
        if (!any && absentRoots.contains(r) && spanTo >= spanFrom) {
          long n = cells.stream().mapToLong(WeeklySeries.Cell::events).sum();
          final int root = r;
          long below = cells.stream().mapToLong(c -> c.root(root)).sum();
          items.add(new Item(s + "-" + t + "-no-" + Cameo.rootText(r), false, s, t, r,
              spanFrom, spanTo, below, rowsOf(cells, n)));
        }
      }
    }
  }

  private void addEvent(String s, String t, int r, List<WeeklySeries.Cell> window) {
    int from = window.get(0).week() + offset;
    int to = window.get(window.size() - 1).week() + offset;
    long n = 0;
    for (WeeklySeries.Cell c : window) {
      n += c.root(r);
    }
    items.add(new Item(s + "-" + t + "-" + Cameo.rootText(r) + "-w" + from
        + (to == from ? "" : "-" + to), true, s, t, r, from, to, n, rowsOf(window, n)));
  }

  private static List<String> rowsOf(List<WeeklySeries.Cell> cells, long n) {
    List<String> rows = new ArrayList<>();
    for (WeeklySeries.Cell c : cells) {
      for (String row : c.rows()) {
        if (rows.size() < CITED) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The items, by dyad, root and week. */
  public List<Item> items() {
    return List.copyOf(items);
  }

  /**
   * The evidence file: YAML that {@code detente hypotheses --evidence} reads.
   *
   * @param title   its title
   * @param command the command line that made it (recorded in a comment)
   */
  public String yaml(String title, String command) {
    StringBuilder y = new StringBuilder();
    y.append("# Evidence from event data, written by: ").append(command).append('\n');
    y.append("# Week w = ").append(scenario.meta().asOf()).append(" + 7w days (the scenario's"
        + " clock). An event item: at least ").append(minEvents).append(" events of the CAMEO"
        + " root code in each week of its window\n# (weeks up to ").append(gap)
        .append(" apart joined). A non-event item: no week of the series reached that.\n");
    y.append("# Inputs (FILE in the cited FILE:LINE rows):\n");
    for (int i = 0; i < series.inputs().size(); i++) {
      y.append("#   ").append(i).append(": ").append(series.inputs().get(i)).append('\n');
    }
    y.append("title: ").append(quote(title)).append('\n');
    y.append("scenario: ").append(quote(scenario.meta().id())).append('\n');
    y.append("items:\n");
    String inputs = String.join("; ", series.inputs());
    for (Item it : items) {
      String rootName = Cameo.rootText(it.root()) + " (" + Cameo.ROOT_NAMES.get(it.root() - 1)
          + ")";
      String dates = scenario.meta().asOf().plusDays(7L * it.fromWeek()) + " to "
          + scenario.meta().asOf().plusDays(7L * it.toWeek() + 6);
      String description = it.observed()
          ? String.format(Locale.ROOT, "%,d events of CAMEO root %s by %s toward %s in weeks"
              + " %d-%d (%s), at least %d in each counted week.", it.events(), rootName,
              it.actor(), it.target(), it.fromWeek(), it.toWeek(), dates, minEvents)
          : String.format(Locale.ROOT, "No week with %d or more events of CAMEO root %s by %s"
              + " toward %s in weeks %d-%d (%s); %,d such events in all.", minEvents, rootName,
              it.actor(), it.target(), it.fromWeek(), it.toWeek(), dates, it.events());
      String source = "Event data " + inputs + "; rows " + String.join(", ", it.rows())
          + (it.rows().size() < CITED ? "" : " …") + " (FILE:LINE)";
      y.append("  - id: ").append(quote(it.id())).append('\n');
      y.append("    description: ").append(quote(description)).append('\n');
      y.append("    source: ").append(quote(source)).append('\n');
      y.append("    observed: ").append(it.observed()).append('\n');
      y.append("    actor: ").append(quote(it.actor())).append('\n');
      y.append("    target: ").append(quote(it.target())).append('\n');
      y.append("    actions: [");
      List<Action> acts = Cameo.actionsOfRoot(it.root());
      for (int i = 0; i < acts.size(); i++) {
        y.append(i == 0 ? "" : ", ").append(acts.get(i).id());
      }
      y.append("]\n");
      y.append("    weeks: [").append(it.fromWeek()).append(", ").append(it.toWeek())
          .append("]\n");
    }
    return y.toString();
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  /** Counts of event and non-event items. */
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("events", items.stream().filter(Item::observed).count());
    m.put("nonEvents", items.stream().filter(i -> !i.observed()).count());
    return m;
  }
}
