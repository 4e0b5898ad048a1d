package org.detente.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code detente} as a separate Java process on the test class path (tests only). */
final class CliProcess {

  /** Exit code and standard error of a finished process. */
  record Result(int code, String err) {}

  private CliProcess() {}

  /** A process builder for {@code detente ARGS}, not yet started. */
  static ProcessBuilder builder(String... args) {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  /** Runs {@code detente ARGS} with standard output sent to {@code stdout} and waits. */
  static Result run(File stdout, String... args) throws IOException, InterruptedException {
    Process p = builder(args).redirectOutput(stdout).start();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("detente did not finish: " + List.of(args));
    }
    return new Result(p.exitValue(), new String(err, StandardCharsets.UTF_8));
  }

  /** Sends SIGINT (what Ctrl-C sends) to a running process. */
  static void interrupt(Process p) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
    kill.waitFor(10, TimeUnit.SECONDS);
  }
}
