package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.detente.analysis.EnsembleSummary;
import org.detente.engine.CompiledModel;
import org.detente.scenario.Scenario;

/**
 * An ensemble computed in parts elsewhere (on Spark, on other machines) with exactly the inputs,
 * model and outputs of {@code detente run}: the scenario loaded and compiled as the command does,
 * the summary.json and state.json it would write. {@code detente merge} and the Spark module
 * build on it, so that a summary assembled from parts is byte for byte that of one run.
 *
 * @param file     the scenario file
 * @param policies policies applied, in order
 * @param params   {@code --param NAME=VALUE} values, in order
 * @param horizon  the horizon in weeks, or null for the scenario's
 * @param motives  {@code --motive ACTOR=MOTIVE} values
 * @param seed     master seed
 */
public record EnsembleParts(Path file, List<String> policies, List<String> params,
    Integer horizon, List<String> motives, long seed) {

  /** Copies the lists. */
  public EnsembleParts {
    policies = List.copyOf(policies);
    params = List.copyOf(params);
    motives = List.copyOf(motives);
  }

  /**
   * The scenario, loaded, validated, with policies, horizon and parameters applied.
   *
   * @throws org.detente.DetenteException with a located message for an invalid file or option
   */
  public Scenario load() {
    return command(0, 1, 1).params.apply(EngineSupport.load(file, policies, horizon));
  }

  /** The model of {@code detente run}: shipped casualty and negotiation models, motives fixed. */
  public CompiledModel compile(Scenario sc) {
    return EngineSupport.fixMotives(EngineSupport.compile(sc), motives);
  }

  /**
   * The summary.json that {@code detente run --no-timing} writes for runs
   * {@code firstRun .. firstRun + runs - 1} at {@code threads} threads, given their summary.
   */
  public String summaryJson(Scenario sc, CompiledModel model, int firstRun, int runs,
      int threads, EnsembleSummary summary) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    return mapper.writeValueAsString(
        command(firstRun, runs, threads).results(mapper, sc, model, summary, threads)) + "\n";
  }

  /** The state.json that {@code detente run --out} writes for these runs (merge's input). */
  public String stateJson(Scenario sc, CompiledModel model, int firstRun, int runs, int threads,
      EnsembleSummary summary) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    RunCommand rc = command(firstRun, runs, threads);
    rc.results(mapper, sc, model, summary, threads);
    return mapper.writeValueAsString(rc.state(mapper, sc, model, summary)) + "\n";
  }

  /** A run command holding these inputs. */
  RunCommand command(int firstRun, int runs, int threads) {
    RunCommand rc = new RunCommand();
    rc.file = file;
    rc.policies = new SharedOptions.Policies();
    rc.policies.names.addAll(policies);
    rc.params = new SharedOptions.Params();
    rc.params.specs.addAll(params);
    rc.horizon = horizon;
    rc.motives = new ArrayList<>(motives);
    rc.seed = new SharedOptions.Seed(seed);
    rc.runs = new SharedOptions.Runs();
    rc.runs.value = runs;
    rc.firstRun = firstRun;
    rc.threads = new SharedOptions.Threads(threads);
    rc.noTiming = true;
    return rc;
  }
}
