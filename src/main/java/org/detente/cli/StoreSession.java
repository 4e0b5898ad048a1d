package org.detente.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.engine.CompiledModel;
import org.detente.engine.RunSink;
import org.detente.store.Inputs;
import org.detente.store.ResultStore;
import org.detente.store.ResultWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * One command's result on its way into the results store: opened with the command's inputs
 * (its row committed, marked incomplete), fed the runs of its ensembles, finished with the
 * command's JSON output. Closing it unfinished rolls the runs back and leaves the result
 * marked incomplete.
 */
final class StoreSession implements AutoCloseable {

  /**
   * Options that choose only where or how a result is shown, or how fast it is computed: left
   * out of the stored inputs (a replay chooses its own).
   */
  static final Set<String> PRESENTATION = Set.of("--db", "--out", "--json", "--quiet",
      "--progress", "--threads", "--no-timing", "--help", "--version", "--emit", "--report",
      "--master");

  private final ResultStore store;
  private final ResultWriter writer;

  private StoreSession(ResultStore store, ResultWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  /**
   * Opens the database of {@code opt} and starts a result of {@code spec}'s command.
   *
   * @param scenarioFile the scenario read, or null
   * @param scenarioId its id, or null
   * @param policies the policies named
   * @param inputFiles other input files by the (longest) name of the option that named them
   */
  static StoreSession begin(StoreOption opt, CommandSpec spec, Path scenarioFile,
      String scenarioId, List<String> policies, long seed, long runs,
      Map<String, Path> inputFiles) {
    Map<String, String> files = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : inputFiles.entrySet()) {
      files.put(e.getKey(), read(e.getValue()));
    }
    Inputs in = new Inputs(spec.name(), scenarioId,
        scenarioFile == null ? null : String.valueOf(scenarioFile.getFileName()),
        scenarioFile == null ? null : read(scenarioFile), policies, options(spec), seed, runs,
        VersionProvider.version(), files);
    ResultStore store = ResultStore.open(opt.file());
    try {
      return new StoreSession(store, store.begin(in));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The options of the parsed command line as given, less {@link #PRESENTATION}. */
  static List<String> options(CommandSpec spec) {
    ParseResult pr = spec.commandLine().getParseResult();
    List<String> out = new ArrayList<>();
    if (pr == null) {
      return out;
    }
    for (OptionSpec o : pr.matchedOptions()) {
      String name = o.longestName();
      if (PRESENTATION.contains(name)) {
        continue;
      }
      List<String> values = o.originalStringValues();
      if (o.arity().max() == 0 || values.isEmpty()) {
        out.add(name);
      } else {
        for (String v : values) {
          out.add(name);
          out.add(v);
        }
      }
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.FILE_PROBLEM, p,
          Message.CANNOT_READ.format(e.getMessage()));
    }
  }

  /** The result's id. */
  long id() {
    return writer.id();
  }

  /** {@code sink} and the store together: each run goes to both. */
  RunSink tee(RunSink sink, CompiledModel model, String arm, long seed, boolean events) {
    RunSink stored = writer.sink(model, arm, seed, events);
    return run -> {
      sink.accept(run);
      stored.accept(run);
    };
  }

  /** Stores {@code root} as the summary, marks the result complete and commits. */
  void finish(ObjectNode root) {
    try {
      writer.finish(AnalysisSupport.mapper().writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stores {@code root} as the result's summary (when {@code store} is not null), then, with
   * {@code json}, prints it with where it was stored.
   */
  static void finishAndPrint(StoreSession store, ObjectNode root, boolean json,
      java.io.PrintWriter out, com.fasterxml.jackson.databind.ObjectMapper mapper)
      throws JsonProcessingException {
    if (store != null) {
      store.finish(root);
    }
    if (json) {
      if (store != null) {
        store.describe(root);
      }
      out.println(mapper.writeValueAsString(root));
    }
  }

  /** Adds {@code stored: {db, id}} to a command's printed JSON (not to the stored summary). */
  void describe(ObjectNode root) {
    ObjectNode o = root.putObject("stored");
    o.put("db", store.file().toString());
    o.put("id", writer.id());
  }

  /** The line a text output ends with: where the result was stored. */
  String line() {
    return "stored as result " + writer.id() + " in " + store.file();
  }

  @Override
  public void close() {
    try {
      writer.close();
    } finally {
      store.close();
    }
  }
}
