package org.detente.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.engine.RunSink;
import org.detente.engine.RunView;
import org.detente.model.Action;
import org.detente.model.Outcome;
import org.detente.scenario.Scenario;
import org.detente.store.Inputs;
import org.detente.store.ResultStore;
import org.detente.store.ResultWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detente bench store}: writes a million runs of a scenario into a results store and
 * times a query over them. The engine runs {@code --engine-runs} runs once; the store then
 * receives them again and again, with new run numbers, through the same writer as
 * {@code run --db}, until {@code --runs} rows are written: what is measured is the store, not
 * the engine (whose speed {@code bench engine} measures).
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = {
      "Time the results store: write --runs rows of a scenario's runs into a DuckDB database"
          + " (one transaction, the writer of run --db, without event rows) and answer"
          + " P(settlement) by Russia's drawn motive (or another --query). The engine computes"
          + " --engine-runs runs once; the store receives them repeatedly, renumbered."
    })
public final class BenchStoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      defaultValue = "scenarios/us-russia-2022.yaml",
      description = "Scenario file (default: ${DEFAULT-VALUE}).")
  Path file;

  @Option(names = {"-n", "--runs"}, paramLabel = "N", defaultValue = "1000000",
      description = "Rows of runs to write (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--engine-runs", paramLabel = "K", defaultValue = "10000",
      description = "Distinct runs computed by the engine and written repeatedly"
          + " (default: ${DEFAULT-VALUE}).")
  int engineRuns;

  @Option(names = "--query", paramLabel = "SQL",
      description = "The query to time; {id} stands for the result's id (default: P(settlement)"
          + " with its count by motive_RUS).")
  String query;

  @Option(names = "--repeat", paramLabel = "R", defaultValue = "5",
      description = "Times the query is run; the median and minimum are reported"
          + " (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--db", paramLabel = "FILE",
      description = "Write into this database (kept); default: a temporary one, deleted after.")
  Path db;

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.Threads threads;

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  static final String DEFAULT_QUERY = "SELECT motive_RUS, count(*) AS runs,"
      + " avg(CASE WHEN outcome = 'settlement' THEN 1.0 ELSE 0.0 END) AS p_settlement"
      + " FROM runs WHERE result_id = {id} GROUP BY motive_RUS ORDER BY motive_RUS";

  @Override
  public Integer call() throws IOException {
    AnalysisSupport.checkPositive("--runs", runs);
    AnalysisSupport.checkPositive("--engine-runs", engineRuns);
    AnalysisSupport.checkPositive("--repeat", repeat);
    AnalysisSupport.checkPositive("--threads", threads.value());
    if (engineRuns > runs) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "--engine-runs", 1, runs,
          engineRuns);
    }
    Scenario sc = EngineSupport.load(file, List.of(), null);
    CompiledModel model = EngineSupport.compile(sc);
    List<Recorded> recorded = new ArrayList<>(engineRuns);
    long t0 = System.nanoTime();
    try (Progress progress = Progress.start(spec, progressFlags, "bench store (engine)",
        engineRuns, " runs")) {
      Ensemble.run(model, seed.value(), engineRuns, threads.value(),
          run -> recorded.add(new Recorded(model, run)), progress.stage(engineRuns));
    }
    double engineSeconds = (System.nanoTime() - t0) / 1e9;

    Path tmp = null;
    Path file = db;
    if (file == null) {
      tmp = Files.createTempDirectory("detente-bench-store");
      file = tmp.resolve("bench.duckdb");
    }
    try (ResultStore store = ResultStore.open(file)) {
      long w0 = System.nanoTime();
      long id;
      try (ResultWriter w = store.begin(new Inputs("bench store", sc.meta().id(),
              String.valueOf(this.file.getFileName()), Files.readString(this.file), List.of(),
              List.of("--runs", String.valueOf(runs), "--engine-runs",
                  String.valueOf(engineRuns)), seed.value(), runs, VersionProvider.version(),
              Map.of()));
          Progress progress = Progress.start(spec, progressFlags, "bench store (write)", runs,
              " rows")) {
        id = w.id();
        RunSink sink = w.sink(model, "", seed.value(), false);
        java.util.function.LongConsumer stage = progress.stage(runs);
        for (int i = 0; i < runs; i++) {
          Recorded r = recorded.get(i % engineRuns);
          r.index = i;
          sink.accept(r);
          if ((i & 4095) == 4095) {
            stage.accept(i + 1L);
          }
        }
        stage.accept(runs);
        w.finish("{}");
      }
      double writeSeconds = (System.nanoTime() - w0) / 1e9;
      long bytes = Files.size(file);
      String sql = (query == null ? DEFAULT_QUERY : query).replace("{id}", String.valueOf(id));
      double[] times = new double[repeat];
      ResultStore.Table answer = null;
      for (int k = 0; k < repeat; k++) {
        long q0 = System.nanoTime();
        answer = store.query(sql, 1000);
        times[k] = (System.nanoTime() - q0) / 1e9;
      }
      double[] sorted = times.clone();
      Arrays.sort(sorted);
      double median = sorted[repeat / 2];
      print(sc, engineSeconds, writeSeconds, bytes, sql, sorted[0], median, answer);
    } finally {
      if (tmp != null) {
        try (var walk = Files.walk(tmp)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    return 0;
  }

  private void print(Scenario sc, double engineSeconds, double writeSeconds, long bytes,
      String sql, double min, double median, ResultStore.Table answer) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (json.value()) {
      ObjectNode o = AnalysisSupport.mapper().createObjectNode();
      o.put("command", "bench store");
      o.put("scenario", sc.meta().id());
      o.put("rows", runs);
      o.put("engineRuns", engineRuns);
      o.put("engineSeconds", engineSeconds);
      o.put("writeSeconds", writeSeconds);
      o.put("rowsPerSecond", runs / writeSeconds);
      o.put("databaseBytes", bytes);
      o.put("query", sql);
      o.put("queryRepeats", repeat);
      o.put("queryMinSeconds", min);
      o.put("queryMedianSeconds", median);
      var rows = o.putArray("answer");
      for (List<String> r : answer.rows()) {
        var a = rows.addArray();
        r.forEach(a::add);
      }
      out.println(AnalysisSupport.mapper().writeValueAsString(o));
    } else {
      out.println(String.format(Locale.ROOT, "bench store: %s, %,d rows of runs (%,d engine"
          + " runs, computed in %.1f s, written %d times over)", sc.meta().id(), runs,
          engineRuns, engineSeconds, (runs + engineRuns - 1) / engineRuns));
      out.println(String.format(Locale.ROOT, "  write: %.1f s in one transaction, %,.0f rows/s;"
          + " database %.1f MB", writeSeconds, runs / writeSeconds, bytes / 1e6));
      out.println(String.format(Locale.ROOT, "  query: median %.3f s, min %.3f s over %d runs:",
          median, min, repeat));
      out.println("    " + sql);
      out.println("    " + String.join("\t", answer.columns()));
      for (List<String> r : answer.rows()) {
        out.println("    " + String.join("\t", r.stream().map(v -> v == null ? "" : v)
            .toList()));
      }
    }
    out.flush();
  }

  /** One engine run, copied, replayed to the store under any run number. */
  private static final class Recorded implements RunView {
    private final long seed;
    private final Outcome outcome;
    private final int highestRung;
    private final int endWeek;
    private final boolean settled;
    private final int[] firstWeek = new int[Action.RUNGS];
    private final boolean[] questions;
    private final double[] deaths;
    private final int[] motives;
    private final int[] controllers;
    private int index;

    Recorded(CompiledModel m, RunView r) {
      index = r.runIndex();
      seed = r.seed();
      outcome = r.outcome();
      highestRung = r.highestRung();
      endWeek = r.endWeek();
      settled = r.settled();
      for (int i = 0; i < firstWeek.length; i++) {
        firstWeek[i] = r.firstWeekOfRung(i);
      }
      questions = new boolean[m.questionCount()];
      for (int q = 0; q < questions.length; q++) {
        questions[q] = r.question(q);
      }
      CasualtyKind[] kinds = CasualtyKind.values();
      deaths = new double[m.actorCount() * kinds.length];
      motives = new int[m.actorCount()];
      for (int a = 0; a < m.actorCount(); a++) {
        motives[a] = r.motive(a);
        for (CasualtyKind k : kinds) {
          deaths[a * kinds.length + k.ordinal()] = r.deaths(a, k);
        }
      }
      controllers = new int[m.theaterCount()];
      for (int t = 0; t < controllers.length; t++) {
        controllers[t] = r.finalController(t);
      }
    }

    @Override public int runIndex() {
      return index;
    }

    @Override public long seed() {
      return seed;
    }

    @Override public Outcome outcome() {
      return outcome;
    }

    @Override public int highestRung() {
      return highestRung;
    }

    @Override public int endWeek() {
      return endWeek;
    }

    @Override public boolean settled() {
      return settled;
    }

    @Override public int firstWeekOfRung(int rung) {
      return firstWeek[rung];
    }

    @Override public boolean question(int q) {
      return questions[q];
    }

    @Override public double deaths(int actor, CasualtyKind kind) {
      return deaths[actor * CasualtyKind.values().length + kind.ordinal()];
    }

    @Override public int finalController(int theater) {
      return controllers[theater];
    }

    @Override public int motive(int actor) {
      return motives[actor];
    }

    @Override public int eventCount() {
      return 0;
    }

    @Override public int eventWeek(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override public int eventActor(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override public int eventTarget(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override public Action eventAction(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override public int eventTheater(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override public int[] decisionStats() {
      return new int[4];
    }
  }
}
