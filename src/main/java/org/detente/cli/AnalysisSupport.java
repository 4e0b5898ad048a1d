package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.detente.DetenteException;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.analysis.EnsembleRunner;
import org.detente.analysis.Indicators;
import org.detente.analysis.ParameterSpace;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.engine.ModelParameters;
import org.detente.model.ParameterCatalog;
import org.detente.model.ParameterSpec;
import org.detente.scenario.Parameter;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;

/** Shared plumbing of the analysis commands: loading, ensembles, factors, JSON. */
final class AnalysisSupport {

  private AnalysisSupport() {}

  /** Loads a scenario with policies applied (errors name file, line and column). */
  static Scenario load(Path file, List<String> policies) {
    if (!Files.exists(file)) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file, Message.NO_SUCH_FILE.format());
    }
    return ScenarioLoader.load(file, policies);
  }

  /** Loads a scenario with policies applied and the {@code --param} values set. */
  static Scenario load(Path file, List<String> policies, SharedOptions.Params params) {
    return params.apply(load(file, policies));
  }

  /** Rejects bad counts with a usage error (exit code 2). */
  static void checkPositive(String option, long value) {
    if (value <= 0) {
      throw new InvalidInputException(Message.POSITIVE, option, value);
    }
  }

  /** A runner of {@code runs} runs of {@code model} from {@code seed}, reporting progress. */
  static EnsembleRunner runner(CompiledModel model, long seed, int runs, int threads,
      Progress progress) {
    return sink -> Ensemble.run(model, seed, runs, threads, sink, progress.stage(runs));
  }

  /** The indicator index for an output name, or a usage error listing the valid names. */
  static int indicator(Indicators ind, String name) {
    int i = ind.indexOf(name);
    if (i < 0) {
      throw new UsageException(Message.UNKNOWN_NAME, "output", name,
          String.join(", ", ind.names()) + ", or rung>=N");
    }
    return i;
  }

  /**
   * An output for sensitivity analysis: an indicator name, or {@code rung>=N} (the run reached
   * rung N of the escalation ladder or higher, 0..9).
   */
  static java.util.function.Predicate<org.detente.engine.RunView> output(Indicators ind,
      String name) {
    if (name.startsWith("rung>=")) {
      int r;
      try {
        r = Integer.parseInt(name.substring(6));
      } catch (NumberFormatException e) {
        r = -1;
      }
      if (r < 0 || r > 9) {
        throw new UsageException(Message.OPTION_VALUE, "output", name, "expected rung>=N with N in 0..9");
      }
      final int rung = r;
      return run -> run.highestRung() >= rung;
    }
    int i = indicator(ind, name);
    return run -> ind.test(run, i);
  }

  /** Indicators of a scenario: outcome classes, nuclear_use and its questions. */
  static Indicators indicators(Scenario s) {
    return new Indicators(s.questions().stream().map(q -> q.id()).toList());
  }

  /**
   * The uncertain factors: the scenario's declared parameters (value and range); with
   * {@code all}, every catalogue parameter, the declared ranges replacing the catalogue's.
   * A scenario that declares none uses the whole catalogue. A parameter fixed on the command
   * line ({@code --param}) is no factor.
   */
  static Factors factors(Scenario s, boolean all) {
    List<String> names = new ArrayList<>();
    List<double[]> ranges = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Parameter> declaredAll = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    for (Parameter p : s.parameters()) {
      if (p.fromCommandLine()) {
        fixed.add(p.name());
      } else {
        declaredAll.add(p);
      }
    }
    boolean useAll = all || declaredAll.isEmpty();
    if (useAll) {
      for (ParameterSpec spec : ParameterCatalog.all()) {
        if (fixed.contains(spec.name())) {
          continue;
        }
        Parameter declared = null;
        for (Parameter p : declaredAll) {
          if (p.name().equals(spec.name())) {
            declared = p;
          }
        }
        names.add(spec.name());
        if (declared != null) {
          ranges.add(new double[] {declared.low(), declared.high()});
          sources.add("scenario");
        } else {
          ranges.add(new double[] {spec.low(), spec.high()});
          sources.add("catalogue");
        }
      }
    } else {
      for (Parameter p : declaredAll) {
        names.add(p.name());
        ranges.add(new double[] {p.low(), p.high()});
        sources.add("scenario");
      }
    }
    double[] lo = ranges.stream().mapToDouble(r -> r[0]).toArray();
    double[] hi = ranges.stream().mapToDouble(r -> r[1]).toArray();
    return new Factors(new ParameterSpace(names, lo, hi), sources, useAll);
  }

  /** The factors, restricted to {@code only} (in that order) when it is not empty. */
  static Factors factors(Scenario s, boolean all, List<String> only) {
    if (only.isEmpty()) {
      return factors(s, all);
    }
    Factors every = factors(s, true);
    List<String> names = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    double[] lo = new double[only.size()];
    double[] hi = new double[only.size()];
    for (int k = 0; k < only.size(); k++) {
      String n = only.get(k);
      int i = every.space().names().indexOf(n);
      if (i < 0) {
        throw new UsageException(Message.UNKNOWN_NAME, "model parameter", n,
            String.join(", ", ParameterCatalog.names()));
      }
      if (names.contains(n)) {
        throw new UsageException(Message.OPTION_TWICE, "--parameter", n);
      }
      names.add(n);
      sources.add(every.sources().get(i));
      lo[k] = every.space().low()[i];
      hi[k] = every.space().high()[i];
    }
    return new Factors(new ParameterSpace(names, lo, hi), sources, false);
  }

  /** Factors with where each range comes from. */
  record Factors(ParameterSpace space, List<String> sources, boolean catalogue) {}

  /** The scenario's parameters with factor values substituted. */
  static ModelParameters parameters(Scenario s, List<String> names, double[] values) {
    ModelParameters p = ModelParameters.from(s);
    for (int i = 0; i < names.size(); i++) {
      p = p.with(names.get(i), values[i]);
    }
    return p;
  }

  /** A JSON mapper with stable, indented output. */
  static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Puts a double, or null when it is not finite. */
  static void put(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  /** Formats with Locale.ROOT. */
  static String f(String fmt, Object... args) {
    return String.format(Locale.ROOT, fmt, args);
  }
}
