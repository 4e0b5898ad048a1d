package org.detente.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (run by Maven after the tests compile, see pom.xml): writes the bash/zsh completion
 * script and the AsciiDoc sources of the man pages from the configured command line, so both
 * show the one-line summaries {@link Main#commandLine()} gives each command.
 */
public final class BuildDocs {

  private BuildDocs() {}

  /** {@code BuildDocs COMPLETION_FILE MAN_ADOC_DIR}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BuildDocs COMPLETION_FILE MAN_ADOC_DIR");
    }
    CommandLine cl = Main.commandLine();
    Path completion = Paths.get(args[0]);
    Files.createDirectories(completion.toAbsolutePath().getParent());
    AutoComplete.bash("detente", completion.toFile(), null, cl);
    File adoc = new File(args[1]);
    Files.createDirectories(adoc.toPath());
    int code = ManPageGenerator.generateManPage(adoc, null, new boolean[0], true,
        cl.getCommandSpec());
    if (code != 0) {
      throw new IllegalStateException("man page generation failed: " + code);
    }
  }
}
