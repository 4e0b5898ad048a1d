package org.detente.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.detente.backtest.Backtest;
import org.detente.backtest.CrisisCase;
import org.detente.backtest.CrisisForecast;
import org.detente.backtest.RunMapping;
import org.detente.cli.BacktestCommand;
import org.detente.cli.Models;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.engine.ModelParameters;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import picocli.CommandLine.Command;

/**
 * {@code detente backtest … --master URL}: the back-test with its crises handed to Apache Spark.
 * Everything but the ensembles is {@code detente backtest}'s own (the crises prepared on the
 * driver, the scores, tables, files and store): each crisis's ensemble is one Spark task, which
 * loads the crisis's generated scenario, compiles it and runs its runs, seeded from (seed,
 * crisis) alone, and returns its counts; so the scores are those of {@code detente backtest} on
 * one machine, whatever the cluster and whichever tasks failed and ran again.
 */
@Command(name = "backtest")
public final class BacktestOnSpark extends BacktestCommand {

  /** What an executor needs to forecast one crisis. */
  record CrisisTask(int index, int crisis, String scenarioName, String yaml, int[] side,
      int runs, long seed) implements Serializable {}

  /** A crisis's counts, by its index among the cases. */
  record CrisisCounts(int index, long[][] counts) implements Serializable {}

  @Override
  protected boolean onSpark() {
    return true;
  }

  @Override
  protected List<CrisisForecast> forecasts(List<CrisisCase> cases, int runs, long seed,
      int threads, LongConsumer progress) {
    List<CrisisTask> tasks = new ArrayList<>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      CrisisCase c = cases.get(i);
      tasks.add(new CrisisTask(i, c.id(), c.generated().scenarioId() + ".yaml",
          c.generated().yaml(), c.side(), runs, seed));
    }
    if (tasks.isEmpty()) {
      return List.of();
    }
    SparkSession spark = Spark.session(Spark.master(master()));
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      AtomicLong done = new AtomicLong();
      // each successful task is one crisis's whole ensemble
      spark.sparkContext().addSparkListener(new SparkListener() {
        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
          if (end.taskInfo().successful() && progress != null) {
            progress.accept(done.addAndGet(runs));
          }
        }
      });
      List<CrisisCounts> got = new ArrayList<>(jsc.parallelize(tasks, tasks.size())
          .map(BacktestOnSpark::forecast).collect());
      CrisisForecast[] out = new CrisisForecast[cases.size()];
      for (CrisisCounts c : got) {
        out[c.index()] = CrisisForecast.ofCounts(c.counts());
      }
      for (int i = 0; i < out.length; i++) {
        if (out[i] == null) {
          throw new IllegalStateException("crisis " + cases.get(i).id() + ": no forecast");
        }
      }
      return List.of(out);
    } finally {
      spark.stop();
    }
  }

  /** One crisis's ensemble, on an executor. */
  static CrisisCounts forecast(CrisisTask t) throws IOException {
    Path dir = Files.createTempDirectory("detente-backtest-");
    Path file = dir.resolve(t.scenarioName());
    try {
      Files.writeString(file, t.yaml(), StandardCharsets.UTF_8);
      Scenario sc = ScenarioLoader.load(file);
      CompiledModel model = Models.compile(sc, ModelParameters.from(sc));
      CrisisForecast f = new CrisisForecast(new RunMapping(model, t.side()));
      Ensemble.run(model, Backtest.crisisSeed(t.seed(), t.crisis()), t.runs(), 1, f, null);
      return new CrisisCounts(t.index(), f.counts());
    } finally {
      try {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Runs the command and exits with its code (1 invalid input, 2 usage error). */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command and returns its exit code. */
  public static int execute(String... args) {
    return Spark.execute(new BacktestOnSpark(), "backtest", args);
  }
}
