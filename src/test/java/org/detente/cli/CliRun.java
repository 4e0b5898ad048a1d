package org.detente.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process with captured standard output and error (tests only). */
final class CliRun {

  /** Exit code and captured output of one command. */
  record Result(int code, String out, String err) {}

  private CliRun() {}

  /** Executes {@code detente ARGS} and returns its exit code and output. */
  static Result exec(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = Main.execute(cl, args);
    return new Result(code, out.toString(), err.toString());
  }
}
