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
