package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detente.DetenteException;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.analysis.EnsembleSummary;
import org.detente.analysis.SummaryJson;
import org.detente.analysis.Wilson;
import org.detente.model.Action;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.model.Outcome;
import org.detente.engine.RunSink;
import org.detente.engine.RunView;
import org.detente.engine.RareTarget;
import org.detente.engine.Splitting;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente run FILE}: a Monte Carlo ensemble of the crisis model. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a Monte Carlo ensemble of the crisis model on a scenario and report outcome " +
      "probabilities with Wilson 95%% intervals, forecast questions, casualties and escalation. " +
      "Run i is seeded from (--seed, i) alone: results are identical for any --threads. " +
      "Exit code 0 on success, 1 for an invalid scenario, 2 for a usage error."
    })
public final class RunCommand implements Callable<Integer> {

  /** Runs whose event logs are written by --out. */
  static final int EVENT_LOG_RUNS = 20;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
  Path file;

  @Mixin SharedOptions.Policies policies;

  @Mixin SharedOptions.Runs runs;

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.Params params;

  @Mixin SharedOptions.Threads threads;

  @Option(names = "--first-run", paramLabel = "K",
      description = "Index of the first run: runs K .. K+N-1 of the ensemble, each exactly as in"
          + " the whole ensemble, so that parts computed anywhere merge (detente merge) into the"
          + " whole's summary (default: 0).")
  int firstRun;

  @Option(names = "--horizon", paramLabel = "WEEKS",
      description = "Override the scenario's horizon in weeks.")
  Integer horizon;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Write summary.json, state.json (the summary's counts, for detente merge),"
          + " runs.csv and events.tsv (event logs of the first " + EVENT_LOG_RUNS
          + " runs, GDELT-like) into the folder DIR, atomically. DIR must be"
          + " new, empty, or a previous output folder holding only what Detente wrote there.")
  Path out;

  @Option(names = "--motive", paramLabel = "ACTOR=MOTIVE",
      description = "Fix an actor's motive hypothesis instead of drawing it from its priors"
          + " (repeatable), e.g. --motive RUS=conquer-europe.")
  List<String> motives = new ArrayList<>();

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Mixin RareOptions rare;

  @Mixin StoreOption db;

  @Option(names = "--decision-stats",
      description = "Also report how decisive the actors' decisions were: the share chosen with"
          + " under twice the runner-up's probability, with a better action available, and"
          + " outside the three best (JSON: decisionStats).")
  boolean decisionStats;

  @Option(names = "--no-timing",
      description = "Leave timing (runsPerSecond, seconds) out, for byte-identical outputs.")
  boolean noTiming;

  private int threadsUsed;
  private RareTarget rareTarget;
  private Splitting.Options rareOptions;
  private Splitting.Result rareResult;

  @Override
  public Integer call() throws IOException {
    if (runs.value() < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--runs", 1, runs.value());
    }
    int nThreads = threads.value();
    if (nThreads < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--threads", 1, nThreads);
    }
    if (firstRun < 0) {
      throw new InvalidInputException(Message.AT_LEAST, "--first-run", 0, firstRun);
    }
    if ((long) firstRun + runs.value() > Integer.MAX_VALUE) {
      throw new InvalidInputException(Message.AT_MOST, "--first-run + --runs",
          Integer.MAX_VALUE, "the largest run index", (long) firstRun + runs.value());
    }
    Scenario sc = params.apply(EngineSupport.load(file, policies.names(), horizon));
    CompiledModel model = EngineSupport.fixMotives(EngineSupport.compile(sc), motives);
    EnsembleSummary summary = new EnsembleSummary(model);
    if (rare.on()) {
      rareTarget = rare.target(model);
      rareOptions = rare.options(nThreads);
    }

    try (OutputFolder folder = out == null ? null : OutputFolder.prepare("--out", out);
        StoreSession store = db.on() ? StoreSession.begin(db, spec, file, sc.meta().id(),
            policies.names(), seed.value(), runs.value(), Map.of()) : null) {
      return runAndPrint(sc, model, summary, nThreads, folder, store);
    }
  }

  private int runAndPrint(Scenario sc, CompiledModel model, EnsembleSummary summary,
      int nThreads, OutputFolder folder, StoreSession store) throws IOException {
    RunsCsv csv = folder == null ? null : new RunsCsv(model, seed.value(), folder.staging());
    RunSink sink = summary;
    if (csv != null) {
      RunsCsv c = csv;
      sink = run -> {
        summary.accept(run);
        c.accept(run);
      };
    }
    if (store != null) {
      sink = store.tee(sink, model, "", seed.value(), true);
    }
    long t0 = System.nanoTime();
    try (Progress progress = Progress.start(spec, progressFlags, "run", runs.value(), " runs")) {
      Ensemble.run(model, seed.value(), firstRun, runs.value(), nThreads, sink,
          progress.stage(runs.value()));
    } catch (RuntimeException | Error e) {
      if (csv != null) {
        csv.closeQuietly(); // the folder closes and deletes the staging folder
      }
      throw e;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double rps = runs.value() / Math.max(seconds, 1e-9);
    if (rareTarget != null) {
      rareResult = RareOptions.estimate(spec, progressFlags, "run --rare", model, rareTarget,
          seed.value(), rareOptions, RareOptions.KEEP_PATHS);
    }
    if (csv != null) {
      csv.close();
    }
    return emit(sc, model, summary, nThreads, folder, store, rps, seconds);
  }

  /**
   * Writes the results of the ensemble (or of merged parts, {@link MergeCommand}): the output
   * folder's event logs, summary.json and state.json (runs.csv must already be in its staging
   * folder), the stored result's summary (when {@code store} is not null), then the table or
   * the JSON on standard output.
   */
  int emit(Scenario sc, CompiledModel model, EnsembleSummary summary, int nThreads,
      OutputFolder folder, StoreSession store, double rps, double seconds) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = results(mapper, sc, model, summary, nThreads);
    if (decisionStats) {
      DecisionStatsText.put(root.putObject("decisionStats"), summary.decisionStats(),
          summary.runs());
    }
    if (rareResult != null) {
      RareOptions.put(root.putObject("rare"), rareTarget, rareResult, replayArgs());
      if (!noTiming) {
        ((ObjectNode) root.get("rare")).put("seconds",
            Math.round(rareResult.seconds() * 1000) / 1000.0);
      }
    }
    if (!noTiming) {
      root.put("runsPerSecond", Math.round(rps * 10) / 10.0);
      root.put("seconds", Math.round(seconds * 1000) / 1000.0);
    }
    if (store != null) {
      store.finish(root);
    }
    if (folder != null) {
      writeEventLogs(model, folder.staging().resolve("events.tsv"));
      Files.writeString(folder.staging().resolve("summary.json"),
          mapper.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      Files.writeString(folder.staging().resolve(STATE_FILE),
          mapper.writeValueAsString(state(mapper, sc, model, summary)) + "\n",
          StandardCharsets.UTF_8);
      folder.publish();
    }
    PrintWriter pw = spec.commandLine().getOut();
    if (json.value()) {
      if (store != null) {
        store.describe(root);
      }
      pw.println(mapper.writeValueAsString(root));
    } else {
      printTable(pw, sc, model, summary, nThreads, rps, seconds);
      if (store != null) {
        pw.println(store.line());
      }
    }
    pw.flush();
    return 0;
  }

  /** The summary's JSON without the options that only this command has (rare, timings). */
  ObjectNode results(ObjectMapper mapper, Scenario sc, CompiledModel model,
      EnsembleSummary summary, int nThreads) {
    threadsUsed = nThreads;
    ObjectNode root = header(mapper, sc, model, nThreads);
    root.setAll(SummaryJson.results(summary, mapper));
    return root;
  }

  /** The state file of an output folder: the summary's counts and the inputs that made them. */
  static final String STATE_FILE = "state.json";

  /** Format tag of {@link #STATE_FILE}. */
  static final String STATE_FORMAT = "detente-ensemble-state/1";

  /**
   * The contents of {@link #STATE_FILE}: every input that shapes the runs (the scenario file's
   * SHA-256, policies, --param values, horizon, fixed motives, seed, run range) and the
   * summary's counts, which {@code detente merge} adds up.
   */
  ObjectNode state(ObjectMapper mapper, Scenario sc, CompiledModel model,
      EnsembleSummary summary) throws IOException {
    ObjectNode o = mapper.createObjectNode();
    o.put("format", STATE_FORMAT);
    o.put("scenario", sc.meta().id());
    o.put("scenarioFile", String.valueOf(file.getFileName()));
    o.put("scenarioSha256", MergeCommand.sha256(file));
    ArrayNode pol = o.putArray("policies");
    policies.names().forEach(pol::add);
    ArrayNode ps = o.putArray("params");
    params.specs.forEach(ps::add);
    if (horizon != null) {
      o.put("horizon", horizon);
    }
    ArrayNode mot = o.putArray("motives");
    motives.forEach(mot::add);
    o.put("seed", seed.value());
    o.put("firstRun", firstRun);
    o.put("runs", runs.value());
    o.put("threads", threadsUsed);
    o.put("version", VersionProvider.version());
    o.set("summary", summary.state(mapper));
    return o;
  }

  private ObjectNode header(ObjectMapper mapper, Scenario sc, CompiledModel model, int nThreads) {
    ObjectNode root = mapper.createObjectNode();
    root.put("scenario", sc.meta().id());
    root.put("title", sc.meta().title());
    ArrayNode pol = root.putArray("policies");
    sc.meta().appliedPolicies().forEach(pol::add);
    root.put("runs", runs.value());
    if (firstRun != 0) {
      root.put("firstRun", firstRun);
    }
    root.put("seed", seed.value());
    root.put("threads", nThreads);
    root.put("horizonWeeks", model.horizonWeeks());
    root.put("asOf", sc.meta().asOf().toString());
    ObjectNode principals = root.putObject("principals");
    principals.put("a", model.actorId(model.principalA()));
    principals.put("b", model.actorId(model.principalB()));
    ObjectNode params = root.putObject("parameters");
    for (Map.Entry<String, Double> e : model.parameters().asMap().entrySet()) {
      params.put(e.getKey(), e.getValue());
    }
    ArrayNode deal = root.putArray("focalDeal");
    double[] fd = model.focalDeal();
    for (int i = 0; i < fd.length; i++) {
      ObjectNode d = deal.addObject();
      d.put("issue", sc.issues().get(i).id());
      d.put("position", Math.round(fd[i] * 100) / 100.0);
    }
    ObjectNode fixed = root.putObject("fixedMotives");
    for (int a = 0; a < model.actorCount(); a++) {
      if (model.fixedMotive(a) >= 0) {
        fixed.put(model.actorId(a), model.motiveId(a, model.fixedMotive(a)));
      }
    }
    root.put("version", VersionProvider.version());
    return root;
  }

  private void printTable(PrintWriter pw, Scenario sc, CompiledModel model, EnsembleSummary s,
      int nThreads, double rps, double seconds) {
    long n = s.runs();
    pw.printf(Locale.ROOT, "%s — %s%n", sc.meta().id(), sc.meta().title());
    pw.printf(Locale.ROOT, "policies: %s   runs: %d   seed: %d   threads: %d   horizon: %d weeks%n",
        sc.meta().appliedPolicies().isEmpty() ? "(none)"
            : String.join(", ", sc.meta().appliedPolicies()),
        n, seed.value(), nThreads, model.horizonWeeks());
    pw.printf(Locale.ROOT, "principal adversaries: %s and %s%n",
        model.actorId(model.principalA()), model.actorId(model.principalB()));
    for (String line : model.mediatorSummary()) {
      pw.println(line);
    }
    pw.println();
    pw.println("Outcome                 p        95% interval");
    for (Outcome o : Outcome.values()) {
      long k = s.outcomeCount(o);
      pw.printf(Locale.ROOT, "  %-20s %6.4f   [%6.4f, %6.4f]%n", o.id(), (double) k / n,
          Wilson.lower(k, n), Wilson.upper(k, n));
    }
    if (model.questionCount() > 0) {
      pw.println();
      pw.println("Question                                                p        95% interval");
      for (int q = 0; q < model.questionCount(); q++) {
        long k = s.questionCount(q);
        String text = sc.questions().get(q).id();
        pw.printf(Locale.ROOT, "  %-52s %6.4f   [%6.4f, %6.4f]%n", text, (double) k / n,
            Wilson.lower(k, n), Wilson.upper(k, n));
      }
    }
    pw.println();
    pw.println("Deaths per run             mean          p50          p95          max");
    for (CasualtyKind k : CasualtyKind.values()) {
      casualtyRow(pw, k.name().toLowerCase(Locale.ROOT), s.deaths(k));
    }
    casualtyRow(pw, "total", s.totalDeaths());
    pw.println();
    pw.println("Rung reached (first week: median)");
    for (int r = 1; r < Action.RUNGS; r++) {
      long k = s.reachedRung(r);
      if (k == 0) {
        continue;
      }
      pw.printf(Locale.ROOT, "  %d %-30s %6.4f   week %s%n", r, SummaryJson.rungName(r),
          (double) k / n, fmtWeek(s.firstWeekQuantile(r, 0.5)));
    }
    pw.println();
    pw.println("Most frequent escalation paths (rungs that raised the highest, in order)");
    for (var e : s.topPaths(5)) {
      pw.printf(Locale.ROOT, "  %-30s %6.4f%n", e.getKey(), (double) e.getValue() / n);
    }
    if (decisionStats) {
      pw.println();
      pw.println("Decisions: " + DecisionStatsText.line(s.decisionStats(), n));
    }
    if (rareResult != null) {
      pw.println();
      RareOptions.print(pw, rareTarget, rareResult, replayArgs(), 5);
      if (!noTiming) {
        pw.printf(Locale.ROOT, "  %.1f s%n", rareResult.seconds());
      }
    }
    if (!noTiming) {
      pw.printf(Locale.ROOT, "%n%.1f runs/s (%.2f s)%n", rps, seconds);
    }
  }

  private String replayArgs() {
    return RareOptions.replayArgs(file.toString(), seed.value(), policies.names(), horizon,
        motives) + params.replayArgs();
  }

  private static String fmtWeek(double w) {
    return Double.isNaN(w) ? "-" : String.valueOf((int) w);
  }

  private static void casualtyRow(PrintWriter pw, String name, EnsembleSummary.Hist h) {
    pw.printf(Locale.ROOT, "  %-14s %12s %12s %12s %12s%s%n", name, fmt(h.mean()),
        fmt(h.quantile(0.5)), fmt(h.quantile(0.95)), fmt(h.max()),
        h.unknown() > 0 ? "   (not computable in " + h.unknown() + " runs)" : "");
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
  }

  /** Replays the first runs (each a pure function of its seed) and writes their events. */
  private void writeEventLogs(CompiledModel model, Path file) throws IOException {
    org.detente.engine.Simulator sim = new org.detente.engine.Simulator(model);
    LocalDate asOf = model.scenario().meta().asOf();
    int stepDays = model.scenario().meta().stepDays();
    DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("SQLDATE\tActor1Code\tActor2Code\tEventCode\tGoldsteinScale\tTheater\tRun\tWeek"
          + "\tAction\n");
      for (int i = firstRun; i < firstRun + Math.min(EVENT_LOG_RUNS, runs.value()); i++) {
        sim.run(seed.value(), i);
        for (int e = 0; e < sim.eventCount(); e++) {
          Action a = sim.eventAction(e);
          int wk = sim.eventWeek(e);
          int tgt = sim.eventTarget(e);
          int th = sim.eventTheater(e);
          w.write(asOf.plusDays((long) wk * stepDays).format(f));
          w.write('\t');
          w.write(model.actorId(sim.eventActor(e)));
          w.write('\t');
          w.write(tgt >= 0 ? model.actorId(tgt) : "");
          w.write('\t');
          w.write(a.cameo() == null ? "" : a.cameo());
          w.write('\t');
          w.write(String.valueOf(a.goldstein()));
          w.write('\t');
          w.write(th >= 0 ? model.theaterId(th) : "");
          w.write('\t');
          w.write(String.valueOf(i));
          w.write('\t');
          w.write(String.valueOf(wk));
          w.write('\t');
          w.write(a.id());
          w.write('\n');
        }
      }
    }
  }

  /**
   * Streams one CSV row per run. The {@code run} and {@code seed} columns are the run's index and
   * the master seed, exactly what {@code detente explain FILE --seed SEED --run RUN} takes to
   * replay the row (the run's own 64-bit seed is derived from them; as a number it would not fit
   * the integer types of pandas or R). Column names are made of letters, digits and underscores
   * (see {@link org.detente.store.RunColumns#columnName}), so that a data frame takes them as they are.
   */
  static final class RunsCsv implements RunSink {
    private final CompiledModel model;
    private final org.detente.store.RunColumns columns;
    private final Object[] values;
    private final long masterSeed;
    private final BufferedWriter w;
    private final StringBuilder sb = new StringBuilder(512);

    RunsCsv(CompiledModel model, long masterSeed, Path dir) throws IOException {
      this.model = model;
      this.columns = org.detente.store.RunColumns.of(model);
      this.values = new Object[columns.size()];
      this.masterSeed = masterSeed;
      this.w = Files.newBufferedWriter(dir.resolve("runs.csv"), StandardCharsets.UTF_8);
      w.write(String.join(",", columns.names()));
      w.write('\n');
    }

    /**
     * The column names, in order: unique (ignoring case), each matching
     * {@code [A-Za-z][A-Za-z0-9_]*}; the results store's {@code runs} table has the same.
     */
    static List<String> header(CompiledModel model) {
      return org.detente.store.RunColumns.of(model).names();
    }

    @Override
    public void accept(RunView run) {
      sb.setLength(0);
      Object[] v = values;
      columns.fill(v, run, masterSeed);
      for (int c = 0; c < v.length; c++) {
        if (c > 0) {
          sb.append(',');
        }
        if (v[c] instanceof Boolean b) {
          sb.append(b ? '1' : '0');
        } else if (v[c] != null) {
          sb.append(v[c]);
        }
      }
      sb.append('\n');
      try {
        w.write(sb.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void close() throws IOException {
      w.close();
    }

    void closeQuietly() {
      try {
        w.close();
      } catch (IOException e) {
        // already failing
      }
    }
  }
}
