package org.detente.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.engine.ModelParameters;
import org.detente.engine.Rng;
import org.detente.geo.Geo;
import org.detente.scenario.Parameter;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioException;
import org.detente.scenario.ScenarioLoader;

/**
 * Prepares the ICB crises for the back-test (generate, write, load and compile each scenario;
 * list what cannot be expressed and what data were missing) and runs one ensemble per crisis.
 * Crisis c's runs are seeded from (seed, c) alone, so a crisis's forecast does not depend on
 * which other crises are run, nor on the number of threads.
 */
public final class Backtest {

  /** A crisis left out, with the reason. */
  public record Skipped(int crisis, String name, String reason) {}

  /** A data gap met while building a crisis (filled or left out), named. */
  public record Gap(int crisis, String what) {}

  /**
   * The crises ready to run, those left out, the data gaps, and the catalogue parameters set for
   * every crisis over the defaults (empty for none: {@link #withParameters}).
   */
  public record Prepared(List<CrisisCase> cases, List<Skipped> skipped, List<Gap> gaps,
      int total, List<Parameter> parameters) {

    /** The crises ready to run, with no parameter set over the catalogue's defaults. */
    public Prepared(List<CrisisCase> cases, List<Skipped> skipped, List<Gap> gaps, int total) {
      this(cases, skipped, gaps, total, List.of());
    }

    /**
     * The same crises with these catalogue parameters set in every generated scenario (as
     * {@code --param} does for one scenario); their runs, and so their scores, follow them.
     */
    public Prepared withParameters(List<Parameter> overrides) {
      if (overrides.isEmpty()) {
        return this;
      }
      List<CrisisCase> out = new ArrayList<>(cases.size());
      for (CrisisCase c : cases) {
        out.add(new CrisisCase(c.generated(), c.scenario().withParameterOverrides(overrides),
            c.side(), c.covariates(), c.observed(), c.scored()));
      }
      return new Prepared(List.copyOf(out), skipped, gaps, total, List.copyOf(overrides));
    }
  }

  private Backtest() {}

  /**
   * Prepares the crises.
   *
   * @param data     the ICB extract
   * @param only     crisis numbers to keep (empty = all)
   * @param compiler compiles a scenario with parameters (the command line's shipped models)
   * @param emit     folder to write the scenarios into (null = a temporary folder, deleted)
   */
  public static Prepared prepare(IcbData data, Set<Integer> only,
      BiFunction<Scenario, ModelParameters, CompiledModel> compiler, Path emit) {
    ScenarioGenerator gen = new ScenarioGenerator(data);
    List<CrisisCase> cases = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    int total = 0;
    Path dir = emit;
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("detente-backtest-");
      }
      for (IcbData.Crisis c : data.crises()) {
        if (!only.isEmpty() && !only.contains(c.id())) {
          continue;
        }
        total++;
        GeneratedCrisis g = gen.generate(c);
        for (String m : g.missing()) {
          gaps.add(new Gap(c.id(), m));
        }
        if (!g.expressible()) {
          skipped.add(new Skipped(c.id(), c.name(), g.reason()));
          continue;
        }
        Path file = dir.resolve(g.scenarioId() + ".yaml");
        Files.writeString(file, g.yaml(), StandardCharsets.UTF_8);
        Scenario sc;
        try {
          sc = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
          skipped.add(new Skipped(c.id(), c.name(), "the generated scenario does not validate: "
              + e.getMessage().lines().findFirst().orElse("")));
          continue;
        }
        CompiledModel model = compiler.apply(sc, ModelParameters.from(sc));
        int[] side = new int[model.actorCount()];
        for (int a = 0; a < side.length; a++) {
          side[a] = g.side().getOrDefault(model.actorId(a), 0);
        }
        int pa = model.principalA();
        int pb = model.principalB();
        if (side[pa] == 0 || side[pb] == 0 || side[pa] == side[pb]) {
          skipped.add(new Skipped(c.id(), c.name(), "the engine's principal pair "
              + model.actorId(pa) + "-" + model.actorId(pb) + " (most hostile pair,"
              + " nuclear-armed pairs first) is not a pair of adversaries of the crisis"));
          continue;
        }
        cases.add(caseOf(data, g, sc, model, side));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (emit == null && dir != null) {
        deleteTree(dir);
      }
    }
    return new Prepared(List.copyOf(cases), List.copyOf(skipped), List.copyOf(gaps), total);
  }

  /**
   * Whether a crisis actor's crisis was triggered by a violent act, direct or indirect (ICB
   * {@code triggr} 8 or 9): information of the trigger, which the generated scenario also
   * carries (as a scripted attack or incident).
   */
  static boolean violentTrigger(IcbData.Crisis c) {
    for (IcbData.CrisisActor a : c.actors()) {
      if (a.triggerType() >= 8 && a.triggerType() <= 9) {
        return true;
      }
    }
    return false;
  }

  private static CrisisCase caseOf(IcbData data, GeneratedCrisis g, Scenario sc,
      CompiledModel model, int[] side) {
    String ida = model.actorId(model.principalA());
    String idb = model.actorId(model.principalB());
    double[] fa = g.facts().get(ida);
    double[] fb = g.facts().get(idb);
    int year = g.crisis().year();
    double ratio = Math.log(Math.max(fa[1], 1e-6) / Math.max(fb[1], 1e-6));
    IcbData.Coding coding = data.coding(g.crisis().id());
    double[] cov = {
      Math.abs(ratio),
      fa[2] > 0 && fb[2] > 0 ? 1 : 0,
      Geo.distanceKm(fa[3], fa[4], fb[3], fb[4]) <= ScenarioGenerator.ADJACENT_KM ? 1 : 0,
      data.rivals((int) fa[0], (int) fb[0], year) ? 1 : 0,
      coding.greatPowerInvolvement() > 1 ? 1 : 0,
      violentTrigger(g.crisis()) ? 1 : 0
    };
    int[] observed = {
      Variable.violenceCategory(coding.violence()),
      Variable.outcomeFormCategory(coding.outcomeForm()),
      Variable.durationCategory(coding.durationDays())
    };
    // side of each principal; the power ratio from side 1's view
    int sideA = side[model.principalA()];
    double powerSide1 = sideA == 1 ? ratio : -ratio;
    List<CrisisCase.ScoredActor> scored = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : coding.actorOutcome().entrySet()) {
      String id = g.actorIds().get(e.getKey());
      int cat = Variable.actorOutcomeCategory(e.getValue());
      if (id == null || cat < 0) {
        continue;
      }
      int s = g.side().getOrDefault(id, 0);
      if (s == 0) {
        continue;
      }
      scored.add(new CrisisCase.ScoredActor(id, s, cat, s == 1 ? powerSide1 : -powerSide1));
    }
    return new CrisisCase(g, sc, side, cov, observed, List.copyOf(scored));
  }

  /**
   * Runs one ensemble per crisis. With more than one thread the crises, not the runs of one
   * crisis, are shared among the threads: each thread takes the next crisis and runs its whole
   * ensemble on its own (a crisis's ensemble of a few hundred short runs is too small to split
   * well), so every forecast is the same for any thread count.
   *
   * @param cases    the crises
   * @param compiler compiles a scenario with parameters
   * @param params   the parameters (null = each scenario's own, i.e. the catalogue's defaults)
   * @param runs     runs per crisis
   * @param seed     master seed
   * @param threads  worker threads
   * @param progress runs done so far over all crises (may be null)
   * @return the forecasts, in the order of the cases
   */
  public static List<CrisisForecast> run(List<CrisisCase> cases,
      BiFunction<Scenario, ModelParameters, CompiledModel> compiler, ModelParameters params,
      int runs, long seed, int threads, LongConsumer progress) {
    int n = cases.size();
    CrisisForecast[] out = new CrisisForecast[n];
    AtomicInteger next = new AtomicInteger();
    AtomicLong done = new AtomicLong();
    Object tick = new Object();
    Runnable work = () -> {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        CrisisCase c = cases.get(i);
        CompiledModel model = compiler.apply(c.scenario(),
            params == null ? ModelParameters.from(c.scenario()) : params);
        CrisisForecast f = new CrisisForecast(new RunMapping(model, c.side()));
        Ensemble.run(model, crisisSeed(seed, c.id()), runs, 1, f, null);
        out[i] = f;
        if (progress != null) {
          synchronized (tick) {
            progress.accept(done.addAndGet(runs));
          }
        }
      }
    };
    int nThreads = Math.max(1, Math.min(threads, n));
    if (nThreads == 1) {
      work.run();
    } else {
      Thread[] ws = new Thread[nThreads - 1];
      Throwable[] failure = new Throwable[1];
      for (int w = 0; w < ws.length; w++) {
        ws[w] = new Thread(() -> {
          try {
            work.run();
          } catch (Throwable t) {
            synchronized (failure) {
              failure[0] = t;
            }
            next.set(n);
          }
        }, "detente-backtest-" + w);
        ws[w].setDaemon(true);
        ws[w].start();
      }
      try {
        work.run();
      } finally {
        for (Thread t : ws) {
          try {
            t.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      synchronized (failure) {
        if (failure[0] != null) {
          throw new IllegalStateException("a back-test worker failed: " + failure[0], failure[0]);
        }
      }
    }
    return List.of(out);
  }

  /** The master seed of crisis {@code id}'s ensemble. */
  public static long crisisSeed(long seed, int id) {
    return Rng.runSeed(seed, 1_000_000L + id);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a temporary file left behind is harmless
        }
      });
    } catch (IOException e) {
      // same
    }
  }
}
