package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.effects.AttackCasualties;
import org.detente.effects.Burst;
import org.detente.geo.City;
import org.detente.geo.CityIndex;
import org.detente.effects.Detonation;
import org.detente.effects.EffectRadii;
import org.detente.effects.NuclearCasualtyModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detente bench effects}: times the casualty model on an attack of many detonations against
 * the global city set, the single-detonation estimate the engine calls, and the effect-radii
 * computation.
 */
@Command(
    name = "effects",
    mixinStandardHelpOptions = true,
    description = {
      "Time the nuclear effects model: an attack of N detonations (random GeoNames " +
      "cities, fixed seed, yields 100-800 kt, half air and half surface bursts) " +
      "against the global city set, single-detonation estimates, and effect-radii " +
      "computations. Warm-up runs are discarded."
    })
public final class BenchEffectsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--detonations", defaultValue = "1000", paramLabel = "N",
      description = "Detonations in the attack (default ${DEFAULT-VALUE}).")
  int detonations;

  @Mixin SharedOptions.Seed seedOption = new SharedOptions.Seed(20261125L);

  @Option(names = "--warmup", defaultValue = "5", paramLabel = "N",
      description = "Warm-up repetitions (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--repeats", defaultValue = "10", paramLabel = "N",
      description = "Measured repetitions (default ${DEFAULT-VALUE}).")
  int repeats;

  @Mixin SharedOptions.Json jsonOption;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  private static final double[] YIELDS_KT = {100, 300, 455, 800};

  @Override
  public Integer call() throws Exception {
    if (detonations < 1 || detonations > 100_000) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "--detonations", 1, 100000, detonations);
    }
    if (warmup < 0 || repeats < 1) {
      throw new InvalidInputException(Message.OPTION_PROBLEM, "--warmup, --repeats",
          "--warmup must be at least 0 and --repeats at least 1");
    }
    // steps: loading, each attack, the single estimates, the radii
    try (Progress progress = Progress.start(spec, progressFlags, "bench effects",
        3L + warmup + repeats, " steps")) {
      bench(progress.lines(spec.commandLine().getOut()), progress);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  private void bench(PrintWriter out, Progress progress) throws Exception {
    long seed = seedOption.value();
    boolean json = jsonOption.value();
    progress.message("loading");
    long t0 = System.nanoTime();
    CityIndex cities = CityIndex.world();
    NuclearCasualtyModel model = NuclearCasualtyModel.loadDefault();
    double loadMs = (System.nanoTime() - t0) / 1e6;
    progress.step(1);

    SplittableRandom rnd = new SplittableRandom(seed);
    List<Detonation> attack = new ArrayList<>(detonations);
    for (int i = 0; i < detonations; i++) {
      City c = cities.get(rnd.nextInt(cities.size()));
      double y = YIELDS_KT[rnd.nextInt(YIELDS_KT.length)];
      Burst b = rnd.nextBoolean() ? Burst.optimumAir(y) : Burst.surface(y);
      attack.add(new Detonation(c.lat() + rnd.nextDouble(-0.02, 0.02),
          c.lon() + rnd.nextDouble(-0.02, 0.02), b, 0.5));
    }

    AttackCasualties last = null;
    progress.message("attacks");
    for (int i = 0; i < warmup; i++) {
      last = model.attack(attack);
      progress.step(1);
    }
    double[] ms = new double[repeats];
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() : -1;
    for (int i = 0; i < repeats; i++) {
      long s = System.nanoTime();
      last = model.attack(attack);
      ms[i] = (System.nanoTime() - s) / 1e6;
      progress.step(1);
    }
    long cpu1 = os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() : -1;
    double cpuMsPerAttack = cpu0 >= 0 ? (cpu1 - cpu0) / 1e6 / repeats : Double.NaN;
    Arrays.sort(ms);
    double median = ms[repeats / 2];

    // single-detonation estimates (what the crisis engine calls per nuclear use); a fresh model
    // so that its memo cache starts empty and every call computes
    progress.message("single estimates");
    NuclearCasualtyModel fresh = model.withParameters(model.parameters());
    int nEst = 2000;
    double[][] pts = new double[nEst][];
    for (int i = 0; i < nEst; i++) {
      City c = cities.get(rnd.nextInt(cities.size()));
      pts[i] = new double[] {c.lat(), c.lon(), YIELDS_KT[rnd.nextInt(YIELDS_KT.length)],
        rnd.nextBoolean() ? 1 : 0};
    }
    double sink = 0;
    for (int w = 0; w < Math.max(1, warmup); w++) {
      for (int i = 0; i < nEst / 4; i++) {
        sink += model.estimate(pts[i][0] + 0.5, pts[i][1], pts[i][2], pts[i][3] > 0).deaths();
      }
    }
    long s1 = System.nanoTime();
    for (int i = 0; i < nEst; i++) {
      sink += fresh.estimate(pts[i][0], pts[i][1], pts[i][2], pts[i][3] > 0).deaths();
    }
    double estPerSec = nEst / ((System.nanoTime() - s1) / 1e9);
    progress.step(1);
    progress.message("effect radii");

    // effect radii: standard bursts (cached scaled blast ranges) and arbitrary heights (inverted)
    int nStd = 20_000;
    int nAny = 500;
    double[] ys = new double[nStd];
    double[] hs = new double[nAny];
    for (int i = 0; i < nStd; i++) {
      ys[i] = Math.exp(rnd.nextDouble(Math.log(0.01), Math.log(50_000)));
    }
    for (int i = 0; i < nAny; i++) {
      hs[i] = rnd.nextDouble(0, 1.2) * 304.8 * Math.cbrt(ys[i]);
    }
    for (int w = 0; w < Math.max(1, warmup); w++) {
      for (int i = 0; i < 2000; i++) {
        sink += EffectRadii.of(i % 2 == 0 ? Burst.surface(ys[i]) : Burst.optimumAir(ys[i]))
            .overpressureRangesKm()[3];
      }
      for (int i = 0; i < 50; i++) {
        sink += EffectRadii.of(Burst.atHeight(ys[i], hs[i])).overpressureRangesKm()[3];
      }
    }
    long s2 = System.nanoTime();
    for (int i = 0; i < nStd; i++) {
      sink += EffectRadii.of(i % 2 == 0 ? Burst.surface(ys[i]) : Burst.optimumAir(ys[i]))
          .overpressureRangesKm()[3];
    }
    double stdPerSec = nStd / ((System.nanoTime() - s2) / 1e9);
    long s3 = System.nanoTime();
    for (int i = 0; i < nAny; i++) {
      sink += EffectRadii.of(Burst.atHeight(ys[i], hs[i])).overpressureRangesKm()[3];
    }
    double anyPerSec = nAny / ((System.nanoTime() - s3) / 1e9);
    progress.step(1);

    if (json) {
      ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode o = om.createObjectNode();
      o.put("detonations", detonations);
      o.put("seed", seed);
      o.put("warmup", warmup);
      o.put("repeats", repeats);
      o.put("places", model.cities().size());
      o.put("loadMs", round(loadMs));
      o.put("attackMsMin", round(ms[0]));
      o.put("attackMsMedian", round(median));
      o.put("attackMsMax", round(ms[repeats - 1]));
      o.put("perDetonationUs", round(median * 1000 / detonations));
      o.put("attackCpuMsPerRepetition", round(cpuMsPerAttack));
      o.put("estimatesPerSecond", Math.round(estPerSec));
      o.put("radiiPerSecondStandardBursts", Math.round(stdPerSec));
      o.put("radiiPerSecondArbitraryHeight", Math.round(anyPerSec));
      o.put("attackDeaths", Math.round(last.deaths()));
      o.put("attackInjuries", Math.round(last.injuries()));
      o.put("attackFalloutDeaths", Math.round(last.falloutDeaths()));
      o.put("availableProcessors", Runtime.getRuntime().availableProcessors());
      o.put("populationSource", last.populationSource());
      o.put("checksum", sink);
      out.println(om.writeValueAsString(o));
    } else {
      out.printf(Locale.ROOT, "Effects benchmark (seed %d, %d warm-up + %d measured repetitions, %d"
          + " processors available)%n", seed, warmup, repeats, Runtime.getRuntime().availableProcessors());
      out.printf(Locale.ROOT, "  load %,d places + model:         %10.1f ms (once per process)%n",
          model.cities().size(), loadMs);
      out.printf(Locale.ROOT, "  attack of %d detonations:        %10.1f ms median (min %.1f, max"
          + " %.1f)%n", detonations, median, ms[0], ms[repeats - 1]);
      out.printf(Locale.ROOT, "  per detonation:                    %10.1f us%n", median * 1000 / detonations);
      out.printf(Locale.ROOT, "  process CPU time per attack:       %10.1f ms (all threads)%n", cpuMsPerAttack);
      out.printf(Locale.ROOT, "  single-detonation estimates:       %10.0f per s%n", estPerSec);
      out.printf(Locale.ROOT, "  effect radii, surface/optimum air: %10.0f per s%n", stdPerSec);
      out.printf(Locale.ROOT, "  effect radii, arbitrary height:    %10.0f per s%n", anyPerSec);
      out.printf(Locale.ROOT, "  attack result: %,.0f deaths, %,.0f injuries, %,.0f fallout deaths%n",
          last.deaths(), last.injuries(), last.falloutDeaths());
      out.println("  population data: " + last.populationSource());
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
