package org.detente.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.detente.analysis.EnsembleSummary;
import org.detente.analysis.Indicators;
import org.detente.store.RunColumns;
import org.detente.store.SweepImport;
import org.detente.cli.EnsembleParts;
import org.detente.cli.OutputFolder;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.scenario.Scenario;
import scala.Tuple2;

/**
 * A sweep on Spark: an ensemble of {@code runsPerPoint} runs at every point of a design. The
 * work is split by (design point, range of run indices); each task loads and compiles its
 * scenario once and runs its runs exactly as {@code detente run --param … --first-run K} would
 * (run i seeded from the master seed and i alone), keeping one row per run and the summary's
 * counts. The counts of a point's tasks merge ({@link EnsembleSummary#merge}) into exactly the
 * summary of one ensemble, so each point's summary.json is byte for byte that of
 * {@code detente run FILE --param … -n N --seed S -t 1 --no-timing}, whatever the master, the
 * number of workers or the tasks that failed and ran again.
 */
public final class Sweep {

  /** Everything a task needs, sent once to every executor. */
  record Spec(String scenarioText, String scenarioName, List<String> policies, Integer horizon,
      List<String> motives, long seed, Design design, int runsPerPoint)
      implements Serializable {}

  /** Runs firstRun .. firstRun + runs - 1 of a point. */
  record Task(int point, int firstRun, int runs) implements Serializable {}

  /** A task's output: its rows and its summary's counts. */
  record TaskResult(Task task, String state, ArrayList<Object[]> rows) implements Serializable {}

  /** A point's merged summary. */
  record PointResult(int point, long runs, String summaryJson, double[] outputs)
      implements Serializable {}

  /** What a sweep wrote. */
  public record Result(int points, long runs, int tasks, double seconds) {}

  private Sweep() {}

  /**
   * Runs the sweep and writes its outputs into {@code out}, an output folder as every
   * {@code --out} of detente's (new, empty, or a previous output folder; written whole or not
   * at all, with its {@code .detente-output} marker):
   * {@code runs/} and {@code points/} (Parquet), {@code summaries/point-NNNNNN.json},
   * {@code design.csv} and {@code sweep.json}.
   */
  public static Result run(SparkSession spark, Path scenario, List<String> policies,
      Integer horizon, List<String> motives, long seed, Design design, int runsPerPoint,
      int chunk, String output, Path out, Map<String, String> options) throws IOException {
    return run(spark, scenario, policies, horizon, motives, seed, design, runsPerPoint, chunk,
        output, out, options, List.of());
  }

  /**
   * As {@link #run(SparkSession, Path, List, Integer, List, long, Design, int, int, String, Path,
   * Map)}, recording in sweep.json the command's {@code arguments} as given (the inputs a
   * results store keeps).
   */
  public static Result run(SparkSession spark, Path scenario, List<String> policies,
      Integer horizon, List<String> motives, long seed, Design design, int runsPerPoint,
      int chunk, String output, Path out, Map<String, String> options, List<String> arguments)
      throws IOException {
    long t0 = System.nanoTime();
    String text = Files.readString(scenario, StandardCharsets.UTF_8);
    // check the inputs where the user is, with the messages of detente run
    EnsembleParts base = new EnsembleParts(scenario, policies, design.params(0), horizon,
        motives, seed);
    Scenario sc0 = base.load();
    Indicators ind = new Indicators(sc0.questions().stream().map(q -> q.id()).toList());
    int outIndex = ind.indexOf(output);
    if (outIndex < 0) {
      throw new org.detente.UsageException(org.detente.Message.UNKNOWN_NAME, "output", output,
          String.join(", ", ind.names()));
    }
    RunColumns columns = RunColumns.of(base.compile(sc0));

    List<Task> tasks = new ArrayList<>();
    for (int p = 0; p < design.size(); p++) {
      for (int k = 0; k < runsPerPoint; k += chunk) {
        tasks.add(new Task(p, k, Math.min(chunk, runsPerPoint - k)));
      }
    }
    try (OutputFolder folder = OutputFolder.prepare("--out", out)) {
      Path staging = folder.staging();
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Broadcast<Spec> spec = jsc.broadcast(new Spec(text,
          String.valueOf(scenario.getFileName()), policies, horizon, motives, seed, design,
          runsPerPoint));
      JavaRDD<TaskResult> results = jsc.parallelize(tasks, tasks.size())
          .map(t -> Worker.run(spec.value(), t))
          .persist(StorageLevel.MEMORY_AND_DISK());

      List<PointResult> points = new ArrayList<>(results
          .mapToPair(r -> new Tuple2<>(r.task().point(), new Tuple2<>(r.task(), r.state())))
          .groupByKey(Math.max(1, Math.min(design.size(), jsc.defaultParallelism())))
          .map(g -> Worker.finish(spec.value(), g._1(), g._2()))
          .collect());
      points.sort(Comparator.comparingInt(PointResult::point));

      StructType schema = runSchema(design, columns);
      Dataset<Row> runs = spark.createDataFrame(
          results.flatMap(r -> Worker.rows(spec.value(), r).iterator()), schema);
      runs.write().parquet(staging.resolve("runs").toString());
      results.unpersist();

      writePoints(spark, design, ind, points, staging.resolve("points"));
      Files.createDirectories(staging.resolve("summaries"));
      for (PointResult r : points) {
        Files.writeString(staging.resolve("summaries").resolve(summaryName(r.point())),
            r.summaryJson(), StandardCharsets.UTF_8);
      }
      writeDesignCsv(design, staging.resolve("design.csv"));
      // the scenario as read, for provenance and for a results store's replay
      Files.writeString(staging.resolve("scenario.yaml"), text, StandardCharsets.UTF_8);
      double seconds = (System.nanoTime() - t0) / 1e9;
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      root.put("scenario", sc0.meta().id());
      root.put("scenarioFile", String.valueOf(scenario.getFileName()));
      root.put("scenarioSha256", SweepImport.sha256(text));
      ArrayNode pol = root.putArray("policies");
      policies.forEach(pol::add);
      root.put("design", design.kind().name().toLowerCase(java.util.Locale.ROOT));
      ArrayNode swept = root.putArray("parameters");
      design.names().forEach(swept::add);
      ArrayNode fixed = root.putArray("fixed");
      design.fixed().forEach(fixed::add);
      if (horizon != null) {
        root.put("horizon", horizon);
      } else {
        root.putNull("horizon");
      }
      ArrayNode args = root.putArray("arguments");
      arguments.forEach(args::add);
      root.put("points", design.size());
      root.put("runsPerPoint", runsPerPoint);
      root.put("seed", seed);
      root.put("tasks", tasks.size());
      options.forEach(root::put);
      root.put("output", output);
      double[] outs = new double[points.size()];
      ArrayNode pts = root.putArray("results");
      for (PointResult r : points) {
        ObjectNode o = pts.addObject();
        o.put("point", r.point());
        ObjectNode pv = o.putObject("parameters");
        for (int i = 0; i < design.names().size(); i++) {
          pv.put(design.names().get(i), design.value(r.point(), i));
        }
        o.put("runs", r.runs());
        ObjectNode p = o.putObject("p");
        for (int i = 0; i < ind.size(); i++) {
          p.put(ind.names().get(i), r.outputs()[i]);
        }
        outs[r.point()] = r.outputs()[outIndex];
      }
      ArrayNode indices = design.indices(mapper, outs);
      if (indices != null) {
        root.set("indices", indices);
      }
      root.put("version", org.detente.cli.VersionProvider.version());
      Files.writeString(staging.resolve("sweep.json"), mapper.writeValueAsString(root) + "\n",
          StandardCharsets.UTF_8);
      folder.publish();
      return new Result(design.size(), (long) design.size() * runsPerPoint, tasks.size(),
          seconds);
    }
  }

  /** File name of a point's summary. */
  public static String summaryName(int point) {
    return String.format(java.util.Locale.ROOT, "point-%06d.json", point);
  }

  private static StructType runSchema(Design design, RunColumns columns) {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("point", DataTypes.IntegerType, false));
    for (String n : design.names()) {
      f.add(DataTypes.createStructField(RunColumns.columnName(n), DataTypes.DoubleType, false));
    }
    for (int c = 0; c < columns.size(); c++) {
      DataType t = switch (columns.types().get(c)) {
        case INTEGER -> DataTypes.IntegerType;
        case BIGINT -> DataTypes.LongType;
        case VARCHAR -> DataTypes.StringType;
        case BOOLEAN -> DataTypes.BooleanType;
      };
      // empty where runs.csv is: a rung never reached, deaths not computable
      f.add(DataTypes.createStructField(columns.names().get(c), t, true));
    }
    return DataTypes.createStructType(f);
  }

  private static void writePoints(SparkSession spark, Design design, Indicators ind,
      List<PointResult> points, Path dir) {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("point", DataTypes.IntegerType, false));
    for (String n : design.names()) {
      f.add(DataTypes.createStructField(RunColumns.columnName(n), DataTypes.DoubleType, false));
    }
    f.add(DataTypes.createStructField("runs", DataTypes.LongType, false));
    for (String n : ind.names()) {
      f.add(DataTypes.createStructField("p_" + RunColumns.columnName(n), DataTypes.DoubleType,
          false));
    }
    List<Row> rows = new ArrayList<>();
    for (PointResult r : points) {
      Object[] v = new Object[f.size()];
      int c = 0;
      v[c++] = r.point();
      for (int i = 0; i < design.names().size(); i++) {
        v[c++] = design.value(r.point(), i);
      }
      v[c++] = r.runs();
      for (double o : r.outputs()) {
        v[c++] = o;
      }
      rows.add(RowFactory.create(v));
    }
    spark.createDataFrame(rows, DataTypes.createStructType(f)).coalesce(1).write()
        .parquet(dir.toString());
  }

  private static void writeDesignCsv(Design design, Path file) throws IOException {
    StringBuilder b = new StringBuilder("point");
    for (String n : design.names()) {
      b.append(',').append(n);
    }
    b.append('\n');
    for (int p = 0; p < design.size(); p++) {
      b.append(p);
      for (int i = 0; i < design.names().size(); i++) {
        b.append(',').append(design.value(p, i));
      }
      b.append('\n');
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  /** System property that injects task failures (tests only): {@value #FAIL_FIRST_ATTEMPT}. */
  static final String FAIL_FIRST_ATTEMPT_PROPERTY = "detente.sweep.inject";

  /** Its value: the first attempt of each point's first task fails. */
  static final String FAIL_FIRST_ATTEMPT = "fail-first-attempt";

  /** What runs on the executors. */
  static final class Worker {
    /** The scenario text written once per executor JVM, by its SHA-256. */
    private static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    private Worker() {}

    private static EnsembleParts parts(Spec spec, int point) {
      Path file = FILES.computeIfAbsent(SweepImport.sha256(spec.scenarioText()), sha -> {
        try {
          Path dir = Files.createTempDirectory("detente-sweep-");
          Path f = dir.resolve(spec.scenarioName());
          Files.writeString(f, spec.scenarioText(), StandardCharsets.UTF_8);
          f.toFile().deleteOnExit();
          dir.toFile().deleteOnExit();
          return f;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return new EnsembleParts(file, spec.policies(), spec.design().params(point),
          spec.horizon(), spec.motives(), spec.seed());
    }

    static TaskResult run(Spec spec, Task t) throws IOException {
      // fault injection for the tests of retried tasks: the first attempt of the first task
      // of each point fails, as on an executor that dies
      org.apache.spark.TaskContext ctx = org.apache.spark.TaskContext.get();
      if (FAIL_FIRST_ATTEMPT.equals(System.getProperty(FAIL_FIRST_ATTEMPT_PROPERTY))
          && ctx != null && ctx.attemptNumber() == 0 && t.firstRun() == 0) {
        throw new IllegalStateException("injected failure of task " + t);
      }
      EnsembleParts parts = parts(spec, t.point());
      Scenario sc = parts.load();
      CompiledModel model = parts.compile(sc);
      EnsembleSummary summary = new EnsembleSummary(model);
      RunColumns columns = RunColumns.of(model);
      ArrayList<Object[]> rows = new ArrayList<>(t.runs());
      Ensemble.run(model, spec.seed(), t.firstRun(), t.runs(), 1, run -> {
        summary.accept(run);
        Object[] v = new Object[columns.size()];
        columns.fill(v, run, spec.seed());
        rows.add(v);
      }, null);
      String state = new ObjectMapper().writeValueAsString(summary.state(new ObjectMapper()));
      return new TaskResult(t, state, rows);
    }

    static PointResult finish(Spec spec, int point, Iterable<Tuple2<Task, String>> parts)
        throws IOException {
      List<Tuple2<Task, String>> l = new ArrayList<>();
      parts.forEach(l::add);
      l.sort(Comparator.comparingInt(x -> x._1().firstRun()));
      EnsembleParts ep = parts(spec, point);
      Scenario sc = ep.load();
      CompiledModel model = ep.compile(sc);
      ObjectMapper mapper = new ObjectMapper();
      EnsembleSummary summary = new EnsembleSummary(model);
      int next = 0;
      for (Tuple2<Task, String> x : l) {
        if (x._1().firstRun() != next) {
          throw new IllegalStateException("point " + point + ": runs from " + next
              + " missing or repeated");
        }
        summary.merge(EnsembleSummary.fromState(model, mapper.readTree(x._2())));
        next += x._1().runs();
      }
      if (next != spec.runsPerPoint()) {
        throw new IllegalStateException("point " + point + ": " + next + " runs of "
            + spec.runsPerPoint());
      }
      Indicators ind = new Indicators(sc.questions().stream().map(q -> q.id()).toList());
      double[] outputs = new double[ind.size()];
      for (int i = 0; i < outputs.length; i++) {
        outputs[i] = (double) ind.count(summary, i) / summary.runs();
      }
      return new PointResult(point, summary.runs(),
          ep.summaryJson(sc, model, 0, spec.runsPerPoint(), 1, summary), outputs);
    }

    static List<Row> rows(Spec spec, TaskResult r) {
      Design d = spec.design();
      int lead = 1 + d.names().size();
      List<Row> rows = new ArrayList<>(r.rows().size());
      for (Object[] v : r.rows()) {
        Object[] all = new Object[lead + v.length];
        all[0] = r.task().point();
        for (int i = 0; i < d.names().size(); i++) {
          all[1 + i] = d.value(r.task().point(), i);
        }
        System.arraycopy(v, 0, all, lead, v.length);
        rows.add(RowFactory.create(all));
      }
      return rows;
    }
  }
}
