package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand prints its help cleanly: exit 0, no formatting warnings. */
class HelpTextTest {

  private static void collect(CommandLine cl, List<List<String>> paths, List<String> prefix) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> p = new ArrayList<>(prefix);
      p.add(e.getKey());
      paths.add(p);
      collect(e.getValue(), paths, p);
    }
  }

  @Test
  void everyCommandHasCleanHelp() {
    List<List<String>> paths = new ArrayList<>();
    paths.add(List.of());
    collect(Main.commandLine(), paths, List.of());
    assertThat(paths).hasSizeGreaterThanOrEqualTo(14);
    java.io.PrintStream oldErr = System.err;
    for (List<String> path : paths) {
      CommandLine cl = Main.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
      System.setErr(new java.io.PrintStream(stderr));
      int code;
      try {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        code = cl.execute(args.toArray(String[]::new));
      } finally {
        System.setErr(oldErr);
      }
      assertThat(code).as("exit code of %s --help", path).isZero();
      assertThat(out.toString()).as("help of %s", path).contains("Usage: detente");
      assertThat(err.toString() + stderr).as("warnings for %s", path).doesNotContain("WARN");
      // descriptions wrap as paragraphs: no line inside a paragraph holds a single word (the
      // mark of a description line longer than the help width)
      List<String> lines = out.toString().lines().toList();
      List<String> orphans = new ArrayList<>();
      for (int i = 0; i + 1 < lines.size(); i++) {
        String next = lines.get(i + 1);
        if (lines.get(i).matches("\\S+") && !next.isEmpty() && !next.startsWith(" ")) {
          orphans.add(lines.get(i));
        }
      }
      assertThat(orphans).as("single-word lines in the help of %s", path).isEmpty();
    }
  }

  @Test
  void versionAndUsageErrors() {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("detente ");
    CommandLine cl2 = Main.commandLine();
    cl2.setOut(new PrintWriter(new StringWriter()));
    StringWriter err = new StringWriter();
    cl2.setErr(new PrintWriter(err));
    assertThat(cl2.execute("run", "--no-such-option")).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: detente run").doesNotContain("Exception");
  }
}
