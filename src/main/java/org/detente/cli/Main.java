package org.detente.cli;

import java.io.PrintWriter;
import org.detente.DetenteException;
import org.detente.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code detente} command line. */
@Command(
    name = "detente",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Detente: a strategic crisis simulator and forecasting engine.",
      "",
      "Describe a crisis in a scenario file; Detente estimates how likely each outcome is, what"
          + " it would cost in lives, and how a policy changes the odds.",
      ""
    },
    subcommands = {
      ValidateCommand.class,
      SchemaCommand.class,
      RunCommand.class,
      MergeCommand.class,
      BacktestCommand.class,
      CalibrateCommand.class,
      ExplainCommand.class,
      CompareCommand.class,
      SensitivityCommand.class,
      HypothesesCommand.class,
      ReportCommand.class,
      EffectsCommand.class,
      BargainCommand.class,
      EventsCommand.class,
      DbCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One-line summaries shown in the command list of {@code detente --help}. */
  private static final String[][] SUMMARIES = {
    {"validate", "Check scenario files; every problem as FILE:LINE:COLUMN: field: message."},
    {"schema", "Print the JSON Schema of the scenario format (for editors)."},
    {"run", "Run a Monte Carlo ensemble: outcome probabilities, questions, casualties."},
    {"merge", "Merge parts of an ensemble (run --first-run K --out) into the whole's summary."},
    {"explain", "Replay one run of an ensemble as a dated timeline with reasons."},
    {"compare", "Compare policies over common random numbers: paired differences."},
    {"sensitivity", "Rank uncertain parameters by influence (Morris, Sobol)."},
    {"hypotheses", "Posterior over motive hypotheses given evidence (ACH table)."},
    {"report", "Write a self-contained offline HTML report with charts and a map."},
    {"effects", "Effects and casualties of a nuclear detonation (Glasstone & Dolan)."},
    {"bargain", "Forecast a negotiation with the expected-utility model (KTAB SMP)."},
    {"events", "Event data in: import GDELT/ICEWS/PLOVER, evidence, observed vs simulated."},
    {"db", "The results store: list, show, query (SQL), export (Parquet), replay."},
    {"serve", "Serve the web application: editor, live ensembles, results, effects map."},
    {"bench", "Measure speed of the engine, the effects model and the negotiation model."}
  };

  /** Builds the configured command line (used by tests too). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // choices are enums: picocli lists the candidates in help and errors, in any case
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    for (String[] s : SUMMARIES) {
      CommandLine sub = cl.getSubcommands().get(s[0]);
      if (sub != null) {
        sub.getCommandSpec().usageMessage().header(s[1]);
      }
    }
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof DetenteException de) {
            err.println("detente: " + de.getMessage());
            err.flush();
            return exitCode(de);
          }
          if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
            err.println("detente: I/O error: " + ex.getMessage());
            err.flush();
            return 1;
          }
          err.println("detente: internal error: " + ex);
          err.println("Please report it with the command line and input file.");
          err.flush();
          return 3;
        });
    return cl;
  }

  /**
   * Runs {@code args} on {@code cl}, then checks that what the command printed reached its
   * destination: a failed write to standard output (a full disk, a closed pipe, a device that
   * refuses data) is an error, exit code 1, even if the command itself succeeded.
   */
  static int execute(CommandLine cl, String... args) {
    int code = cl.execute(args);
    PrintWriter out = cl.getOut();
    // PrintWriter and PrintStream swallow I/O errors; checkError flushes and reports them.
    // picocli's default writer wraps System.out, a PrintStream with its own error flag.
    boolean failed = out.checkError() | System.out.checkError();
    if (failed) {
      PrintWriter err = cl.getErr();
      err.println("detente: cannot write to standard output"
          + " (disk full, closed pipe or device error); the output is incomplete");
      err.flush();
      return code == 0 ? 1 : code;
    }
    return code;
  }

  /** Exit status of a user-facing error: 2 for a usage error, 1 for invalid input. */
  static int exitCode(DetenteException e) {
    return e instanceof UsageException ? 2 : 1;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(commandLine(), args));
  }
}
