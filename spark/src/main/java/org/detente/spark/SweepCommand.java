package org.detente.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.analysis.Indicators;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detente sweep FILE --design grid|morris|sobol|POINTS.csv --param NAME=LO:HI … --runs N
 * --out DIR [--master local[*]|spark://HOST:PORT]}: ensembles at every point of a design, on
 * Apache Spark (embedded in local mode unless a master is given).
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = org.detente.cli.VersionProvider.class,
    description = {
      "Run an ensemble at every point of a parameter design on Apache Spark: embedded on this"
          + " machine (--master local[*], the default) or on a cluster (--master"
          + " spark://HOST:PORT). Work is split by (design point, range of runs); run i of a"
          + " point is seeded from (--seed, i) alone, so each point's summary"
          + " (summaries/point-NNNNNN.json) is byte for byte that of detente run FILE --param"
          + " ... -n N --seed S -t 1 --no-timing, whatever the cluster. Writes runs/ (Parquet,"
          + " one row per run with the point's values), points/ (Parquet, one row per point),"
          + " summaries/, design.csv and sweep.json (with Morris or Sobol indices of --output"
          + " for those designs). Exit code 0 on success, 1 for invalid input, 2 for a usage"
          + " error."
    })
public final class SweepCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
  Path file;

  @Option(names = "--design", required = true, paramLabel = "DESIGN",
      description = "grid, morris, sobol, or a CSV file of points (a header of parameter"
          + " names, one point a row).")
  String design;

  @Option(names = "--param", paramLabel = "NAME=LO:HI|NAME=VALUE",
      description = "A model parameter to sweep over [LO, HI], or to fix at VALUE"
          + " (repeatable).")
  List<String> params = new ArrayList<>();

  @Option(names = "--levels", paramLabel = "L",
      description = "Levels of each range: grid (default 3) or Morris (even; default 4).")
  Integer levels;

  @Option(names = "--samples", paramLabel = "K",
      description = "Morris trajectories (default 10) or Sobol base samples (default 64).")
  Integer samples;

  @Option(names = {"-p", "--policy"}, paramLabel = "NAME",
      description = "Apply this policy of the scenario (repeatable; applied in order).")
  List<String> policies = new ArrayList<>();

  @Option(names = "--horizon", paramLabel = "WEEKS",
      description = "Override the scenario's horizon in weeks.")
  Integer horizon;

  @Option(names = {"-n", "--runs"}, required = true, paramLabel = "N",
      description = "Runs at each design point.")
  int runs;

  @Option(names = {"-s", "--seed"}, paramLabel = "S", defaultValue = "1",
      description = "Seed of the random streams and of the Morris and Sobol designs"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--chunk", paramLabel = "RUNS", defaultValue = "500",
      description = "Runs per Spark task (default: ${DEFAULT-VALUE}).")
  int chunk;

  @Option(names = "--output", paramLabel = "NAME", defaultValue = Indicators.NUCLEAR_USE,
      description = "The output whose Morris or Sobol indices sweep.json reports: an outcome"
          + " class, nuclear_use or a question id (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "Output folder (new or empty), written atomically.")
  Path out;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master: local[*] (embedded; the default, unless spark-submit gave"
          + " one), local[K], or spark://HOST:PORT.")
  String master;

  @Option(names = "--db", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
      description = "Also keep the sweep in this DuckDB results store (as detente db import"
          + " DIR would): its inputs, every run, the design and sweep.json; without FILE, the"
          + " default $XDG_DATA_HOME/detente/results.duckdb.")
  String db;

  /** Options that say only where results go or how fast they come: not inputs. */
  private static final java.util.Set<String> PRESENTATION = java.util.Set.of("--out", "--db",
      "--master", "--chunk", "--help", "--version");

  /** The options as given, less {@link #PRESENTATION}. */
  private List<String> arguments() {
    List<String> out = new ArrayList<>();
    CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    if (pr == null) {
      return out;
    }
    for (CommandLine.Model.OptionSpec o : pr.matchedOptions()) {
      if (PRESENTATION.contains(o.longestName())) {
        continue;
      }
      for (String v : o.originalStringValues()) {
        out.add(o.longestName());
        out.add(v);
      }
    }
    return out;
  }

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--runs", 1, runs);
    }
    if (chunk < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--chunk", 1, chunk);
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file,
          Message.NO_SUCH_FILE.format());
    }
    java.nio.file.Path dbFile = db == null ? null
        : db.isEmpty() ? org.detente.store.ResultStore.defaultFile() : java.nio.file.Path.of(db);
    master = Spark.master(master); // spark-submit sets spark.master
    String kind = design.toLowerCase(Locale.ROOT);
    int lv = levels != null ? levels : kind.equals("morris") ? 4 : 3;
    int sm = samples != null ? samples : kind.equals("sobol") ? 64 : 10;
    Design d = Design.of(design, params, lv, sm, seed);
    Map<String, String> options = new LinkedHashMap<>();
    options.put("master", master);
    options.put("chunk", String.valueOf(chunk));
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf(Locale.ROOT, "sweep: %d points x %d runs, %s design of %s on %s%n", d.size(), runs,
        d.kind().name().toLowerCase(Locale.ROOT), d.names(), master);
    pw.flush();
    // the database opens before the sweep starts, so that a store in use fails at once
    org.detente.store.ResultStore store = dbFile == null ? null
        : org.detente.store.ResultStore.open(dbFile);
    SparkSession spark = null;
    try {
      spark = Spark.session(master);
      Sweep.Result r = Sweep.run(spark, file, policies, horizon, List.of(), seed, d, runs, chunk,
          output, out, options, arguments());
      pw.printf(Locale.ROOT, "%d runs in %d tasks, %.1f s (%.0f runs/s); results in %s%n",
          r.runs(), r.tasks(), r.seconds(), r.runs() / Math.max(r.seconds(), 1e-9), out);
      if (store != null) {
        long id = org.detente.store.SweepImport.importSweep(store, out);
        pw.printf(Locale.ROOT, "stored as result %d in %s%n", id, dbFile);
      }
    } finally {
      if (spark != null) {
        spark.stop();
      }
      if (store != null) {
        store.close();
      }
    }
    pw.flush();
    return 0;
  }

  /** Runs the command and exits with its code (1 invalid input, 2 usage error). */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command and returns its exit code. */
  public static int execute(String... args) {
    return Spark.execute(new SweepCommand(), "sweep", args);
  }
}
