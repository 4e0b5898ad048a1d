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
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.detente.cli.EnsembleParts;
import org.detente.cli.SensitivityCommand;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;

/**
 * {@code detente sensitivity … --master URL}: the sensitivity analysis with its design points
 * handed to Apache Spark. The design (Morris trajectories, Sobol's matrices) is drawn on the
 * driver from the seed, as the command draws it; each point's ensemble is one Spark task, run as
 * the command runs it ({@link SensitivityCommand#pointValue}: the same runs from the same seed at
 * every point); the indices are computed on the driver from the points' outputs in order. So the
 * output is that of {@code detente sensitivity} on one machine, to the last digit.
 */
@Command(name = "sensitivity")
public final class SensitivityOnSpark extends SensitivityCommand {

  /** What every task shares: the scenario's text, the fixed parameters, the output. */
  record Spec(String scenarioName, String scenarioText, List<String> fixed, List<String> names,
      String output, long seed, int runs) implements Serializable {}

  /** One design point. */
  record Point(int index, double[] x) implements Serializable {}

  @Override
  protected boolean onSpark() {
    return true;
  }

  @Override
  protected double[] evaluate(Scenario s, List<String> names, List<double[]> points,
      String output, long seed, int runs, LongConsumer done) {
    String text;
    try {
      text = Files.readString(file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Point> tasks = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      tasks.add(new Point(i, points.get(i)));
    }
    double[] values = new double[points.size()];
    if (tasks.isEmpty()) {
      return values;
    }
    SparkSession spark = Spark.session(Spark.master(master()));
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Broadcast<Spec> spec = jsc.broadcast(new Spec(String.valueOf(file().getFileName()), text,
          fixedParameters(), List.copyOf(names), output, seed, runs));
      AtomicLong runsDone = new AtomicLong();
      spark.sparkContext().addSparkListener(new SparkListener() {
        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
          if (end.taskInfo().successful() && done != null) {
            done.accept(runsDone.addAndGet(runs));
          }
        }
      });
      for (double[] r : jsc.parallelize(tasks, tasks.size())
          .map(p -> new double[] {p.index(), value(spec.value(), p)}).collect()) {
        values[(int) r[0]] = r[1];
      }
      return values;
    } finally {
      spark.stop();
    }
  }

  /** One point's output, on an executor. */
  static double value(Spec spec, Point p) throws IOException {
    Path dir = Files.createTempDirectory("detente-sensitivity-");
    Path file = dir.resolve(spec.scenarioName());
    try {
      Files.writeString(file, spec.scenarioText(), StandardCharsets.UTF_8);
      Scenario s = new EnsembleParts(file, List.of(), spec.fixed(), null, List.of(), spec.seed())
          .load();
      return SensitivityCommand.pointValue(s, spec.names(), p.x(), spec.output(), spec.seed(),
          spec.runs(), 1, null);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** Runs the command and exits with its code (1 invalid input, 2 usage error). */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command and returns its exit code. */
  public static int execute(String... args) {
    return Spark.execute(new SensitivityOnSpark(), "sensitivity", args);
  }
}
