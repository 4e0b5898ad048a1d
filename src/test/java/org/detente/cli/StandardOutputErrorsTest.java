package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A command whose standard output cannot be written fails, whatever the command. */
class StandardOutputErrorsTest {

  private static final String US = "scenarios/us-russia-2022.yaml";
  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";

  /** A destination that refuses every byte, as a full disk does. */
  private static final class FullDisk extends Writer {
    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void close() {}
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "schema",
      "run " + CUBA + " --runs 20 -q --json",
      "effects --yield 300kt --target Warsaw",
      "validate " + US,
      "bargain src/main/resources/data/ktab/SOE-Pol-Comp.csv"})
  void aFullDiskOnStandardOutputIsAnError(String line) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new FullDisk()));
    cl.setErr(new PrintWriter(err));
    int code = Main.execute(cl, line.split(" "));
    assertThat(code).as(line).isEqualTo(1);
    assertThat(err.toString()).contains("detente: cannot write to standard output");
  }

  @Test
  void schemaIntoDevFullExitsNonZeroWithAMessage() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists(), "/dev/full is Linux-only");
    CliProcess.Result r = CliProcess.run(full, "schema");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("detente: cannot write to standard output")
        .doesNotContain("Exception");
  }
}
