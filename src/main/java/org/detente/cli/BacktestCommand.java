package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.backtest.Backtest;
import org.detente.backtest.CrisisForecast;
import org.detente.backtest.Evaluation;
import org.detente.backtest.IcbData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detente backtest}: a scenario generated from each ICB crisis, an ensemble per crisis,
 * the forecasts scored against ICB's coding on the training and the held-out crises.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Back-test the model on the International Crisis Behavior crises (ICB v14, 1918-2017):"
          + " a scenario is generated from each crisis's data as of its trigger (never from its"
          + " outcome), an ensemble is run per crisis, and the forecasts of violence, form of"
          + " outcome, duration and each crisis actor's outcome are scored (Brier, ranked"
          + " probability and log scores) with skill against the training climatology and a"
          + " statistical baseline, for the crises triggered before --split (training) and from"
          + " it on (held out). Crisis c's runs are seeded from (--seed, c) alone: the scores"
          + " are identical for any --threads. Exit code 0 on success, 1 for invalid input, 2"
          + " for a usage error."
    })
public class BacktestCommand implements Callable<Integer> {

  /** Default first year of the held-out crises. */
  static final int DEFAULT_SPLIT = 1980;

  @Spec CommandSpec spec;

  @Option(names = {"-n", "--runs"}, paramLabel = "N", defaultValue = "1000",
      description = "Runs per crisis (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--split", paramLabel = "YEAR", defaultValue = "" + DEFAULT_SPLIT,
      description = "First trigger year of the held-out crises (default: ${DEFAULT-VALUE}:"
          + " about two thirds of the crises train, the last third, 1980-2017, is held out).")
  int split;

  @Option(names = "--crises", paramLabel = "IDS", split = ",",
      description = "ICB crisis numbers to back-test, e.g. 196,123,400-410 (default: all).")
  List<String> crises = new ArrayList<>();

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.Threads threads;

  @Mixin SharedOptions.Params params;

  @Mixin SharedOptions.Json json;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Write forecasts.csv (every crisis's forecast with the climatology's and"
          + " the baseline's), skipped.csv, reliability diagrams (reliability-SET-VARIABLE.svg"
          + " and .csv), backtest.html and summary.json into the folder DIR, atomically.")
  Path out;

  @Option(names = "--emit", paramLabel = "DIR",
      description = "Write the generated scenarios (icb-NNN.yaml) into the folder DIR, atomically;"
          + " each validates and runs with 'detente run'.")
  Path emit;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write the scores and reliability diagrams as a self-contained HTML page to"
          + " FILE (replaced atomically); --out writes the same page as backtest.html.")
  Path report;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Mixin StoreOption db;

  @Mixin SparkMaster master;

  @Option(names = "--no-timing",
      description = "Leave timing (seconds, crises and runs per second) out, for byte-identical"
          + " outputs.")
  boolean noTiming;

  @Override
  public Integer call() throws IOException {
    if (runs < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--runs", 1, runs);
    }
    if (threads.value() < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--threads", 1, threads.value());
    }
    master.check("backtest", onSpark());
    List<org.detente.scenario.Parameter> overrides = params.overrides();
    if (!overrides.isEmpty() && master.value() != null) {
      // the crises travel to Spark as their generated YAML, which holds no override
      throw new UsageException(Message.OPTIONS_EXCLUSIVE, "--param", "--master");
    }
    IcbData data = IcbData.bundled();
    TreeSet<Integer> only = parseCrises(crises, data);
    if (report != null) {
      OutputFiles.checkPath(report);
    }
    try (OutputFolder emitFolder = emit == null ? null : OutputFolder.prepare("--emit", emit);
        OutputFolder folder = out == null ? null : OutputFolder.prepare("--out", out);
        StoreSession store = db.on() ? StoreSession.begin(db, spec, null, null, List.of(),
            seed.value(), runs, java.util.Map.of()) : null) {
      Backtest.Prepared prepared = Backtest.prepare(data, only, Models::compile,
          emitFolder == null ? null : emitFolder.staging()).withParameters(overrides);
      long totalRuns = (long) runs * prepared.cases().size();
      long t0 = System.nanoTime();
      List<CrisisForecast> forecasts;
      try (Progress progress = Progress.start(spec, progressFlags, "backtest", totalRuns,
          " runs")) {
        forecasts = forecasts(prepared.cases(), runs, seed.value(), threads.value(),
            progress.stage(totalRuns));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      Evaluation ev = Evaluation.evaluate(prepared.cases(), forecasts, split);
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = BacktestReport.json(mapper, prepared, ev, runs, split, seed.value(),
          threads.value(), noTiming ? -1 : seconds);
      if (store != null) {
        store.finish(root);
      }
      if (emitFolder != null) {
        emitFolder.publish();
      }
      if (report != null) {
        OutputFiles.write(report, BacktestReport.html(prepared, ev, runs, split, seed.value()));
      }
      if (folder != null) {
        BacktestReport.writeFolder(folder.staging(), mapper, root, prepared, ev);
        folder.publish();
      }
      PrintWriter pw = spec.commandLine().getOut();
      if (json.value()) {
        if (store != null) {
          store.describe(root);
        }
        pw.println(mapper.writeValueAsString(root));
      } else {
        BacktestReport.printTable(pw, prepared, ev, runs, split, seed.value(), threads.value(),
            noTiming ? -1 : seconds);
        if (store != null) {
          pw.println(store.line());
        }
      }
      pw.flush();
    }
    return 0;
  }

  /**
   * The forecasts of the crises, in their order: here one ensemble per crisis on this machine's
   * {@code threads} ({@link Backtest#run}); the Spark module overrides this to hand the crises
   * to a Spark cluster, with the same forecasts.
   *
   * @param cases    the crises
   * @param runs     runs per crisis
   * @param seed     master seed (crisis c's runs are seeded from (seed, c) alone)
   * @param threads  worker threads
   * @param progress runs done so far over all crises
   * @return the forecasts, in the order of the cases
   */
  protected List<CrisisForecast> forecasts(List<org.detente.backtest.CrisisCase> cases, int runs,
      long seed, int threads, java.util.function.LongConsumer progress) {
    return Backtest.run(cases, Models::compile, null, runs, seed, threads, progress);
  }

  /** Whether {@link #forecasts} can hand the crises to Spark (the Spark module's subclass). */
  protected boolean onSpark() {
    return false;
  }

  /** The Spark master given with {@code --master}, or null. */
  protected final String master() {
    return master.value();
  }

  /** Parses {@code --crises} (numbers and ranges A-B). */
  static TreeSet<Integer> parseCrises(List<String> specs, IcbData data) {
    TreeSet<Integer> known = new TreeSet<>();
    data.crises().forEach(c -> known.add(c.id()));
    TreeSet<Integer> ids = new TreeSet<>();
    for (String s : specs) {
      String t = s.trim();
      try {
        int dash = t.indexOf('-', 1);
        int from = Integer.parseInt(dash < 0 ? t : t.substring(0, dash).trim());
        int to = dash < 0 ? from : Integer.parseInt(t.substring(dash + 1).trim());
        if (to < from) {
          throw new UsageException(Message.OPTION_VALUE, "--crises", s,
              "a range must go upward, e.g. 400-410");
        }
        for (int i = from; i <= to; i++) {
          if (!known.contains(i)) {
            throw new UsageException(Message.OPTION_VALUE, "--crises", s,
                "no ICB crisis " + i + " (the crises are numbered " + known.first() + "-"
                    + known.last() + ")");
          }
          ids.add(i);
        }
      } catch (NumberFormatException e) {
        throw new UsageException(Message.OPTION_VALUE, "--crises", s,
            "expected crisis numbers or ranges, e.g. 196,123,400-410");
      }
    }
    return ids;
  }
}
