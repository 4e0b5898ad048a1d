package org.detente.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The bundled ICB and COW extract ({@code /data/icb/}, built by scripts/icb_backtest_data.py):
 * crises and crisis actors split into what a scenario may be built from ({@link Crisis}) and
 * ICB's coding of how the crisis went ({@link Coding}), with the state-year data the generator
 * needs. Immutable once loaded.
 */
public final class IcbData {

  /** Classpath folder of the extract. */
  public static final String FOLDER = "/data/icb/";

  /** Missing-value code of COW NMC. */
  private static final long NMC_MISSING = -9;

  private final List<Crisis> crises;
  private final Map<Integer, Coding> codings;
  private final Map<Integer, State> states;
  private final Map<Long, Nmc> nmc;
  private final Map<Long, int[]> atop;
  private final List<int[]> rivalries;
  private final List<int[]> majors;
  private final NuclearInventories nuclear;

  /** What the generator may read about one crisis actor (no outcome variable). */
  public record CrisisActor(int cracno, int ccode, String abb, int triggerType, int trigger,
      int location, int nuclear) {}

  /**
   * What the generator may read about one crisis: its number and name, trigger date and
   * triggering entity, region, and its crisis actors.
   */
  public record Crisis(int id, String name, int year, int month, int day, int trigger,
      int region, List<CrisisActor> actors) {}

  /**
   * ICB's coding of how a crisis went, read only for scoring: violence (1-4), system-level
   * form of outcome (1-7), duration in days (or -1), and each crisis actor's outcome (1-4, or
   * another ICB code) by COW code.
   */
  public record Coding(int violence, int outcomeForm, int durationDays, int greatPowerInvolvement,
      Map<Integer, Integer> actorOutcome) {}

  /** A state: COW code and abbreviation, name, and capital coordinates. */
  public record State(int ccode, String abb, String name, String capital, double lat,
      double lon) {}

  /**
   * COW NMC figures of a state-year: military expenditure (thousands of current US$), military
   * personnel (thousands), total population (thousands), CINC; -9 where COW has none.
   */
  public record Nmc(int ccode, int year, long milex, long milper, long tpop, double cinc) {

    /** Whether milex, milper and tpop are all present. */
    public boolean complete() {
      return milex != NMC_MISSING && milper != NMC_MISSING && tpop != NMC_MISSING && cinc >= 0;
    }
  }

  private IcbData(List<Crisis> crises, Map<Integer, Coding> codings, Map<Integer, State> states,
      Map<Long, Nmc> nmc, Map<Long, int[]> atop, List<int[]> rivalries, List<int[]> majors,
      NuclearInventories nuclear) {
    this.crises = crises;
    this.codings = codings;
    this.states = states;
    this.nmc = nmc;
    this.atop = atop;
    this.rivalries = rivalries;
    this.majors = majors;
    this.nuclear = nuclear;
  }

  private static IcbData bundled;

  /** The bundled extract (loaded once). */
  public static synchronized IcbData bundled() {
    if (bundled == null) {
      bundled = load(name -> IcbData.class.getResourceAsStream(FOLDER + name));
    }
    return bundled;
  }

  /** Loads the extract from a source of named files (for tests: modified copies). */
  public static IcbData load(Function<String, InputStream> files) {
    List<String[]> sys = csv(files, "icb_crises.csv");
    List<String[]> act = csv(files, "icb_actors.csv");
    Map<Integer, List<CrisisActor>> actorsOf = new TreeMap<>();
    Map<Integer, Map<Integer, Integer>> outcomes = new TreeMap<>();
    for (String[] r : act) {
      int crisno = Integer.parseInt(r[0]);
      CrisisActor a = new CrisisActor(Integer.parseInt(r[1]), Integer.parseInt(r[2]), r[3].trim(),
          intOr(r[7], -1), intOr(r[8], -1), intOr(r[9], -1), intOr(r[10], -1));
      actorsOf.computeIfAbsent(crisno, k -> new ArrayList<>()).add(a);
      outcomes.computeIfAbsent(crisno, k -> new LinkedHashMap<>()).put(a.ccode(), intOr(r[11], -1));
    }
    List<Crisis> crises = new ArrayList<>();
    Map<Integer, Coding> codings = new TreeMap<>();
    for (String[] r : sys) {
      int id = Integer.parseInt(r[0]);
      crises.add(new Crisis(id, r[1].trim(), intOr(r[2], -1), intOr(r[3], -1), intOr(r[4], -1),
          intOr(r[5], -1), intOr(r[6], -1),
          List.copyOf(actorsOf.getOrDefault(id, List.of()))));
      codings.put(id, new Coding(intOr(r[8], -1), intOr(r[9], -1), intOr(r[10], -1),
          intOr(r[7], -1), Collections.unmodifiableMap(outcomes.getOrDefault(id, Map.of()))));
    }
    Map<Integer, State> states = new TreeMap<>();
    for (String[] r : csv(files, "states.csv")) {
      int c = Integer.parseInt(r[0]);
      states.put(c, new State(c, r[1], r[2], r[4], Double.parseDouble(r[5]),
          Double.parseDouble(r[6])));
    }
    Map<Long, Nmc> nmc = new TreeMap<>();
    for (String[] r : csv(files, "nmc.csv")) {
      int c = Integer.parseInt(r[0]);
      int y = Integer.parseInt(r[1]);
      nmc.put(key(c, y), new Nmc(c, y, longOr(r[2]), longOr(r[3]), longOr(r[4]),
          r[5].isEmpty() ? -1 : Double.parseDouble(r[5])));
    }
    Map<Long, int[]> atop = new TreeMap<>();
    for (String[] r : csv(files, "atop.csv")) {
      int a = Integer.parseInt(r[0]);
      int b = Integer.parseInt(r[1]);
      int y = Integer.parseInt(r[2]);
      int[] v = new int[5];
      for (int i = 0; i < 5; i++) {
        v[i] = intOr(r[3 + i], 0);
      }
      atop.put(dyadKey(a, b, y), v);
    }
    List<int[]> riv = new ArrayList<>();
    for (String[] r : csv(files, "rivalries.csv")) {
      riv.add(new int[] {Integer.parseInt(r[2]), Integer.parseInt(r[3]), intOr(r[4], 0),
          intOr(r[5], 9999)});
    }
    List<int[]> maj = new ArrayList<>();
    for (String[] r : csv(files, "majors.csv")) {
      maj.add(new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[1]), Integer.parseInt(r[2])});
    }
    NuclearInventories nuc = NuclearInventories.parse(csv(files, "nuclear_inventories.csv"));
    return new IcbData(List.copyOf(crises), codings, states, nmc, atop, riv, maj, nuc);
  }

  /** Every crisis, by crisis number. */
  public List<Crisis> crises() {
    return crises;
  }

  /** ICB's coding of crisis {@code id} (for scoring only). */
  public Coding coding(int id) {
    return codings.get(id);
  }

  /** The state with COW code {@code ccode}, or null. */
  public State state(int ccode) {
    return states.get(ccode);
  }

  /** NMC figures of a state-year, or null. */
  public Nmc nmc(int ccode, int year) {
    return nmc.get(key(ccode, year));
  }

  /** ATOP obligations of a dyad in a year: defense, offense, neutral, nonagg, consul; or null. */
  public int[] atop(int a, int b, int year) {
    return atop.get(dyadKey(Math.min(a, b), Math.max(a, b), year));
  }

  /** Whether the two states are strategic rivals (Thompson & Dreyer) in the year. */
  public boolean rivals(int a, int b, int year) {
    for (int[] r : rivalries) {
      if (((r[0] == a && r[1] == b) || (r[0] == b && r[1] == a)) && r[2] <= year && year <= r[3]) {
        return true;
      }
    }
    return false;
  }

  /** Whether the state is a COW major power in the year. */
  public boolean major(int ccode, int year) {
    for (int[] m : majors) {
      if (m[0] == ccode && m[1] <= year && year <= m[2]) {
        return true;
      }
    }
    return false;
  }

  /** The nuclear inventories table. */
  public NuclearInventories nuclear() {
    return nuclear;
  }

  private static long key(int ccode, int year) {
    return (long) ccode * 10_000L + year;
  }

  private static long dyadKey(int a, int b, int year) {
    return ((long) a * 1000L + b) * 10_000L + year;
  }

  private static int intOr(String s, int dflt) {
    String t = s.trim();
    return t.isEmpty() ? dflt : Integer.parseInt(t);
  }

  private static long longOr(String s) {
    String t = s.trim();
    return t.isEmpty() ? NMC_MISSING : Long.parseLong(t);
  }

  /** Reads a bundled CSV (header skipped; quoted fields with commas allowed; '#' lines skipped). */
  static List<String[]> csv(Function<String, InputStream> files, String name) {
    try (InputStream in = files.apply(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled ICB data missing: " + FOLDER + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        rows.add(split(line));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out.toArray(new String[0]);
  }
}
