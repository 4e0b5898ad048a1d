package org.detente.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that several commands share, each declared once as a picocli mixin so that a flag
 * has the same short name, long name, label and meaning in every command that takes it:
 * {@code -s --seed}, {@code -n --runs}, {@code -t --threads}, {@code -p --policy},
 * {@code -j --json} and {@code -q --quiet} / {@code --progress}. A command adds one with
 * {@code @Mixin}; a command whose default differs passes it to the mixin's constructor (picocli
 * shows a field's initial value as its default in the help).
 */
final class SharedOptions {

  /** Runs of an ensemble when {@code --runs} is not given, for every command that runs one. */
  static final String DEFAULT_RUNS = "2000";

  private SharedOptions() {}

  /** {@code -s, --seed S}: the seed of the random streams. */
  static final class Seed {
    @Option(names = {"-s", "--seed"}, paramLabel = "S",
        description = "Seed of the random streams; the same seed gives the same results"
            + " (default: ${DEFAULT-VALUE}).")
    long value;

    /** The master seed of the ensembles, 1 unless given. */
    Seed() {
      this(1);
    }

    /** A seed with another default (the benchmarks' synthetic problems). */
    Seed(long defaultValue) {
      this.value = defaultValue;
    }

    long value() {
      return value;
    }
  }

  /** {@code -n, --runs N}: runs of each ensemble. */
  static final class Runs {
    @Option(names = {"-n", "--runs"}, paramLabel = "N", defaultValue = DEFAULT_RUNS,
        description = "Runs of each ensemble: of each arm, hypothesis or measurement where there"
            + " are several (default: ${DEFAULT-VALUE}).")
    int value;

    int value() {
      return value;
    }
  }

  /** {@code -t, --threads T}: worker threads, which change the speed and nothing else. */
  static final class Threads {
    @Option(names = {"-t", "--threads"}, paramLabel = "T",
        description = "Worker threads (default: ${DEFAULT-VALUE}); outputs other than timings"
            + " do not depend on it.")
    int value;

    /** As many workers as processors. */
    Threads() {
      this(EngineSupport.defaultThreads());
    }

    /** Another default (the negotiation model, whose turns are short, works on one). */
    Threads(int defaultValue) {
      this.value = defaultValue;
    }

    int value() {
      return value;
    }
  }

  /** {@code -p, --policy NAME}: policy overlays applied to the scenario, in order. */
  static final class Policies {
    @Option(names = {"-p", "--policy"}, paramLabel = "NAME",
        description = "Apply this policy of the scenario (repeatable; applied in order).")
    List<String> names = new ArrayList<>();

    List<String> names() {
      return names;
    }
  }

  /** {@code -p, --policy NAME}: policies compared, each in its own arm, with the baseline. */
  static final class PolicyArms {
    @Option(names = {"-p", "--policy"}, paramLabel = "NAME",
        description = "A policy of the scenario to compare, in its own arm (repeatable).")
    List<String> names = new ArrayList<>();

    List<String> names() {
      return names;
    }
  }

  /**
   * {@code --param NAME=VALUE}: a model parameter of the catalogue set for this command only, on
   * top of the scenario's {@code parameters:} section (repeatable; a later value wins).
   */
  static final class Params {
    @Option(names = "--param", paramLabel = "NAME=VALUE",
        description = "Set a model parameter of the catalogue (docs/model.md section 7 lists"
            + " them with their ranges) to a value inside its range, for this command, over the"
            + " scenario's own value (repeatable).")
    List<String> specs = new ArrayList<>();

    /**
     * The overrides in the order given, names and values checked against the catalogue (a
     * known name, a finite value inside its range).
     */
    List<org.detente.scenario.Parameter> overrides() {
      java.util.Map<String, org.detente.scenario.Parameter> byName =
          new java.util.LinkedHashMap<>();
      for (String spec : specs) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
          throw new org.detente.UsageException(org.detente.Message.OPTION_VALUE, "--param", spec,
              "expected NAME=VALUE");
        }
        String name = spec.substring(0, eq).trim();
        var def = org.detente.model.ParameterCatalog.byName(name);
        if (def == null) {
          throw new org.detente.UsageException(org.detente.Message.UNKNOWN_NAME,
              "model parameter", name,
              String.join(", ", org.detente.model.ParameterCatalog.names()));
        }
        double v;
        try {
          v = Double.parseDouble(spec.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
          v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
          throw new org.detente.UsageException(org.detente.Message.OPTION_VALUE, "--param", spec,
              "expected a finite number after '='");
        }
        if (v < def.low() || v > def.high()) {
          // as a scenario's own parameter must lie in the range it declares
          throw new org.detente.UsageException(org.detente.Message.OPTION_VALUE, "--param", spec,
              "value " + v + " is outside the catalogue's range [" + def.low() + ", "
                  + def.high() + "] (docs/model.md section 7)");
        }
        byName.remove(name);
        byName.put(name, new org.detente.scenario.Parameter(name, v, def.low(), def.high(),
            org.detente.scenario.Parameter.COMMAND_LINE));
      }
      return List.copyOf(byName.values());
    }

    /** The options that set the same values again, e.g. in a replay command; "" if none. */
    String replayArgs() {
      StringBuilder b = new StringBuilder();
      for (org.detente.scenario.Parameter p : overrides()) {
        b.append(" --param ").append(p.name()).append('=').append(p.value());
      }
      return b.toString();
    }

    /** The scenario with the overrides applied. */
    org.detente.scenario.Scenario apply(org.detente.scenario.Scenario sc) {
      List<org.detente.scenario.Parameter> o = overrides();
      return o.isEmpty() ? sc : sc.withParameterOverrides(o);
    }
  }

  /** {@code -j, --json}: one JSON object on standard output instead of tables. */
  static final class Json {
    @Option(names = {"-j", "--json"},
        description = "Print one JSON object on standard output instead of text.")
    boolean value;

    boolean value() {
      return value;
    }
  }

  /** {@code -q, --quiet} and {@code --progress}: whether a progress bar goes to standard error. */
  static final class ProgressFlags {
    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--progress",
        description = "Show the progress bar on standard error even when it is not a terminal"
            + " (--quiet wins).")
    boolean forced;

    boolean quiet() {
      return quiet;
    }

    boolean forced() {
      return forced;
    }
  }
}
