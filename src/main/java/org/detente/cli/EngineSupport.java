package org.detente.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.engine.CompiledModel;
import org.detente.engine.ModelParameters;
import org.detente.scenario.Limits;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;

/** Loading and compiling a scenario for the engine commands (run, explain, bench). */
final class EngineSupport {

  private EngineSupport() {}

  /** Loads a scenario with policies applied, optionally overriding the horizon. */
  static Scenario load(Path file, List<String> policies, Integer horizonWeeks) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file, Message.NO_SUCH_FILE.format());
    }
    Scenario sc = ScenarioLoader.load(file, policies);
    return horizonWeeks != null ? withHorizon(sc, horizonWeeks) : sc;
  }

  /** The scenario with its horizon set to {@code horizonWeeks}, checked as --horizon. */
  static Scenario withHorizon(Scenario sc, int horizonWeeks) {
    if (horizonWeeks < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--horizon (weeks)", 1, horizonWeeks);
    }
    if (horizonWeeks > Limits.MAX_STEPS) {
      throw new InvalidInputException(Message.AT_MOST, "--horizon (weeks)", Limits.MAX_STEPS,
          "the scenario limit", horizonWeeks);
    }
    return horizonWeeks == sc.meta().horizonSteps() ? sc : sc.withHorizonWeeks(horizonWeeks);
  }

  /** Compiles with the scenario's parameters, the shipped casualty model and spatial model. */
  static CompiledModel compile(Scenario sc) {
    return Models.compile(sc, ModelParameters.from(sc));
  }

  /** Applies {@code ACTOR=MOTIVE} fixes given on the command line. */
  static CompiledModel fixMotives(CompiledModel model, List<String> specs) {
    CompiledModel m = model;
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new UsageException(Message.OPTION_VALUE, "--motive", spec, "expected ACTOR=MOTIVE");
      }
      String actor = spec.substring(0, eq);
      String motive = spec.substring(eq + 1);
      int a = m.scenario().actorIndex(actor);
      if (a < 0) {
        throw new UsageException(Message.OPTION_VALUE, "--motive", spec, "no actor '" + actor + "'");
      }
      int found = -1;
      StringBuilder known = new StringBuilder();
      for (int k = 0; k < m.motiveCount(a); k++) {
        if (m.motiveId(a, k).equals(motive)) {
          found = k;
        }
        known.append(k > 0 ? ", " : "").append(m.motiveId(a, k));
      }
      if (found < 0) {
        throw new UsageException(Message.OPTION_VALUE, "--motive", spec,
            actor + " has no motive '" + motive + "'; expected one of " + known);
      }
      m = m.withFixedMotive(a, found);
    }
    return m;
  }

  /** Number of worker threads by default. */
  static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
