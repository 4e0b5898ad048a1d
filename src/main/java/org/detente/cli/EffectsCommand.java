package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.effects.AttackCasualties;
import org.detente.effects.Burst;
import org.detente.geo.City;
import org.detente.effects.CityCasualties;
import org.detente.effects.Detonation;
import org.detente.effects.EffectRadii;
import org.detente.effects.EffectsMap;
import org.detente.effects.Fallout;
import org.detente.effects.NuclearCasualtyModel;
import org.detente.effects.Ranges;
import org.detente.geo.Places;
import org.detente.model.Units;
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
    double yieldKt = quantity("--yield", yieldText, Units::yieldKt);
    Ranges.checkYield(yieldKt);
    Burst burst;
    if (burstKind == BurstKind.surface) {
      if (heightText != null) {
        throw new UsageException(Message.OPTION_PROBLEM, "--height",
            "applies to an air burst; drop it or use --burst air");
      }
      burst = Burst.surface(yieldKt);
    } else if (heightText != null) {
      double h = quantity("--height", heightText, Units::metres);
      Ranges.checkHeight(h);
      burst = Burst.atHeight(yieldKt, h);
    } else {
      burst = Burst.optimumAir(yieldKt);
    }
    double windKmh = quantity("--wind", windText, Units::kmPerHour);
    Ranges.checkFissionFraction(fission);
    if (!(shelterPf >= 1)) {
      throw new InvalidInputException(Message.AT_LEAST, "--shelter-pf", 1, shelterPf);
    }
    if (!Double.isFinite(windFromDeg)) {
      throw new InvalidInputException(Message.OPTION_VALUE, "--wind-from", windFromDeg,
          "expected a number of degrees");
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
        throw new UsageException(Message.OPTION_NEEDS, "--map", "a place: give --target or --lat and --lon");
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

  /**
   * Parses an option's quantity with the one units parser, naming the option on error. Text that
   * does not read as a quantity is a usage error, like any option value picocli cannot convert;
   * a quantity out of its range is invalid input.
   */
  private static double quantity(String option, String text, ToDoubleFunction<String> parser) {
    try {
      return parser.applyAsDouble(text);
    } catch (InvalidInputException e) {
      throw new UsageException(Message.OPTION_VALUE, option, text, e.getMessage());
    }
  }

  private City resolveTarget() {
    if (target != null && (lat != null || lon != null)) {
      throw new UsageException(Message.OPTIONS_EXCLUSIVE, "--target", "--lat/--lon");
    }
    if ((lat == null) != (lon == null)) {
      throw new UsageException(Message.OPTION_NEEDS, lat == null ? "--lon" : "--lat",
          lat == null ? "--lat" : "--lon");
    }
    if (lat != null) {
      if (!(lat >= -90 && lat <= 90)) {
        throw new InvalidInputException(Message.OUT_OF_RANGE, "--lat", -90, 90, lat);
      }
      if (!(lon >= -180 && lon <= 180)) {
        throw new InvalidInputException(Message.OUT_OF_RANGE, "--lon", -180, 180, lon);
      }
      return null;
    }
    if (target == null) {
      if (country != null) {
        throw new UsageException(Message.OPTION_NEEDS, "--country", "--target");
      }
      return null;
    }
    Places.Query q = Places.parse(target, country);
    if (q == null) {
      throw new InvalidInputException(Message.OPTION_PROBLEM, "--target",
          Message.PLACE_FORM.format(target));
    }
    Places.Resolution r = Places.resolve(q);
    if (r instanceof Places.Unique u) {
      return u.city();
    }
    if (r instanceof Places.Ambiguous a) {
      City first = a.candidates().get(0);
      throw new InvalidInputException(Message.PLACE_AMBIGUOUS, q.text(), a.count(),
          Places.candidates(a.candidates(), a.count()),
          "write e.g. --target \"" + first.name() + ", " + first.country() + ", "
              + first.admin1() + "\" or use --country");
    }
    Places.Unknown u = (Places.Unknown) r;
    throw new InvalidInputException(Message.PLACE_UNKNOWN, q.text(), Places.unknownDetail(q, u),
        "or give --lat and --lon");
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
