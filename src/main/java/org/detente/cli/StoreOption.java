package org.detente.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.store.ResultStore;
import picocli.CommandLine.Option;

/**
 * {@code --db [FILE]}: keep the result in a DuckDB results store (docs/store.md). Without FILE
 * (the option last, or before another option, or as {@code --db=}), the default database under
 * the user's data folder. The store's classes load only when the option is given.
 */
final class StoreOption {

  @Option(names = "--db", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
      description = "Keep the result (inputs, every run, events, summary) in this DuckDB"
          + " database, created if needed; without FILE, the default"
          + " $XDG_DATA_HOME/detente/results.duckdb (~/.local/share/detente/results.duckdb)."
          + " Query it with `detente db`.")
  String value;

  /** Whether the result is to be stored. */
  boolean on() {
    return value != null;
  }

  /** The database file (the default one for {@code --db} alone). */
  Path file() {
    return resolve(value);
  }

  /** The database named by an option value: empty for the default; a scenario is refused. */
  static Path resolve(String value) {
    if (value == null || value.isEmpty()) {
      return ResultStore.defaultFile();
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      throw new UsageException(Message.OPTION_VALUE, "--db", value,
          "a database file, not a scenario (put --db FILE after the scenario, or --db last"
              + " for the default database)");
    }
    return Path.of(value);
  }
}
