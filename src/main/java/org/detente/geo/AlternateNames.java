package org.detente.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.detente.InvalidInputException;
import org.detente.Message;

/**
 * Other names of the shipped cities of 100,000 people or more: their names in other languages and
 * scripts and their transliterations (Москва, Moskva and Moscou for Moscow; 東京 for Tokyo), from
 * the alternate-name column of the GeoNames cities1000 dump (GeoNames, geonames.org, CC BY), as
 * built by scripts/geonames_alternate_names.py. A name is looked up here only when no place
 * bears it as its main name, so an alternate name never shadows a city's own.
 */
public final class AlternateNames {

  /** The shipped table: alternate, main name, country, admin1 code; one line each. */
  public static final String RESOURCE = "/data/geonames/geonames_alternate_names_pop100k.tsv.gz";

  /** One city an alternate name stands for, by its main name, country and admin1 code. */
  public record Target(String name, String country, String admin1) {}

  private final Map<String, List<Target>> byName;

  private AlternateNames(Map<String, List<Target>> byName) {
    this.byName = byName;
  }

  private static final class Holder {
    static final AlternateNames SHIPPED = load(RESOURCE);
  }

  /** The shipped table, loaded on first use. */
  public static AlternateNames shipped() {
    return Holder.SHIPPED;
  }

  /** The cities that bear {@code name} (case and accents ignored) as an alternate name. */
  public List<Target> lookup(String name) {
    List<Target> t = byName.get(CityIndex.normalise(name));
    return t == null ? List.of() : t;
  }

  static AlternateNames load(String resource) {
    try (InputStream raw = AlternateNames.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new InvalidInputException(Message.BROKEN_RESOURCE, resource, "it is missing");
      }
      BufferedReader r = new BufferedReader(
          new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      Map<String, List<Target>> m = new TreeMap<>();
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        String[] p = line.split("\t", -1);
        if (p.length != 4) {
          throw new InvalidInputException(Message.BROKEN_RESOURCE, resource,
              "line " + no + ": expected 4 tab-separated fields");
        }
        Target t = new Target(p[1], p[2], p[3]);
        List<Target> l = m.computeIfAbsent(CityIndex.normalise(p[0]), k -> new ArrayList<>());
        if (!l.contains(t)) {
          l.add(t);
        }
      }
      return new AlternateNames(m);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.BROKEN_RESOURCE, resource, e.getMessage());
    }
  }
}
