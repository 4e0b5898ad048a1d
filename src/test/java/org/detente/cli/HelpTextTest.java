package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
    PrintStream oldErr = System.err;
    for (List<String> path : paths) {
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      System.setErr(new PrintStream(stderr));
      CliRun.Result r;
      try {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        r = CliRun.exec(args.toArray(String[]::new));
      } finally {
        System.setErr(oldErr);
      }
      int code = r.code();
      assertThat(code).as("exit code of %s --help", path).isZero();
      assertThat(r.out()).as("help of %s", path).contains("Usage: detente");
      assertThat(r.err() + stderr).as("warnings for %s", path).doesNotContain("WARN");
      // descriptions wrap as paragraphs: no line inside a paragraph holds a single word (the
      // mark of a description line longer than the help width)
      List<String> lines = r.out().lines().toList();
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
    CliRun.Result version = CliRun.exec("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("detente ");
    CliRun.Result usage = CliRun.exec("run", "--no-such-option");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).contains("Usage: detente run").doesNotContain("Exception");
  }
}
