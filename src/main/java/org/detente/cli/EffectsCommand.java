package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.detente.DetenteException;
import org.detente.effects.AttackCasualties;
import org.detente.effects.Burst;
import org.detente.geo.City;
import org.detente.effects.CityCasualties;
import org.detente.geo.CityIndex;
import org.detente.effects.Detonation;
import org.detente.effects.EffectRadii;
import org.detente.effects.EffectsMap;
import org.detente.effects.Fallout;
import org.detente.effects.NuclearCasualtyModel;
import org.detente.effects.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detente effects}: the effects of one nuclear detonation (Glasstone &amp; Dolan 1977;
 * Brode 1986; WSEG-10) and, with a target, its casualties on the GeoNames city population.
 */
@Command(
    name = "effects",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Effects of one nuclear detonation: fireball, blast rings, burns, initial",
      "radiation, fallout (surface bursts) and, with a target, deaths and injuries.",
      "Example: detente effects --yield 300kt --target Warsaw",
      "Population data: GeoNames (geonames.org), CC BY 4.0."
    })
public final class EffectsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--yield", required = true, paramLabel = "YIELD",
      description = "Yield with unit: t, kt or Mt (e.g. 300kt, 1.2Mt); 0.01 kt to 50 Mt.")
  String yieldText;

  /**
   * Where the weapon bursts.
   * The constants are the words of the command line, as picocli lists them in help and errors.
   */
  enum BurstKind {
    air, surface;
  }

  @Option(names = "--burst", paramLabel = "KIND", defaultValue = "air",
      description = "${COMPLETION-CANDIDATES} burst (default: ${DEFAULT-VALUE}).")
  BurstKind burstKind;

  @Option(names = "--height", paramLabel = "HEIGHT",
      description = "Height of an air burst with unit: m, km, ft, mi (default: the height that"
          + " maximises the 5 psi ground range).")
  String heightText;

  @Option(names = "--target", paramLabel = "PLACE",
      description = "City name as in GeoNames, optionally \"Name, CC\" or \"Name, CC, ADMIN1\".")
  String target;

  @Option(names = "--country", paramLabel = "CC",
      description = "ISO 3166-1 alpha-2 country code to pick among cities of the same name.")
  String country;

  @Option(names = "--lat", paramLabel = "DEG", description = "Latitude of ground zero (degrees).")
  Double lat;

  @Option(names = "--lon", paramLabel = "DEG", description = "Longitude of ground zero (degrees).")
  Double lon;

  @Option(names = "--wind", paramLabel = "SPEED", defaultValue = "24km/h",
      description = "Fallout wind speed with unit: km/h, mph, m/s, kn (default ${DEFAULT-VALUE}).")
  String windText;

  @Option(names = "--wind-from", paramLabel = "DEG", defaultValue = "270",
      description = "Direction the wind blows from, degrees clockwise from north"
          + " (default ${DEFAULT-VALUE}, a westerly).")
  double windFromDeg;

  @Option(names = "--fission", paramLabel = "FRACTION", defaultValue = "0.5",
      description = "Fission fraction of the yield, 0 to 1 (default ${DEFAULT-VALUE}).")
  double fission;

  @Option(names = "--shelter-pf", paramLabel = "PF", defaultValue = "3",
      description = "Fallout shelter protection factor, >= 1 (default ${DEFAULT-VALUE}: a house).")
  double shelterPf;

  @Mixin SharedOptions.Json json;

  @Option(names = "--map", paramLabel = "FILE.html",
      description = "Also write a self-contained offline HTML map of the rings and fallout plume.")
  Path mapFile;

  /** Fallout contour levels (H+1 dose rate, rad/h). */
  static final double[] FALLOUT_LEVELS = {1, 10, 100, 1000};

  @Override
  public Integer call() throws IOException {
    double yieldKt = Units.parseYieldKt(yieldText);
    Units.checkYield(yieldKt);
    Burst burst;
    if (burstKind == BurstKind.surface) {
      if (heightText != null) {
        throw new DetenteException("--height applies to an air burst; drop it or use --burst air", 2);
      }
      burst = Burst.surface(yieldKt);
    } else if (heightText != null) {
      double h = Units.parseLengthM(heightText, "height");
      Units.checkHeight(h);
      burst = Burst.atHeight(yieldKt, h);
    } else {
      burst = Burst.optimumAir(yieldKt);
    }
    double windKmh = Units.parseSpeedKmh(windText, "wind");
    Units.checkFissionFraction(fission);
    if (!(shelterPf >= 1)) {
      throw new DetenteException("--shelter-pf must be >= 1, got " + shelterPf, 2);
    }
    if (!Double.isFinite(windFromDeg)) {
      throw new DetenteException("--wind-from must be a number of degrees", 2);
    }
    City place = resolveTarget();
    double gzLat = place != null ? place.lat() : lat != null ? lat : Double.NaN;
    double gzLon = place != null ? place.lon() : lon != null ? lon : Double.NaN;
    boolean located = !Double.isNaN(gzLat);

    EffectRadii radii = EffectRadii.of(burst);
    Fallout fallout = burst.makesLocalFallout() && fission > 0
        ? new Fallout(yieldKt, fission, windKmh, windFromDeg) : null;
    AttackCasualties cas = null;
    if (located) {
      NuclearCasualtyModel model = NuclearCasualtyModel.loadDefault().withParameters(
          NuclearCasualtyModel.Parameters.defaults().withWind(windKmh, windFromDeg)
              .withShelterProtectionFactor(shelterPf));
      cas = model.attack(List.of(new Detonation(gzLat, gzLon, burst, fission)));
    }
    if (mapFile != null) {
      if (!located) {
        throw new DetenteException("--map needs a place: give --target or --lat and --lon", 2);
      }
      String title = describe(burst) + (place != null ? " over " + place.label() : "");
      String html = new EffectsMap(gzLat, gzLon, radii, fallout, cas, title).html();
      OutputFiles.write(mapFile, html);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.value()) {
      ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(om.writeValueAsString(toJson(om, burst, radii, fallout, place, gzLat, gzLon,
          windKmh, cas)));
    } else {
      printTables(out, burst, radii, fallout, place, gzLat, gzLon, windKmh, cas);
    }
    out.flush();
    return 0;
  }

  private City resolveTarget() {
    if (target != null && (lat != null || lon != null)) {
      throw new DetenteException("give either --target or --lat/--lon, not both", 2);
    }
    if ((lat == null) != (lon == null)) {
      throw new DetenteException("--lat and --lon go together", 2);
    }
    if (lat != null) {
      if (!(lat >= -90 && lat <= 90)) {
        throw new DetenteException("--lat must be between -90 and 90, got " + lat, 2);
      }
      if (!(lon >= -180 && lon <= 180)) {
        throw new DetenteException("--lon must be between -180 and 180, got " + lon, 2);
      }
      return null;
    }
    if (target == null) {
      if (country != null) {
        throw new DetenteException("--country needs --target", 2);
      }
      return null;
    }
    String[] parts = target.split(",");
    String name = parts[0].trim();
    String cc = country;
    String admin1 = null;
    if (parts.length >= 2) {
      cc = parts[1].trim();
    }
    if (parts.length >= 3) {
      admin1 = parts[2].trim();
    }
    if (parts.length > 3 || name.isEmpty()) {
      throw new DetenteException("--target '" + target + "': expected \"Name\", \"Name, CC\" or"
          + " \"Name, CC, ADMIN1\"", 2);
    }
    CityIndex idx = CityIndex.world();
    List<City> hits = matching(idx, name, cc, admin1);
    if (hits.isEmpty()) {
      // not a city of 100,000 or more: try every place of 1,000 or more
      hits = matching(CityIndex.allPlaces(), name, cc, admin1);
    }
    if (hits.size() == 1) {
      return hits.get(0);
    }
    StringBuilder sb = new StringBuilder();
    if (hits.isEmpty()) {
      sb.append("unknown place '").append(target).append("'");
      List<City> near = idx.suggest(name);
      if (cc != null) {
        String c = cc;
        List<City> inCountry = new ArrayList<>(near);
        inCountry.removeIf(x -> !x.country().equalsIgnoreCase(c));
        if (!inCountry.isEmpty()) {
          near = inCountry;
        }
      }
      if (near.isEmpty()) {
        sb.append(" (GeoNames places of 1,000 people or more are known; or give --lat and --lon)");
      } else {
        sb.append("; did you mean:");
        for (City c : near) {
          sb.append(System.lineSeparator()).append("  ").append(candidate(c));
        }
      }
      throw new DetenteException(sb.toString(), 1);
    }
    sb.append("place '").append(target).append("' is ambiguous; candidates:");
    for (City c : hits.subList(0, Math.min(12, hits.size()))) {
      sb.append(System.lineSeparator()).append("  ").append(candidate(c));
    }
    if (hits.size() > 12) {
      sb.append(System.lineSeparator()).append("  ... and ").append(hits.size() - 12)
          .append(" more");
    }
    sb.append(System.lineSeparator()).append("write e.g. --target \"")
        .append(hits.get(0).name()).append(", ").append(hits.get(0).country()).append(", ")
        .append(hits.get(0).admin1()).append("\" or use --country");
    throw new DetenteException(sb.toString(), 1);
  }

  /** Places of the index named {@code name} (in country cc, region admin1 when given). */
  private static List<City> matching(CityIndex index, String name, String cc, String admin1) {
    List<City> hits = new ArrayList<>(index.search(name, cc));
    if (admin1 != null) {
      hits.removeIf(c -> !c.admin1().equalsIgnoreCase(admin1));
    }
    return hits;
  }

  private static String candidate(City c) {
    return String.format(Locale.ROOT, "%s, %s, %s (population %,d; %.4f, %.4f)", c.name(),
        c.country(), c.admin1(), c.population(), c.lat(), c.lon());
  }

  static String describe(Burst b) {
    String y = b.yieldKt() >= 1000 ? fmt(b.yieldKt() / 1000, 3) + " Mt" : fmt(b.yieldKt(), 3) + " kt";
    if (b.isSurface()) {
      return y + " surface burst";
    }
    return y + " air burst at " + fmt(b.heightOfBurstM(), 0) + " m"
        + (b.optimumHeight() ? " (height maximising the 5 psi range)" : "");
  }

  private static String fmt(double v, int maxDecimals) {
    String s = String.format(Locale.ROOT, "%." + maxDecimals + "f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  private ObjectNode toJson(ObjectMapper om, Burst b, EffectRadii r, Fallout f, City place,
      double gzLat, double gzLon, double windKmh, AttackCasualties cas) {
    ObjectNode o = om.createObjectNode();
    ObjectNode in = o.putObject("inputs");
    in.put("yield", yieldText);
    in.put("burst", burstKind.toString());
    in.put("height", heightText);
    in.put("target", target);
    in.put("country", country);
    if (lat != null) {
      in.put("lat", lat);
      in.put("lon", lon);
    } else {
      in.putNull("lat");
      in.putNull("lon");
    }
    in.put("wind", windText);
    in.put("windFromDeg", windFromDeg);
    in.put("fissionFraction", fission);
    in.put("shelterProtectionFactor", shelterPf);
    o.put("yieldKt", b.yieldKt());
    o.put("burst", b.kind());
    o.put("heightOfBurstM", round(b.heightOfBurstM(), 1));
    o.put("optimumHeight", b.optimumHeight());
    o.put("fireballRadiusKm", round(r.fireballRadiusKm(), 4));
    ObjectNode op = o.putObject("overpressureRangesKm");
    for (int i = 0; i < r.overpressurePsi().length; i++) {
      op.put(fmt(r.overpressurePsi()[i], 0), round(r.overpressureRangesKm()[i], 4));
    }
    ObjectNode th = o.putObject("thermalRangesKm");
    th.put("firstDegree", round(r.burnRangesKm()[0], 4));
    th.put("secondDegree", round(r.burnRangesKm()[1], 4));
    th.put("thirdDegree", round(r.burnRangesKm()[2], 4));
    ObjectNode tq = o.putObject("burnThresholdsCalPerCm2");
    tq.put("firstDegree", round(r.burnThresholdsCalPerCm2()[0], 3));
    tq.put("secondDegree", round(r.burnThresholdsCalPerCm2()[1], 3));
    tq.put("thirdDegree", round(r.burnThresholdsCalPerCm2()[2], 3));
    ObjectNode rad = o.putObject("radiationRangesKm");
    for (int i = 0; i < r.doseRem().length; i++) {
      rad.put(fmt(r.doseRem()[i], 0), round(r.radiationRangesKm()[i], 4));
    }
    if (f != null) {
      ObjectNode fo = o.putObject("fallout");
      fo.put("model", "WSEG-10 (Hanifen 1980)");
      fo.put("windKmh", round(windKmh, 3));
      fo.put("windFromDeg", windFromDeg);
      fo.put("fissionFraction", fission);
      fo.put("cloudCentreHeightKm", round(f.cloudCentreHeightKft() * 0.3048, 3));
      ArrayNode cs = fo.putArray("doseRateH1Contours");
      for (double level : FALLOUT_LEVELS) {
        List<double[]> poly = f.contour(level, false);
        ObjectNode c = cs.addObject();
        c.put("radPerHour", level);
        c.put("downwindKm", round(extentDownwind(f, poly), 3));
        c.put("maxWidthKm", round(maxWidth(f, poly), 3));
        c.put("areaKm2", round(Fallout.areaKm2(poly), 2));
      }
    } else {
      o.putNull("fallout");
    }
    if (gzLat == gzLat) {
      ObjectNode gz = o.putObject("groundZero");
      gz.put("lat", gzLat);
      gz.put("lon", gzLon);
      if (place != null) {
        gz.put("name", place.name());
        gz.put("country", place.country());
        gz.put("admin1", place.admin1());
        gz.put("population", place.population());
      }
    }
    if (cas != null) {
      ObjectNode c = o.putObject("casualties");
      c.put("deaths", Math.round(cas.deaths()));
      c.put("injuries", Math.round(cas.injuries()));
      c.put("falloutDeaths", Math.round(cas.falloutDeaths()));
      ArrayNode cities = c.putArray("cities");
      for (CityCasualties cc : cas.cities().subList(0, Math.min(15, cas.cities().size()))) {
        ObjectNode x = cities.addObject();
        x.put("name", cc.city().name());
        x.put("country", cc.city().country());
        x.put("admin1", cc.city().admin1());
        x.put("population", cc.city().population());
        x.put("deaths", Math.round(cc.deaths()));
        x.put("injuries", Math.round(cc.injuries()));
        x.put("falloutDeaths", Math.round(cc.falloutDeaths()));
      }
      c.put("model", "Clark (1951) density around GeoNames city points; OTA (1979) blast bands;"
          + " burns and initial radiation as independent hazards; WSEG-10 fallout");
      c.put("populationSource", cas.populationSource());
    }
    ArrayNode src = o.putArray("sources");
    src.add("Glasstone & Dolan, The Effects of Nuclear Weapons (1977)");
    src.add("Brode, Airblast from Nuclear Bursts - Analytic Approximations (1986)");
    src.add("Fletcher et al., Nuclear Bomb Effects Computer, CEX-62.2 (1963)");
    src.add("Hanifen, Documentation and Analysis of the WSEG-10 Fallout Prediction Model (1980)");
    src.add("OTA, The Effects of Nuclear War (1979)");
    return o;
  }

  static double extentDownwind(Fallout f, List<double[]> poly) {
    double m = 0;
    for (double[] p : poly) {
      m = Math.max(m, f.downwindKm(p[0], p[1]));
    }
    return m;
  }

  static double maxWidth(Fallout f, List<double[]> poly) {
    double m = 0;
    for (double[] p : poly) {
      m = Math.max(m, 2 * Math.abs(f.crosswindKm(p[0], p[1])));
    }
    return m;
  }


  private static String km(double v) {
    if (v <= 0) {
      return "does not reach the ground";
    }
    return v < 10 ? String.format(Locale.ROOT, "%.2f km", v) : String.format(Locale.ROOT, "%.1f km", v);
  }

  private void printTables(PrintWriter out, Burst b, EffectRadii r, Fallout f, City place,
      double gzLat, double gzLon, double windKmh, AttackCasualties cas) {
    out.println("Nuclear effects: " + describe(b));
    if (place != null) {
      out.printf(Locale.ROOT, "Ground zero: %s, %s (%s), %.4f, %.4f - city population %,d%n",
          place.name(), place.country(), place.admin1(), gzLat, gzLon, place.population());
    } else if (gzLat == gzLat) {
      out.printf(Locale.ROOT, "Ground zero: %.4f, %.4f%n", gzLat, gzLon);
    }
    out.println();
    out.printf(Locale.ROOT, "%-56s %s%n", "Effect", "Ground range");
    out.printf(Locale.ROOT, "%-56s %s%n", "Fireball (maximum radius)", km(r.fireballRadiusKm()));
    String[] psiNotes = {"glass breaks, light injuries", "moderate damage to houses",
      "houses severely damaged", "most houses collapse", "reinforced concrete badly damaged",
      "heavy concrete buildings destroyed"};
    for (int i = r.overpressurePsi().length - 1; i >= 0; i--) {
      out.printf(Locale.ROOT, "%-56s %s%n", String.format(Locale.ROOT, "Overpressure %2.0f psi (%s)",
          r.overpressurePsi()[i], psiNotes[i]), km(r.overpressureRangesKm()[i]));
    }
    String[] deg = {"First", "Second", "Third"};
    for (int d = 2; d >= 0; d--) {
      out.printf(Locale.ROOT, "%-56s %s%n", String.format(Locale.ROOT, "%s-degree burns (%.1f cal/cm2)",
          deg[d], r.burnThresholdsCalPerCm2()[d]), km(r.burnRangesKm()[d]));
    }
    for (int i = r.doseRem().length - 1; i >= 0; i--) {
      out.printf(Locale.ROOT, "%-56s %s%n", String.format(Locale.ROOT, "Initial radiation %.0f rem",
          r.doseRem()[i]), km(r.radiationRangesKm()[i]));
    }
    out.println();
    if (f != null) {
      out.printf(Locale.ROOT, "Fallout (WSEG-10): wind %.0f km/h from %.0f deg, fission fraction %.2f%n",
          windKmh, windFromDeg, fission);
      out.printf(Locale.ROOT, "  %-24s %14s %14s %14s%n", "H+1 dose rate", "downwind", "max width", "area");
      for (double level : FALLOUT_LEVELS) {
        List<double[]> poly = f.contour(level, false);
        out.printf(Locale.ROOT, "  %-24s %14s %14s %11.0f km2%n",
            String.format(Locale.ROOT, "%.0f rad/h", level),
            poly.isEmpty() ? "-" : km(extentDownwind(f, poly)),
            poly.isEmpty() ? "-" : km(maxWidth(f, poly)), Fallout.areaKm2(poly));
      }
    } else {
      out.println(b.makesLocalFallout()
          ? "Fallout: none (no fission yield)"
          : "Fallout: no local fallout (the fireball does not touch the ground)");
    }
    if (cas != null) {
      out.println();
      out.printf(Locale.ROOT, "Casualties: %,.0f deaths, %,.0f injuries, %,.0f fallout deaths%n",
          cas.deaths(), cas.injuries(), cas.falloutDeaths());
      out.println("  (night, no warning, people at home; fallout with shelter protection factor "
          + fmt(shelterPf, 1) + ")");
      if (!cas.cities().isEmpty()) {
        out.printf(Locale.ROOT, "  %-32s %12s %12s %12s %12s%n", "Most affected places", "population",
            "deaths", "injuries", "fallout");
        for (CityCasualties c : cas.cities().subList(0, Math.min(10, cas.cities().size()))) {
          String n = c.city().name() + ", " + c.city().country();
          if (n.length() > 32) {
            n = n.substring(0, 31) + "~";
          }
          out.printf(Locale.ROOT, "  %-32s %,12d %,12.0f %,12.0f %,12.0f%n", n,
              c.city().population(), c.deaths(), c.injuries(), c.falloutDeaths());
        }
      }
      out.println("  GeoNames place populations only (places of 1,000 or more): rural people are"
          + " missing, so these figures are low.");
      out.println("Population data: " + cas.populationSource());
    }
    if (mapFile != null) {
      out.println("Map written to " + mapFile);
    }
  }
}
