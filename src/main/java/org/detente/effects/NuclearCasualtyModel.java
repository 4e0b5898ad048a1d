package org.detente.effects;

import org.detente.geo.Geo;
import org.detente.geo.City;
import org.detente.geo.CityIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * Casualties of nuclear detonations against the shipped GeoNames city population.
 *
 * <p><b>Population.</b> Each city's population P is spread around its point with Clark's (1951)
 * negative-exponential density ρ(r) = ρ₀e^{−r/r₀}, truncated at 6r₀ and normalised so that the
 * disk holds exactly P. The gradient r₀ comes from an assumed mean density ρ̄ of the built-up
 * city: R_city = √(P/(πρ̄)), r₀ = R_city/2 (59 % of P then lives inside R_city). Densities of
 * overlapping cities add.
 *
 * <p><b>Prompt effects.</b> For a point at ground distance d from a burst: blast casualty fractions
 * of the OTA (1979) overpressure band containing the peak overpressure there (Brode 1986);
 * burns for the exposed fraction of people (third degree: a fraction die, the rest are injured;
 * second degree: injured); initial radiation: death with a log-normal dose-response (LD50, σ) and
 * radiation sickness (injury) with a log-normal of median {@code sicknessMedianRem}. The three are
 * combined as independent hazards so that everyone is counted once: P(dead) = 1 − Π(1 − k_i),
 * P(unhurt) = Π(1 − k_i − j_i), P(injured) = 1 − P(dead) − P(unhurt). With several bursts each
 * effect takes its worst value over the bursts at that point.
 *
 * <p><b>Quadrature.</b> Every burst lays a polar grid (40 geometric rings from R/100 to R plus the burst's own band and burn radii, 36 sectors) out to its
 * prompt reach R (largest of the 1 psi, second-degree-burn and 60 rem ranges). A grid cell is
 * counted only by the burst for which the cell is nearest in units of R (ties: lower index), so the
 * union of the disks is partitioned and overlapping areas are counted once.
 *
 * <p><b>Fallout.</b> Bursts whose fireball touches the ground make WSEG-10 fallout (Hanifen 1980,
 * {@link Fallout}); doses of several bursts add. The one-week dose divided by the shelter
 * protection factor kills prompt survivors with the same log-normal dose-response. The share of a
 * city's unhurt (and of its injured) whom fallout kills is averaged over the city's own
 * equal-population polar grid (24 rings × 24 sectors; fewer for small places), each cell weighted
 * by its unhurt (injured) people, and applied to the unhurt (injured) of the prompt pass, so that
 * a city never loses more people than it has.
 *
 * <p>Deterministic and thread-safe; the city data are GeoNames (geonames.org), CC BY 4.0.
 */
public final class NuclearCasualtyModel implements DetonationCasualties {

  /**
   * Model parameters.
   *
   * @param meanDensityPerKm2        assumed mean density of a city's built-up area (people/km²)
   * @param thermalExposedFraction   fraction of people exposed to the flash (outdoors or at windows)
   * @param thirdDegreeLethality     fraction of exposed third-degree-burn victims who die
   * @param ld50Rem                  dose killing half of those exposed (rem)
   * @param lethalitySigmaLn         log-normal spread of the lethal dose
   * @param sicknessMedianRem        dose giving radiation sickness to half of those exposed (rem)
   * @param shelterProtectionFactor  fallout dose reduction by shelter (1 = in the open)
   * @param windKmh                  fallout wind speed (km/h)
   * @param windFromDeg              direction the wind blows from (degrees from north)
   * @param fissionFraction          fission fraction used by {@link #estimate}
   */
  public record Parameters(
      double meanDensityPerKm2,
      double thermalExposedFraction,
      double thirdDegreeLethality,
      double ld50Rem,
      double lethalitySigmaLn,
      double sicknessMedianRem,
      double shelterProtectionFactor,
      double windKmh,
      double windFromDeg,
      double fissionFraction) {

    /** Validates ranges. */
    public Parameters {
      positive("meanDensityPerKm2", meanDensityPerKm2);
      fraction("thermalExposedFraction", thermalExposedFraction);
      fraction("thirdDegreeLethality", thirdDegreeLethality);
      positive("ld50Rem", ld50Rem);
      positive("lethalitySigmaLn", lethalitySigmaLn);
      positive("sicknessMedianRem", sicknessMedianRem);
      if (!(shelterProtectionFactor >= 1)) {
        throw new InvalidInputException(Message.AT_LEAST, "shelter protection factor", 1,
            shelterProtectionFactor);
      }
      positive("windKmh", windKmh);
      Ranges.checkFissionFraction(fissionFraction);
    }

    private static void positive(String name, double v) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new InvalidInputException(Message.POSITIVE, name, v);
      }
    }

    private static void fraction(String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new InvalidInputException(Message.OUT_OF_RANGE, name, 0, 1, v);
      }
    }

    /**
     * Defaults: ρ̄ = 4,000/km² (European and North American city cores 3,000–5,000/km²; Warsaw
     * 1.70 M on 517 km² ≈ 3,300/km²); 10 % exposed to the flash (OTA's night-time, no-warning case
     * with people at home); half of exposed third-degree burns fatal; LD50 = 450 rem with σ = 0.29
     * (LD10 ≈ 310, LD90 ≈ 650 rem; Glasstone &amp; Dolan 1977 §12.108–12.111); sickness median
     * 150 rem (G&amp;D Table 12.108, 100–200 rem: nausea in some); shelter protection factor 3 (a
     * house, G&amp;D §9.117); wind 24 km/h from the west; fission fraction 0.5.
     */
    public static Parameters defaults() {
      return new Parameters(4000, 0.10, 0.5, 450, 0.29, 150, 3, 24, 270, 0.5);
    }

    /** Copy with another mean density. */
    public Parameters withMeanDensity(double perKm2) {
      return new Parameters(perKm2, thermalExposedFraction, thirdDegreeLethality, ld50Rem,
          lethalitySigmaLn, sicknessMedianRem, shelterProtectionFactor, windKmh, windFromDeg,
          fissionFraction);
    }

    /** Copy with another wind. */
    public Parameters withWind(double kmh, double fromDeg) {
      return new Parameters(meanDensityPerKm2, thermalExposedFraction, thirdDegreeLethality,
          ld50Rem, lethalitySigmaLn, sicknessMedianRem, shelterProtectionFactor, kmh, fromDeg,
          fissionFraction);
    }

    /** Copy with another shelter protection factor. */
    public Parameters withShelterProtectionFactor(double pf) {
      return new Parameters(meanDensityPerKm2, thermalExposedFraction, thirdDegreeLethality,
          ld50Rem, lethalitySigmaLn, sicknessMedianRem, pf, windKmh, windFromDeg, fissionFraction);
    }

    /** Copy with another flash-exposed fraction. */
    public Parameters withThermalExposedFraction(double f) {
      return new Parameters(meanDensityPerKm2, f, thirdDegreeLethality, ld50Rem, lethalitySigmaLn,
          sicknessMedianRem, shelterProtectionFactor, windKmh, windFromDeg, fissionFraction);
    }
  }

  /** Radii of the truncated density disk, in units of r₀. */
  static final double CUT_R0 = 6.0;
  private static final double CUT_MASS = 1 - (1 + CUT_R0) * Math.exp(-CUT_R0);
  private static final int RINGS = 40;
  private static final int SECTORS = 36;
  private static final double INNER_FRACTION = 1.0 / 100.0;
  private static final int CITY_RINGS = 24;
  private static final int CITY_SECTORS = 24;
  private static final double RAD_MIN_REM = 60.0;
  private static final int RAD_LEVELS = 48;
  private static final int PARALLEL_MIN = 16;
  private static final long DISTRICT_PARENT_MIN = 100_000;
  private static final double SMALL_CUT_KM = 10.0;
  /** Places smaller than this are a single point in the fallout integration. */
  private static final double FALLOUT_POINT_CUT_KM = 3.0;
  /** Linear size of a burst-grid cell relative to its distance from ground zero (≈ 2π/36). */
  private static final double CELL_SIZE_FACTOR = 0.18;

  private static final double[] RING_EDGE_UNIT = ringEdges();
  private static final double[] SECTOR_COS = sectorCos(SECTORS);
  private static final double[] SECTOR_SIN = sectorSin(SECTORS);
  private static final int MID_RINGS = 8;
  private static final int MID_SECTORS = 8;
  /** Places with a density disk up to this radius use the coarser 8 × 8 fallout grid. */
  private static final double FALLOUT_MID_CUT_KM = 20.0;

  /**
   * The equal-population points a place is integrated on: ring radii (units of r₀) and sector
   * directions.
   */
  private record DiskLayout(int rings, int sectors, double[] ringR, double[] cos, double[] sin) {}

  /** One point at the place's centre (its whole disk is small against the effects' scale). */
  private static final DiskLayout POINT_DISK =
      new DiskLayout(1, 1, new double[] {0.0}, new double[] {1.0}, new double[] {0.0});
  /** 8 rings × 8 sectors. */
  private static final DiskLayout MID_DISK = new DiskLayout(MID_RINGS, MID_SECTORS,
      cityRings(MID_RINGS), sectorCos(MID_SECTORS), sectorSin(MID_SECTORS));
  /** 24 rings × 24 sectors, for large disks. */
  private static final DiskLayout CITY_DISK = new DiskLayout(CITY_RINGS, CITY_SECTORS,
      cityRings(CITY_RINGS), sectorCos(CITY_SECTORS), sectorSin(CITY_SECTORS));

  /**
   * The grid of a place integrated over its area, by the radius of its density disk: 8 × 8 up to
   * {@link #FALLOUT_MID_CUT_KM}, 24 × 24 beyond (the same classes for prompt effects and fallout).
   */
  private static DiskLayout areaDisk(double cutKm) {
    return cutKm <= FALLOUT_MID_CUT_KM ? MID_DISK : CITY_DISK;
  }

  /** cos of each of n equal sectors' mid-angles, 2π·(s + ½)/n. */
  private static double[] sectorCos(int n) {
    double[] c = new double[n];
    for (int s = 0; s < n; s++) {
      c[s] = Math.cos(2 * Math.PI * (s + 0.5) / n);
    }
    return c;
  }

  /** sin of each of n equal sectors' mid-angles, 2π·(s + ½)/n. */
  private static double[] sectorSin(int n) {
    double[] c = new double[n];
    for (int s = 0; s < n; s++) {
      c[s] = Math.sin(2 * Math.PI * (s + 0.5) / n);
    }
    return c;
  }

  private static double[] ringEdges() {
    double[] e = new double[RINGS];
    double q = Math.pow(1.0 / INNER_FRACTION, 1.0 / (RINGS - 1));
    for (int i = 0; i < RINGS; i++) {
      e[i] = INNER_FRACTION * Math.pow(q, i);
    }
    e[RINGS - 1] = 1.0;
    return e;
  }

  /** Radii (units of r₀) of the equal-population rings' area-median points. */
  private static double[] cityRings(int rings) {
    double[] mid = new double[rings];
    for (int i = 0; i < rings; i++) {
      double m = ((i + 0.5) / rings) * CUT_MASS;
      mid[i] = massRadius(m);
    }
    return mid;
  }

  /** u such that 1 − (1 + u)e^{−u} = m. */
  static double massRadius(double m) {
    double lo = 0;
    double hi = 50;
    for (int it = 0; it < 100; it++) {
      double mid = 0.5 * (lo + hi);
      if (1 - (1 + mid) * Math.exp(-mid) < m) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private final CityIndex cities;
  private final OtaBlastBands bands;
  private final Parameters params;
  private final double[] cityR0Km;
  private final double[] cityCutKm;
  private final double[] cityRho0;
  private final double maxCutKm;
  private final CityIndex bigPlaces;
  private final int[] bigToGlobal;
  private final double[] cityPop; // population used by the model (0 for subsumed sections)
  private final int subsumedSections;
  private final String populationSource;

  /** A model over the given cities, bands and parameters. */
  public NuclearCasualtyModel(CityIndex cities, OtaBlastBands bands, Parameters params) {
    this.cities = cities;
    this.bands = bands;
    this.params = params;
    int n = cities.size();
    cityR0Km = new double[n];
    cityCutKm = new double[n];
    cityRho0 = new double[n];
    cityPop = new double[n];
    double[] rCity = new double[n];
    for (int i = 0; i < n; i++) {
      cityPop[i] = cities.populationOf(i);
      rCity[i] = Math.sqrt(cityPop[i] / (Math.PI * params.meanDensityPerKm2()));
    }
    // GeoNames lists many city districts as places of their own (Warsaw's Mokotów, Berlin's
    // Neukölln, Moscow's districts, PPLX "sections of populated places") although the parent
    // city's population already includes them. A place is dropped when it lies within the city
    // radius of a place at least 3 times larger in the same country that is in the same first-
    // level division (or the place is a PPLX section). Parents are places of 100,000 or more.
    boolean[] drop = new boolean[n];
    for (int j = 0; j < n; j++) {
      if (cities.populationOf(j) < DISTRICT_PARENT_MIN) {
        continue;
      }
      final int parent = j;
      City big = cities.get(j);
      double limit = cities.populationOf(j) / 3.0;
      cities.forEachWithin(cities.latOf(j), cities.lonOf(j), rCity[j], (i, d) -> {
        if (i == parent || drop[i] || cities.populationOf(i) > limit) {
          return;
        }
        City me = cities.get(i);
        if (me.country().equals(big.country())
            && ("PPLX".equals(cities.featureCode(i)) || me.admin1().equals(big.admin1()))) {
          drop[i] = true;
        }
      });
    }
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      if (drop[i]) {
        cityPop[i] = 0;
        dropped++;
      }
    }
    subsumedSections = dropped;
    populationSource = String.format(java.util.Locale.ROOT,
        "GeoNames (geonames.org), CC BY 4.0 — %,d populated places", n);
    double mx = 0;
    for (int i = 0; i < n; i++) {
      double p = cityPop[i];
      double r0 = 0.5 * Math.sqrt(p / (Math.PI * params.meanDensityPerKm2()));
      cityR0Km[i] = Math.max(r0, 1e-3);
      cityCutKm[i] = p > 0 ? CUT_R0 * cityR0Km[i] : 0;
      cityRho0[i] = p / (2 * Math.PI * cityR0Km[i] * cityR0Km[i] * CUT_MASS);
      mx = Math.max(mx, cityCutKm[i]);
    }
    maxCutKm = mx;
    // places whose density disk reaches beyond SMALL_CUT_KM get their own index, so that radius
    // queries over the many small places can use a short radius
    List<City> bigList = new ArrayList<>();
    List<Integer> bigIds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (cityCutKm[i] > SMALL_CUT_KM) {
        bigList.add(cities.get(i));
        bigIds.add(i);
      }
    }
    bigPlaces = CityIndex.of(bigList);
    bigToGlobal = bigIds.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The default model: all shipped GeoNames places of 1,000 people or more, OTA 1979 bands,
   * default parameters.
   */
  public static NuclearCasualtyModel loadDefault() {
    return Holder.DEFAULT;
  }

  private static final class Holder {
    static final NuclearCasualtyModel DEFAULT = new NuclearCasualtyModel(CityIndex.allPlaces(),
        OtaBlastBands.ota1979(), Parameters.defaults());
  }

  /** The same model with other parameters. */
  public NuclearCasualtyModel withParameters(Parameters p) {
    return new NuclearCasualtyModel(cities, bands, p);
  }

  /** The parameters. */
  public Parameters parameters() {
    return params;
  }

  /** The cities. */
  public CityIndex cities() {
    return cities;
  }

  /** Number of GeoNames places dropped as districts of a larger city that contains them. */
  public int subsumedSections() {
    return subsumedSections;
  }

  /** Population the model places at a city (0 for a dropped section). */
  public double modelPopulation(int cityIdx) {
    return cityPop[cityIdx];
  }

  /** Scale r₀ (km) of a city's density profile. */
  public double cityScaleKm(int cityIdx) {
    return cityR0Km[cityIdx];
  }

  /** Population of a city's density profile within {@code radiusKm} of its centre. */
  public double populationWithin(int cityIdx, double radiusKm) {
    double u = Math.min(radiusKm, cityCutKm[cityIdx]) / cityR0Km[cityIdx];
    return cityPop[cityIdx] * (1 - (1 + u) * Math.exp(-u)) / CUT_MASS;
  }

  private record EstimateKey(double lat, double lon, double yieldKt, boolean air) {}

  private static final int ESTIMATE_CACHE_MAX = 100_000;
  private final java.util.concurrent.ConcurrentHashMap<EstimateKey, Casualties> estimates =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@inheritDoc}
   *
   * <p>Results are memoised (a pure function of the arguments), so repeated strikes on the same
   * place in a Monte Carlo ensemble cost a lookup.
   */
  @Override
  public Casualties estimate(double latDeg, double lonDeg, double yieldKt, boolean airBurst) {
    EstimateKey key = new EstimateKey(latDeg, lonDeg, yieldKt, airBurst);
    Casualties c = estimates.get(key);
    if (c == null) {
      c = computeEstimate(latDeg, lonDeg, yieldKt, airBurst);
      if (estimates.size() < ESTIMATE_CACHE_MAX) {
        estimates.putIfAbsent(key, c);
      }
    }
    return c;
  }

  private Casualties computeEstimate(double latDeg, double lonDeg, double yieldKt, boolean airBurst) {
    Burst b = airBurst ? Burst.optimumAir(yieldKt) : Burst.surface(yieldKt);
    AttackCasualties a = attack(List.of(new Detonation(latDeg, lonDeg, b, params.fissionFraction())));
    return new Casualties(a.deaths(), a.injuries(), a.falloutDeaths());
  }

  // ---------------------------------------------------------------------------------------------
  // compiled bursts

  /** One burst compiled for the hot loop. */
  private final class Shot {
    final double lat;
    final double lon;
    final double kmLon;
    final double[] bandR2; // squared ground ranges of the OTA band lower bounds, descending psi
    final double burn3R2;
    final double burn2R2;
    final double[] radR; // ground ranges of RAD levels (descending dose → ascending range)
    final double[] radKill;
    final double[] radInj;
    final double reachKm;
    final Fallout fallout;
    final double[] cellR; // per ring: radius of the cell centres (ring 0: the central disk)
    final double[] cellArea; // per ring: area of one cell

    Shot(Detonation d) {
      lat = d.latDeg();
      lon = d.lonDeg();
      kmLon = Geo.kmPerDegLon(lat);
      Burst b = d.burst();
      double w = b.yieldKt();
      double h = b.heightOfBurstM();
      double s = Math.cbrt(w);
      bandR2 = new double[bands.lowerPsi().length];
      double reach = 0;
      for (int i = 0; i < bandR2.length; i++) {
        double r = blastRangeKm(b, bands.lowerPsi()[i], s);
        bandR2[i] = r * r;
        reach = Math.max(reach, r);
      }
      double b3 = Thermal.burnGroundRangeKm(w, 3, h);
      double b2 = Thermal.burnGroundRangeKm(w, 2, h);
      burn3R2 = b3 * b3;
      burn2R2 = b2 * b2;
      reach = Math.max(reach, b2);
      radR = new double[RAD_LEVELS];
      radKill = new double[RAD_LEVELS];
      radInj = new double[RAD_LEVELS];
      // dose levels from 30,000 rem down to RAD_MIN_REM, geometric
      double hi = 30000;
      double ratio = Math.pow(RAD_MIN_REM / hi, 1.0 / (RAD_LEVELS - 1));
      for (int i = 0; i < RAD_LEVELS; i++) {
        double dose = hi * Math.pow(ratio, i);
        radR[i] = InitialRadiation.groundRangeKm(w, dose, h);
        double kill = lethality(dose);
        radKill[i] = kill;
        radInj[i] = Math.max(0, sickness(dose) - kill);
      }
      reach = Math.max(reach, radR[RAD_LEVELS - 1]);
      reachKm = Math.max(reach, 1e-3);
      // ring edges: the geometric grid plus this burst's own band and burn radii
      double[] own = new double[bandR2.length + 2];
      for (int i = 0; i < bandR2.length; i++) {
        own[i] = Math.sqrt(bandR2[i]);
      }
      own[bandR2.length] = b3;
      own[bandR2.length + 1] = b2;
      double[] edges = new double[RINGS + own.length];
      int ne = 0;
      for (int i = 0; i < RINGS; i++) {
        edges[ne++] = RING_EDGE_UNIT[i] * reachKm;
      }
      for (double r : own) {
        if (r > edges[0] && r < reachKm) {
          edges[ne++] = r;
        }
      }
      Arrays.sort(edges, 0, ne);
      int u = 1;
      for (int i = 1; i < ne; i++) {
        if (edges[i] > edges[u - 1] * (1 + 1e-9)) {
          edges[u++] = edges[i];
        }
      }
      cellR = new double[u];
      cellArea = new double[u];
      cellArea[0] = Math.PI * edges[0] * edges[0];
      for (int i = 1; i < u; i++) {
        double a = edges[i - 1];
        double c = edges[i];
        cellR[i] = Math.sqrt(0.5 * (a * a + c * c));
        cellArea[i] = Math.PI * (c * c - a * a) / SECTORS;
      }
      fallout = b.makesLocalFallout()
          ? new Fallout(w, d.fissionFraction(), params.windKmh(), params.windFromDeg())
          : null;
    }
  }

  private final Map<Double, double[]> scaledBandCache = new HashMap<>();

  private double blastRangeKm(Burst b, double psi, double s) {
    if (b.isSurface() || b.optimumHeight()) {
      double[] sc;
      synchronized (scaledBandCache) {
        sc = scaledBandCache.computeIfAbsent(psi, p -> new double[] {
            Blast.scaledRangeKft(p, 0.0),
            Blast.scaledRangeKft(p, Blast.optimumScaledHeightKft(Blast.OPTIMUM_FOR_PSI))});
      }
      return (b.isSurface() ? sc[0] : sc[1]) * Blast.KM_PER_KFT * s;
    }
    return Blast.groundRangeKm(b.yieldKt(), psi, b.heightOfBurstM());
  }

  double lethality(double doseRem) {
    if (doseRem <= 0) {
      return 0;
    }
    return Fallout.normalCdf(Math.log(doseRem / params.ld50Rem()) / params.lethalitySigmaLn());
  }

  double sickness(double doseRem) {
    if (doseRem <= 0) {
      return 0;
    }
    return Fallout.normalCdf(Math.log(doseRem / params.sicknessMedianRem()) / 0.3);
  }

  // ---------------------------------------------------------------------------------------------
  // attack

  /** Casualties of several detonations; overlapping areas are counted once. */
  public AttackCasualties attack(List<Detonation> detonations) {
    int m = detonations.size();
    Shot[] shots = new Shot[m];
    double maxReach = 0;
    for (int k = 0; k < m; k++) {
      shots[k] = new Shot(detonations.get(k));
      maxReach = Math.max(maxReach, shots[k].reachKm);
    }
    ShotGrid grid = new ShotGrid(shots);
    int n = cities.size();
    double[] cDeaths = new double[n];
    double[] cInj = new double[n];
    double[] cFall = new double[n];
    boolean[] touched = new boolean[n];
    double[] byDetDeaths = new double[m];
    double[] byDetInj = new double[m];
    double totalDeaths = 0;
    double totalInj = 0;

    // bursts are independent given the compiled list: compute in parallel, reduce in order so
    // that the sums do not depend on the thread count
    ShotResult[] res = new ShotResult[m];
    java.util.stream.IntStream ks = java.util.stream.IntStream.range(0, m);
    if (m >= PARALLEL_MIN) {
      ks = ks.parallel();
    }
    final double mr = maxReach;
    ks.forEach(k -> res[k] = promptShot(k, shots, grid, mr));
    for (int k = 0; k < m; k++) {
      ShotResult r = res[k];
      byDetDeaths[k] = r.deaths();
      byDetInj[k] = r.injuries();
      totalDeaths += r.deaths();
      totalInj += r.injuries();
      for (int q = 0; q < r.city().length; q++) {
        int ci = r.city()[q];
        cDeaths[ci] += r.cityDeaths()[q];
        cInj[ci] += r.cityInjuries()[q];
        touched[ci] = true;
      }
    }

    double[] injuredWhoDie = new double[1];
    double totalFallout = falloutPass(shots, grid, maxReach, cDeaths, cFall, cInj, touched,
        injuredWhoDie);
    totalInj = Math.max(0, totalInj - injuredWhoDie[0]);

    List<CityCasualties> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (touched[i] && (cDeaths[i] + cInj[i] + cFall[i]) >= 0.5) {
        list.add(new CityCasualties(cities.get(i), cDeaths[i], cInj[i], cFall[i]));
      }
    }
    list.sort(Comparator.comparingDouble((CityCasualties c) -> -(c.deaths() + c.falloutDeaths()))
        .thenComparingDouble(c -> -c.injuries()).thenComparing(c -> c.city().name()));
    return new AttackCasualties(totalDeaths, totalInj, totalFallout, byDetDeaths, byDetInj,
        List.copyOf(list), populationSource);
  }

  /**
   * Visits every populated place whose truncated density disk meets the disk of radius
   * {@code radiusKm} around a point; small places first, then large ones (disjoint sets).
   */
  private void forEachPlaceMeeting(double lat, double lon, double radiusKm, CityIndex.Visitor v) {
    cities.forEachWithin(lat, lon, radiusKm + SMALL_CUT_KM, (ci, dist) -> {
      if (cityPop[ci] > 0 && cityCutKm[ci] <= SMALL_CUT_KM && dist - cityCutKm[ci] <= radiusKm) {
        v.visit(ci, dist);
      }
    });
    bigPlaces.forEachWithin(lat, lon, radiusKm + maxCutKm, (bi, dist) -> {
      int ci = bigToGlobal[bi];
      if (dist - cityCutKm[ci] <= radiusKm) {
        v.visit(ci, dist);
      }
    });
  }

  /**
   * True if the point (px, py in burst k's frame) belongs to burst k: no other burst whose disk
   * meets k's is nearer in units of its own reach (ties to the lower index).
   */
  private static boolean owned(int k, double px, double py, double reach, int[] neigh,
      double[] nx, double[] ny, Shot[] shots) {
    double selfScaled = Math.sqrt(px * px + py * py) / reach;
    for (int q = 0; q < neigh.length; q++) {
      int j = neigh[q];
      double dx = px - nx[q];
      double dy = py - ny[q];
      double sj = Math.sqrt(dx * dx + dy * dy) / shots[j].reachKm;
      if (sj < selfScaled || (sj == selfScaled && j < k)) {
        return false;
      }
    }
    return true;
  }

  /** Prompt casualties in the area burst k owns, with their split over cities. */
  private record ShotResult(double deaths, double injuries, int[] city, double[] cityDeaths,
      double[] cityInjuries) {
    static final ShotResult EMPTY = new ShotResult(0, 0, new int[0], new double[0], new double[0]);
  }

  private ShotResult promptShot(int k, Shot[] shots, ShotGrid grid, double maxReach) {
    double[] out = new double[2];
    IntList candidates = new IntList();
    Shot sk = shots[k];
    int[] neigh = grid.near(sk.lat, sk.lon, sk.reachKm + maxReach, k, sk.reachKm);
    // candidate cities whose truncated disk meets this burst's disk
    candidates.clear();
    double reach = sk.reachKm;
    forEachPlaceMeeting(sk.lat, sk.lon, reach, (ci, dist) -> candidates.add(ci));
    if (candidates.size == 0) {
      return ShotResult.EMPTY;
    }
    candidates.sort();
    int nc = candidates.size;
    double[] cx = new double[nc];
    double[] cy = new double[nc];
    double[] cCut2 = new double[nc];
    double[] cRho0 = new double[nc];
    double[] cInvR0 = new double[nc];
    boolean[] compact = new boolean[nc];
    int[] mode = new int[nc];
    for (int c = 0; c < nc; c++) {
      int ci = candidates.data[c];
      cRho0[c] = cityRho0[ci];
      cInvR0[c] = 1.0 / cityR0Km[ci];
      cx[c] = dLonKm(cities.lonOf(ci) - sk.lon, sk.kmLon);
      cy[c] = (cities.latOf(ci) - sk.lat) * Geo.KM_PER_DEG_LAT;
      // A place whose density scale r0 is at least the largest cell of this grid is sampled on
      // the grid. Otherwise it is integrated on its own equal-population points: one point when
      // its whole disk fits in half a cell, else 8 × 8 (24 × 24 for large disks).
      if (cityR0Km[ci] >= CELL_SIZE_FACTOR * reach) {
        mode[c] = 0;
      } else {
        double cell = CELL_SIZE_FACTOR * Math.max(Math.hypot(cx[c], cy[c]), reach / 50);
        mode[c] = cityCutKm[ci] < 0.5 * cell ? 1 : 2;
      }
      compact[c] = mode[c] != 0;
      cCut2[c] = compact[c] ? -1 : cityCutKm[ci] * cityCutKm[ci];
    }
    double[] nx = new double[neigh.length];
    double[] ny = new double[neigh.length];
    for (int q = 0; q < neigh.length; q++) {
      Shot sj = shots[neigh[q]];
      nx[q] = dLonKm(sj.lon - sk.lon, sk.kmLon);
      ny[q] = (sj.lat - sk.lat) * Geo.KM_PER_DEG_LAT;
    }
    double[] share = new double[nc];
    double[] perDeaths = new double[nc];
    double[] perInj = new double[nc];
    boolean[] hit = new boolean[nc];
    double dDeaths = 0;
    double dInj = 0;
    for (int ring = 0; ring < sk.cellR.length; ring++) {
      double rr = sk.cellR[ring];
      double area = sk.cellArea[ring];
      int nsec = ring == 0 ? 1 : SECTORS;
      for (int sec = 0; sec < nsec; sec++) {
        double px = ring == 0 ? 0 : rr * SECTOR_COS[sec];
        double py = ring == 0 ? 0 : rr * SECTOR_SIN[sec];
        if (!owned(k, px, py, reach, neigh, nx, ny, shots)) {
          continue;
        }
        // population at the cell
        double pop = 0;
        for (int c = 0; c < nc; c++) {
          double dx = px - cx[c];
          double dy = py - cy[c];
          double d2 = dx * dx + dy * dy;
          double v = 0;
          if (d2 < cCut2[c]) {
            v = cRho0[c] * Math.exp(-Math.sqrt(d2) * cInvR0[c]) * area;
          }
          share[c] = v;
          pop += v;
        }
        if (pop <= 0) {
          continue;
        }
        promptAt(sk, Math.sqrt(px * px + py * py), neigh, nx, ny, px, py, shots, out);
        if (out[0] == 0 && out[1] == 0) {
          continue;
        }
        dDeaths += pop * out[0];
        dInj += pop * out[1];
        for (int c = 0; c < nc; c++) {
          if (share[c] > 0) {
            perDeaths[c] += share[c] * out[0];
            perInj[c] += share[c] * out[1];
            hit[c] = true;
          }
        }
      }
    }
    // places not sampled on the grid: their own equal-population points
    for (int c = 0; c < nc; c++) {
      if (!compact[c]) {
        continue;
      }
      int ci = candidates.data[c];
      DiskLayout disk = mode[c] == 1 ? POINT_DISK : areaDisk(cityCutKm[ci]);
      int nr = disk.rings();
      int ns = disk.sectors();
      double[] ringR = disk.ringR();
      double[] cosT = disk.cos();
      double[] sinT = disk.sin();
      double pop = cityPop[ci] / (nr * ns);
      for (int ring = 0; ring < nr; ring++) {
        double rr = ringR[ring] * cityR0Km[ci];
        for (int sec = 0; sec < ns; sec++) {
          double px = cx[c] + rr * cosT[sec];
          double py = cy[c] + rr * sinT[sec];
          double d = Math.sqrt(px * px + py * py);
          if (d > reach || !owned(k, px, py, reach, neigh, nx, ny, shots)) {
            continue;
          }
          promptAt(sk, d, neigh, nx, ny, px, py, shots, out);
          if (out[0] == 0 && out[1] == 0) {
            continue;
          }
          dDeaths += pop * out[0];
          dInj += pop * out[1];
          perDeaths[c] += pop * out[0];
          perInj[c] += pop * out[1];
          hit[c] = true;
        }
      }
    }
    int cnt = 0;
    for (int c = 0; c < nc; c++) {
      if (hit[c]) {
        cnt++;
      }
    }
    int[] ids = new int[cnt];
    double[] cd = new double[cnt];
    double[] cj = new double[cnt];
    int w = 0;
    for (int c = 0; c < nc; c++) {
      if (hit[c]) {
        ids[w] = candidates.data[c];
        cd[w] = perDeaths[c];
        cj[w] = perInj[c];
        w++;
      }
    }
    return new ShotResult(dDeaths, dInj, ids, cd, cj);
  }

  private static double dLonKm(double dLonDeg, double kmPerDegLon) {
    double d = dLonDeg >= -180 && dLonDeg < 180 ? dLonDeg : Geo.wrapLon(dLonDeg);
    return d * kmPerDegLon;
  }

  /**
   * Prompt kill and injury probabilities at a point (px, py in burst k's frame, at distance rr
   * from k), taking each effect's worst value over the bursts whose disks contain the point.
   */
  private void promptAt(Shot sk, double rr, int[] neigh, double[] nx, double[] ny, double px,
      double py, Shot[] shots, double[] out) {
    int band = bandIndex(sk, rr * rr);
    int burn = burnDegree(sk, rr * rr);
    int radLevel = radLevel(sk, rr);
    for (int q = 0; q < neigh.length; q++) {
      Shot sj = shots[neigh[q]];
      double dx = px - nx[q];
      double dy = py - ny[q];
      double d2 = dx * dx + dy * dy;
      if (d2 > sj.reachKm * sj.reachKm) {
        continue;
      }
      band = Math.min(band, bandIndex(sj, d2));
      burn = Math.max(burn, burnDegree(sj, d2));
      radLevel = Math.min(radLevel, radLevel(sj, Math.sqrt(d2)));
    }
    combine(band, burn, radLevel, sk, out);
  }

  private int bandIndex(Shot s, double d2) {
    for (int b = 0; b < s.bandR2.length; b++) {
      if (d2 <= s.bandR2[b]) {
        return b;
      }
    }
    return s.bandR2.length;
  }

  private static int burnDegree(Shot s, double d2) {
    return d2 <= s.burn3R2 ? 3 : d2 <= s.burn2R2 ? 2 : 0;
  }

  /** Index of the highest dose level whose range covers distance d; RAD_LEVELS if none. */
  private static int radLevel(Shot s, double d) {
    double[] r = s.radR;
    if (d > r[RAD_LEVELS - 1]) {
      return RAD_LEVELS;
    }
    // radR is non-decreasing: first index with d <= radR[i]
    int lo = 0;
    int hi = RAD_LEVELS - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (d <= r[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private void combine(int band, int burn, int radLevel, Shot any, double[] out) {
    double kb = band < bands.killed().length ? bands.killed()[band] : 0;
    double ib = band < bands.injured().length ? bands.injured()[band] : 0;
    double f = params.thermalExposedFraction();
    double kt = burn == 3 ? f * params.thirdDegreeLethality() : 0;
    double it = burn == 3 ? f * (1 - params.thirdDegreeLethality()) : burn == 2 ? f : 0;
    double kr = radLevel < RAD_LEVELS ? any.radKill[radLevel] : 0;
    double ir = radLevel < RAD_LEVELS ? any.radInj[radLevel] : 0;
    double alive = (1 - kb) * (1 - kt) * (1 - kr);
    double unhurt = (1 - kb - ib) * (1 - kt - it) * (1 - kr - ir);
    out[0] = 1 - alive;
    out[1] = Math.max(0, alive - unhurt);
  }

  /** Prompt kill and injury probabilities at a lat/lon over the given bursts. */
  private void promptAt(double lat, double lon, Shot[] shots, int[] near, double[] tmp) {
    int band = Integer.MAX_VALUE;
    int burn = 0;
    int rad = RAD_LEVELS;
    Shot any = null;
    for (int j : near) {
      Shot s = shots[j];
      double dx = dLonKm(lon - s.lon, s.kmLon);
      double dy = (lat - s.lat) * Geo.KM_PER_DEG_LAT;
      double d2 = dx * dx + dy * dy;
      if (d2 > s.reachKm * s.reachKm) {
        continue;
      }
      any = s;
      band = Math.min(band, bandIndex(s, d2));
      burn = Math.max(burn, burnDegree(s, d2));
      rad = Math.min(rad, radLevel(s, Math.sqrt(d2)));
    }
    if (any == null) {
      tmp[0] = 0;
      tmp[1] = 0;
      return;
    }
    combine(band, burn, rad, any, tmp);
  }

  private double falloutPass(Shot[] shots, ShotGrid grid, double maxReach, double[] cDeaths,
      double[] cFall, double[] cInj, boolean[] touched, double[] injuredWhoDie) {
    int m = shots.length;
    double pf = params.shelterProtectionFactor();
    // unsheltered one-week dose below which lethality is negligible (4 σ below LD50)
    double minDose = params.ld50Rem() * Math.exp(-4 * params.lethalitySigmaLn()) * pf;
    // unsheltered dose below which the lethality is under Φ(−7) ≈ 1e-12
    double negligibleDose = params.ld50Rem() * Math.exp(-7 * params.lethalitySigmaLn()) * pf;
    double[] falloutReach = new double[m];
    List<Integer> fallShots = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      if (shots[k].fallout != null) {
        falloutReach[k] = shots[k].fallout.doseReachKm(minDose);
        if (falloutReach[k] > 0) {
          fallShots.add(k);
        }
      }
    }
    if (fallShots.isEmpty()) {
      return 0;
    }
    // cities reached by each plume, collected in index order
    int n = cities.size();
    List<List<Integer>> plumesOf = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      plumesOf.add(null);
    }
    for (int k : fallShots) {
      Shot s = shots[k];
      double rk = falloutReach[k];
      forEachPlaceMeeting(s.lat, s.lon, rk, (ci, dist) -> {
        List<Integer> l = plumesOf.get(ci);
        if (l == null) {
          l = new ArrayList<>();
          plumesOf.set(ci, l);
        }
        l.add(k);
      });
    }
    List<Integer> affected = new ArrayList<>();
    for (int ci = 0; ci < n; ci++) {
      if (plumesOf.get(ci) != null) {
        affected.add(ci);
      }
    }
    double[][] perCity = new double[affected.size()][];
    java.util.stream.IntStream is = java.util.stream.IntStream.range(0, affected.size());
    if (affected.size() >= PARALLEL_MIN) {
      is = is.parallel();
    }
    is.forEach(q -> perCity[q] = falloutCity(affected.get(q),
        plumesOf.get(affected.get(q)).stream().mapToInt(Integer::intValue).toArray(), shots, grid,
        maxReach, pf, negligibleDose));
    double total = 0;
    for (int q = 0; q < perCity.length; q++) {
      int ci = affected.get(q);
      // the lethal shares measured on the city's own grid apply to the prompt pass's survivors,
      // so that prompt deaths, injuries and fallout deaths never add up to more than the people
      double[] share = perCity[q];
      double injured = cInj[ci];
      double unhurt = Math.max(0, cityPop[ci] - cDeaths[ci] - injured);
      double injDie = share[1] * injured;
      double deaths = share[0] * unhurt + injDie;
      if (deaths > 0) {
        cFall[ci] += deaths;
        cInj[ci] = injured - injDie;
        injuredWhoDie[0] += injDie;
        touched[ci] = true;
        total += deaths;
      }
    }
    return total;
  }

  /**
   * The shares of one city's prompt survivors whom fallout kills, over the city's own grid:
   * {@code [0]} of those unhurt by the prompt effects, {@code [1]} of those injured by them (each
   * cell weighted by its unhurt or injured people; the plain mean lethality where the grid finds
   * none of them).
   */
  private double[] falloutCity(int ci, int[] plumes, Shot[] shots, ShotGrid grid,
      double maxReach, double pf, double negligibleDose) {
    double[] tmp = new double[2];
    double clat = cities.latOf(ci);
    double clon = cities.lonOf(ci);
    double kmLon = Geo.kmPerDegLon(clat);
    int[] near = grid.near(clat, clon, cityCutKm[ci] + maxReach, -1, cityCutKm[ci]);
    // a small place is one point: the plume varies little across it
    DiskLayout disk = cityCutKm[ci] < FALLOUT_POINT_CUT_KM ? POINT_DISK : areaDisk(cityCutKm[ci]);
    int nr = disk.rings();
    int ns = disk.sectors();
    double[] ringR = disk.ringR();
    double[] cosT = disk.cos();
    double[] sinT = disk.sin();
    double wU = 0; // unhurt weight, and its lethal part
    double wUL = 0;
    double wJ = 0; // injured weight, and its lethal part
    double wJL = 0;
    double sumL = 0; // plain sum of lethality
    for (int ring = 0; ring < nr; ring++) {
      double rr = ringR[ring] * cityR0Km[ci];
      for (int sec = 0; sec < ns; sec++) {
        double ex = rr * cosT[sec];
        double ny = rr * sinT[sec];
        double lat = clat + ny / Geo.KM_PER_DEG_LAT;
        double lon = clon + ex / kmLon;
        double dose = 0;
        for (int k : plumes) {
          Shot s = shots[k];
          double e = dLonKm(lon - s.lon, s.kmLon);
          double nn = (lat - s.lat) * Geo.KM_PER_DEG_LAT;
          dose += s.fallout.totalDoseRadTabulated(e, nn);
        }
        double leth = dose < negligibleDose ? 0 : lethality(dose / pf);
        promptAt(lat, lon, shots, near, tmp);
        double unhurt = Math.max(0, 1 - tmp[0] - tmp[1]);
        wU += unhurt;
        wUL += unhurt * leth;
        wJ += tmp[1];
        wJL += tmp[1] * leth;
        sumL += leth;
      }
    }
    double mean = sumL / (nr * ns);
    return new double[] {wU > 0 ? wUL / wU : mean, wJ > 0 ? wJL / wJ : mean};
  }

  // ---------------------------------------------------------------------------------------------
  // small utilities

  /** A growable int array. */
  private static final class IntList {
    int[] data = new int[16];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    void clear() {
      size = 0;
    }

    int size() {
      return size;
    }

    void sort() {
      Arrays.sort(data, 0, size);
    }
  }

  /** A 1° grid over burst positions for neighbour queries (results sorted by index). */
  private static final class ShotGrid {
    private final Shot[] shots;
    private final Map<Long, IntList> cells = new HashMap<>();

    ShotGrid(Shot[] shots) {
      this.shots = shots;
      for (int k = 0; k < shots.length; k++) {
        cells.computeIfAbsent(key((int) Math.floor(shots[k].lat), (int) Math.floor(shots[k].lon)),
            x -> new IntList()).add(k);
      }
    }

    private static long key(int r, int c) {
      int cw = Math.floorMod(c + 180, 360);
      return ((long) r << 32) | (cw & 0xffffffffL);
    }

    /**
     * Bursts (other than {@code self}) whose disk of radius reach meets a disk of radius
     * {@code ownRadius} around (lat, lon); searched within {@code searchKm}.
     */
    int[] near(double lat, double lon, double searchKm, int self, double ownRadius) {
      IntList out = new IntList();
      double dLat = searchKm / Geo.KM_PER_DEG_LAT;
      int r0 = (int) Math.floor(lat - dLat);
      int r1 = (int) Math.floor(lat + dLat);
      double maxAbs = Math.min(89.9, Math.max(Math.abs(lat - dLat), Math.abs(lat + dLat)));
      double dLon = Math.min(180, searchKm / Geo.kmPerDegLon(maxAbs));
      int c0 = (int) Math.floor(lon - dLon);
      int c1 = (int) Math.floor(lon + dLon);
      if (c1 - c0 >= 359) {
        c0 = -180;
        c1 = 179;
      }
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          IntList l = cells.get(key(r, c));
          if (l == null) {
            continue;
          }
          for (int i = 0; i < l.size; i++) {
            int k = l.data[i];
            if (k == self) {
              continue;
            }
            double d = Geo.distanceKm(lat, lon, shots[k].lat, shots[k].lon);
            if (d <= ownRadius + shots[k].reachKm) {
              out.add(k);
            }
          }
        }
      }
      out.sort();
      // remove duplicates (a cell can be visited twice when the longitude span wraps)
      int w = 0;
      for (int i = 0; i < out.size; i++) {
        if (w == 0 || out.data[w - 1] != out.data[i]) {
          out.data[w++] = out.data[i];
        }
      }
      return Arrays.copyOf(out.data, w);
    }
  }
}
