package org.detente.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one place resolver, used by {@code effects --target} and by the city targets of scenario
 * files. A name (optionally with a country code and a first-level region) is looked up among the
 * shipped cities of 100,000 people or more, then among all places of 1,000 or more; the answer is
 * {@link Unique}, {@link Ambiguous} (with the candidates, most populous first) or
 * {@link Unknown} (with suggestions: the same name in other countries, else near spellings).
 */
public final class Places {

  /** Most candidates or suggestions carried by an answer. */
  public static final int MAX_SHOWN = 12;

  private Places() {}

  /** What a place text asks for: a name, and a country and region when given. */
  public record Query(String name, String country, String admin1) {

    /** The query as the user would write it: "Name", "Name, CC" or "Name, CC, ADMIN1". */
    public String text() {
      return name + (country == null ? "" : ", " + country) + (admin1 == null ? "" : ", " + admin1);
    }
  }

  /** The answer of a lookup. */
  public sealed interface Resolution permits Unique, Ambiguous, Unknown {}

  /** Exactly one place matches. */
  public record Unique(City city) implements Resolution {}

  /** Several places match: candidates (at most {@link #MAX_SHOWN}) and how many in all. */
  public record Ambiguous(List<City> candidates, int count) implements Resolution {}

  /**
   * No place matches. {@code elsewhere}: places of that name in other countries (when a country
   * was given); {@code suggestions}: near spellings.
   */
  public record Unknown(List<City> elsewhere, List<City> suggestions) implements Resolution {}

  /**
   * Reads "Name", "Name, CC" or "Name, CC, ADMIN1"; {@code country} (may be null) applies when
   * the text names no country. Returns null when the text has another form (no name, more than
   * three parts, an empty part).
   */
  public static Query parse(String text, String country) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(",", -1);
    if (parts.length > 3) {
      return null;
    }
    String name = parts[0].strip();
    String cc = parts.length >= 2 ? parts[1].strip() : blankToNull(country);
    String admin1 = parts.length >= 3 ? parts[2].strip() : null;
    if (name.isEmpty() || (cc != null && cc.isEmpty()) || (admin1 != null && admin1.isEmpty())) {
      return null;
    }
    return new Query(name, cc, admin1);
  }

  /** Resolves a query against the shipped GeoNames data. */
  public static Resolution resolve(Query q) {
    return resolve(q, CityIndex.world(), CityIndex::allPlaces);
  }

  /**
   * Resolves a query against {@code large} (cities of 100,000 or more), then against
   * {@code all} (all places of 1,000 or more, loaded only when needed).
   */
  static Resolution resolve(Query q, CityIndex large, Supplier<CityIndex> all) {
    List<City> hits = matching(large, q);
    if (hits.isEmpty()) {
      hits = matching(all.get(), q);
    }
    if (hits.isEmpty()) {
      hits = byAlternateName(large, q);
    }
    if (hits.size() == 1) {
      return new Unique(hits.get(0));
    }
    if (hits.size() > 1) {
      return new Ambiguous(cap(hits), hits.size());
    }
    List<City> elsewhere = new ArrayList<>();
    if (q.country() != null) {
      elsewhere.addAll(large.search(q.name(), null));
      if (elsewhere.isEmpty()) {
        elsewhere.addAll(all.get().search(q.name(), null));
      }
    }
    List<City> near = new ArrayList<>();
    if (elsewhere.isEmpty()) {
      near.addAll(large.suggest(q.name()));
      if (q.country() != null) {
        List<City> inCountry = new ArrayList<>(near);
        inCountry.removeIf(c -> !c.country().equalsIgnoreCase(q.country()));
        if (!inCountry.isEmpty()) {
          near = inCountry;
        }
      }
    }
    return new Unknown(cap(elsewhere), cap(near));
  }

  /** Candidates as one line: "A (...); B (...)", with "and N more" when some are left out. */
  public static String candidates(List<City> shown, int count) {
    StringBuilder sb = new StringBuilder();
    for (City c : shown) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(describe(c));
    }
    if (count > shown.size()) {
      sb.append("; and ").append(count - shown.size()).append(" more");
    }
    return sb.toString();
  }

  /**
   * What an {@link Unknown} answer can offer, as the tail of a sentence: the same name in other
   * countries, near spellings, or what the data holds.
   */
  public static String unknownDetail(Query q, Unknown u) {
    if (!u.elsewhere().isEmpty()) {
      return " in " + q.country() + "; found elsewhere: "
          + candidates(u.elsewhere(), u.elsewhere().size());
    }
    if (!u.suggestions().isEmpty()) {
      return "; did you mean: " + candidates(u.suggestions(), u.suggestions().size());
    }
    return " (the shipped GeoNames data holds places of 1,000 people or more)";
  }

  /** A place as shown among candidates: name, country, region, population and position. */
  public static String describe(City c) {
    return String.format(Locale.ROOT, "%s, %s, %s (population %,d; %.4f, %.4f)", c.name(),
        c.country(), c.admin1(), c.population(), c.lat(), c.lon());
  }

  private static List<City> matching(CityIndex index, Query q) {
    List<City> hits = new ArrayList<>(index.search(q.name(), q.country()));
    if (q.admin1() != null) {
      hits.removeIf(c -> !c.admin1().equalsIgnoreCase(q.admin1()));
    }
    return hits;
  }

  /**
   * The cities of {@code large} that bear the query's name as an alternate name (another language
   * or script, a transliteration), within the query's country and region when given.
   */
  private static List<City> byAlternateName(CityIndex large, Query q) {
    List<City> hits = new ArrayList<>();
    for (AlternateNames.Target t : AlternateNames.shipped().lookup(q.name())) {
      if (q.country() != null && !t.country().equalsIgnoreCase(q.country())) {
        continue;
      }
      for (City c : matching(large, new Query(t.name(), t.country(), q.admin1()))) {
        if (c.admin1().equals(t.admin1()) && !hits.contains(c)) {
          hits.add(c);
        }
      }
    }
    hits.sort(Comparator.comparingLong(City::population).reversed());
    return hits;
  }

  private static List<City> cap(List<City> l) {
    return List.copyOf(l.subList(0, Math.min(MAX_SHOWN, l.size())));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
