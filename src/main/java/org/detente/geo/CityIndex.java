package org.detente.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * The shipped GeoNames cities (population ≥ 100,000; GeoNames, geonames.org, CC BY 4.0) with a
 * name index and a 1°×1° latitude/longitude grid for radius queries.
 *
 * <p>Immutable and thread-safe; {@link #world()} parses the resource once, lazily.
 */
public final class CityIndex {

  /** Attribution that must accompany any output derived from the city data. */
  public static final String ATTRIBUTION =
      "GeoNames (geonames.org), CC BY 4.0 — cities with population >= 100,000";

  /** Resource holding the cities. */
  public static final String RESOURCE = "/data/geonames/geonames_cities_pop100k.csv";

  /** Resource holding all places of 1,000 people or more (gzip). */
  public static final String RESOURCE_ALL = "/data/geonames/geonames_places_pop1000.csv.gz";

  private static final int GRID_LAT = 180;
  private static final int GRID_LON = 360;

  private final City[] cities;
  // primitive copies for the hot path
  private final double[] lat;
  private final double[] lon;
  private final long[] pop;
  private final double[] latRad;
  private final double[] cosLat;
  private final String[] featureCode;
  private final int[] cellStart; // CSR grid: cell -> [cellStart[c], cellStart[c+1]) in cellItems
  private final int[] cellItems;
  private volatile Map<String, int[]> byName; // normalised name -> indices, built on first use

  private static final class Holder {
    static final CityIndex WORLD = loadResource(RESOURCE);
  }

  private static final class AllHolder {
    static final CityIndex ALL = loadResource(RESOURCE_ALL);
  }

  /** The shipped world city set: places of 100,000 people or more (loaded on first use). */
  public static CityIndex world() {
    return Holder.WORLD;
  }

  /**
   * All shipped GeoNames places of 1,000 people or more (135,233 places, 3.1 billion people),
   * most populous first; loaded on first use. The casualty model uses these.
   */
  public static CityIndex allPlaces() {
    return AllHolder.ALL;
  }

  /** Builds an index over the given cities (kept in the given order). */
  public static CityIndex of(List<City> list) {
    String[] codes = new String[list.size()];
    Arrays.fill(codes, "PPL");
    return new CityIndex(list.toArray(new City[0]), codes);
  }

  private CityIndex(City[] cities, String[] featureCodes) {
    this.cities = cities;
    this.featureCode = featureCodes;
    int n = cities.length;
    lat = new double[n];
    lon = new double[n];
    pop = new long[n];
    latRad = new double[n];
    cosLat = new double[n];
    int[] cellOf = new int[n];
    int[] counts = new int[GRID_LAT * GRID_LON + 1];
    for (int i = 0; i < n; i++) {
      lat[i] = cities[i].lat();
      lon[i] = cities[i].lon();
      pop[i] = cities[i].population();
      latRad[i] = Math.toRadians(lat[i]);
      cosLat[i] = Math.cos(latRad[i]);
      cellOf[i] = cell(lat[i], lon[i]);
      counts[cellOf[i] + 1]++;
    }
    cellStart = new int[GRID_LAT * GRID_LON + 1];
    for (int c = 0; c < GRID_LAT * GRID_LON; c++) {
      cellStart[c + 1] = cellStart[c] + counts[c + 1];
    }
    int[] fill = Arrays.copyOf(cellStart, cellStart.length);
    cellItems = new int[n];
    for (int i = 0; i < n; i++) {
      cellItems[fill[cellOf[i]]++] = i;
    }
  }

  /** The name index (normalised name to city indices, most populous first), built once. */
  private Map<String, int[]> names() {
    Map<String, int[]> m = byName;
    if (m == null) {
      synchronized (this) {
        m = byName;
        if (m == null) {
          m = buildNames();
          byName = m;
        }
      }
    }
    return m;
  }

  private Map<String, int[]> buildNames() {
    int n = cities.length;
    Map<String, List<Integer>> names = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      names.computeIfAbsent(normalise(cities[i].name()), k -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> idx = new TreeMap<>();
    for (Map.Entry<String, List<Integer>> e : names.entrySet()) {
      List<Integer> ids = e.getValue();
      ids.sort(Comparator.comparingLong((Integer k) -> -pop[k]).thenComparingInt(k -> k));
      idx.put(e.getKey(), ids.stream().mapToInt(Integer::intValue).toArray());
    }
    return idx;
  }

  private static int cell(double latDeg, double lonDeg) {
    int r = (int) Math.floor(latDeg + 90.0);
    r = Math.max(0, Math.min(GRID_LAT - 1, r));
    int c = (int) Math.floor(Geo.wrapLon(lonDeg) + 180.0);
    c = Math.max(0, Math.min(GRID_LON - 1, c));
    return r * GRID_LON + c;
  }

  static CityIndex loadResource(String resource) {
    try (InputStream raw = CityIndex.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new InvalidInputException(Message.BROKEN_RESOURCE, resource, "it is missing");
      }
      InputStream in = resource.endsWith(".gz")
          ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw;
      return parse(in, resource);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.BROKEN_RESOURCE, resource, e.getMessage());
    }
  }

  /**
   * Parses the CSV forms geonames_id,name,country_iso2,admin1_code,feature_code,population,lat,lon
   * and name,country_iso2,admin1_code,feature_code,population,lat,lon.
   */
  static CityIndex parse(InputStream in, String source) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    String header = r.readLine();
    int shift;
    if (header != null && header.startsWith("geonames_id,name,country_iso2")) {
      shift = 0;
    } else if (header != null && header.startsWith("name,country_iso2")) {
      shift = -1;
    } else {
      throw new InvalidInputException(Message.BROKEN_RESOURCE, source, "line 1: unexpected header " + header);
    }
    int fields = 8 + shift;
    List<City> out = new ArrayList<>(5000);
    List<String> codes = new ArrayList<>(5000);
    Map<String, String> pool = new java.util.HashMap<>();
    String line;
    int lineNo = 1;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      List<String> f = line.indexOf('"') < 0 ? splitPlain(line, fields) : splitCsv(line);
      if (f.size() != fields) {
        throw new InvalidInputException(Message.BROKEN_RESOURCE, source,
            "line " + lineNo + ": expected " + fields + " fields, found " + f.size());
      }
      try {
        out.add(new City(f.get(1 + shift), shared(f.get(2 + shift), pool),
            shared(f.get(3 + shift), pool),
            Double.parseDouble(f.get(6 + shift)), Double.parseDouble(f.get(7 + shift)),
            Long.parseLong(f.get(5 + shift))));
        codes.add(shared(f.get(4 + shift), pool));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(Message.BROKEN_RESOURCE, source, "line " + lineNo + ": bad number: " + e.getMessage());
      }
    }
    return new CityIndex(out.toArray(new City[0]), codes.toArray(new String[0]));
  }

  /** One shared instance per distinct short code (country, admin1, feature code). */
  private static String shared(String s, Map<String, String> pool) {
    String p = pool.putIfAbsent(s, s);
    return p == null ? s : p;
  }

  private static List<String> splitPlain(String line, int expected) {
    List<String> out = new ArrayList<>(expected);
    int from = 0;
    int comma;
    while ((comma = line.indexOf(',', from)) >= 0) {
      out.add(line.substring(from, comma));
      from = comma + 1;
    }
    out.add(line.substring(from));
    return out;
  }

  private static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>(8);
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            sb.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          sb.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(ch);
      }
    }
    out.add(sb.toString());
    return out;
  }

  /** Lower case, accents removed, runs of spaces collapsed. */
  static String normalise(String s) {
    String t = s.trim();
    boolean ascii = true;
    for (int i = 0; i < t.length() && ascii; i++) {
      ascii = t.charAt(i) < 128;
    }
    if (!ascii) {
      t = Normalizer.normalize(t, Normalizer.Form.NFD);
    }
    StringBuilder b = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && b.length() > 0) {
        b.append(' ');
      }
      space = false;
      b.append(Character.toLowerCase(c));
    }
    return b.toString();
  }

  /** Number of cities. */
  public int size() {
    return cities.length;
  }

  /** City by index. */
  public City get(int i) {
    return cities[i];
  }

  /** Total population of all cities. */
  public long totalPopulation() {
    long s = 0;
    for (long p : pop) {
      s += p;
    }
    return s;
  }

  /**
   * Exact (case- and accent-insensitive) name matches, most populous first.
   *
   * @param name                place name
   * @param countryAlpha2OrNull ISO alpha-2 country code to restrict to, or null
   */
  public List<City> search(String name, String countryAlpha2OrNull) {
    int[] ids = names().get(normalise(name));
    List<City> out = new ArrayList<>();
    if (ids == null) {
      return out;
    }
    for (int i : ids) {
      if (countryAlpha2OrNull == null || cities[i].country().equalsIgnoreCase(countryAlpha2OrNull.trim())) {
        out.add(cities[i]);
      }
    }
    return out;
  }

  /**
   * Near matches for a name: names starting with or containing it, then the smallest edit
   * distances; at most {@code limit} results, most plausible first (ties: larger population).
   */
  public List<City> suggest(String name, int limit) {
    String q = normalise(name);
    record Scored(int idx, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (Map.Entry<String, int[]> e : names().entrySet()) {
      String k = e.getKey();
      int score;
      if (k.equals(q)) {
        score = 0;
      } else if (k.startsWith(q) || q.startsWith(k)) {
        score = 1;
      } else if (k.contains(q)) {
        score = 2;
      } else {
        int d = editDistance(q, k, 3);
        if (d > Math.max(1, Math.min(3, q.length() / 3))) {
          continue;
        }
        score = 2 + d;
      }
      for (int i : e.getValue()) {
        scored.add(new Scored(i, score));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparingLong(s -> -pop[s.idx()])
        .thenComparingInt(Scored::idx));
    List<City> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, scored.size()); i++) {
      out.add(cities[scored.get(i).idx()]);
    }
    return out;
  }

  /** Near matches (at most 8). */
  public List<City> suggest(String name) {
    return suggest(name, 8);
  }

  /** Levenshtein distance, stopping early once it exceeds {@code cap} (returns cap+1). */
  static int editDistance(String a, String b, int cap) {
    if (Math.abs(a.length() - b.length()) > cap) {
      return cap + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > cap) {
        return cap + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Callback for {@link #forEachWithin}. */
  @FunctionalInterface
  public interface Visitor {
    /** Called with the city index and its distance in km. */
    void visit(int cityIdx, double distanceKm);
  }

  /**
   * Visits every city within {@code radiusKm} of a point (great-circle distance), in index order
   * within each grid cell, cells in row-major order (deterministic).
   */
  public void forEachWithin(double latDeg, double lonDeg, double radiusKm, Visitor v) {
    double dLat = radiusKm / Geo.KM_PER_DEG_LAT;
    double lat0 = latDeg - dLat;
    double lat1 = latDeg + dLat;
    int r0 = Math.max(0, (int) Math.floor(lat0 + 90.0));
    int r1 = Math.min(GRID_LAT - 1, (int) Math.floor(lat1 + 90.0));
    double maxAbsLat = Math.min(89.999, Math.max(Math.abs(lat0), Math.abs(lat1)));
    double dLon = lat0 <= -89.999 || lat1 >= 89.999 ? 180.0 : radiusKm / Geo.kmPerDegLon(maxAbsLat);
    int nLonCells = dLon >= 180.0 ? GRID_LON : (int) Math.ceil(2 * dLon) + 2;
    int c0 = (int) Math.floor(Geo.wrapLon(lonDeg - dLon) + 180.0);
    if (nLonCells >= GRID_LON) {
      nLonCells = GRID_LON;
      c0 = 0;
    }
    double qLat = Math.toRadians(latDeg);
    double qCos = Math.cos(qLat);
    double half = Math.min(Math.PI / 2, radiusKm / (2 * Geo.EARTH_RADIUS_KM));
    double sh = Math.sin(half);
    double aMax = sh * sh * (1 + 1e-12) + 1e-15;
    for (int r = r0; r <= r1; r++) {
      for (int k = 0; k < nLonCells; k++) {
        int c = (c0 + k) % GRID_LON;
        int cellId = r * GRID_LON + c;
        for (int p = cellStart[cellId]; p < cellStart[cellId + 1]; p++) {
          int i = cellItems[p];
          if (Math.abs(lat[i] - latDeg) > dLat) {
            continue; // cheap reject: farther in latitude alone than the radius
          }
          // haversine; compare the half-chord term first and take the arcsine only for hits
          double sp = Math.sin((latRad[i] - qLat) / 2);
          double sl = Math.sin(Math.toRadians(lon[i] - lonDeg) / 2);
          double a = sp * sp + qCos * cosLat[i] * sl * sl;
          if (a > aMax) {
            continue;
          }
          double d = 2 * Geo.EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
          if (d <= radiusKm) {
            v.visit(i, d);
          }
        }
      }
    }
  }

  /** Indices of the cities within a radius, in ascending index order. */
  public int[] within(double latDeg, double lonDeg, double radiusKm) {
    List<Integer> hits = new ArrayList<>();
    forEachWithin(latDeg, lonDeg, radiusKm, (i, d) -> hits.add(i));
    return hits.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /**
   * GeoNames feature code of a city (PPLC capital, PPLA… administrative seat, PPL, PPLX section of
   * a populated place, …).
   */
  public String featureCode(int i) {
    return featureCode[i];
  }

  /** Latitude of city {@code i} in degrees. */
  public double latOf(int i) {
    return lat[i];
  }

  /** Longitude of city {@code i} in degrees. */
  public double lonOf(int i) {
    return lon[i];
  }

  /** Population of city {@code i} (GeoNames). */
  public long populationOf(int i) {
    return pop[i];
  }
}
