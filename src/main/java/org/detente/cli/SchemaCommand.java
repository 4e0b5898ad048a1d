package org.detente.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.detente.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code detente schema}: prints the JSON Schema of the scenario format. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema (draft 2020-12) of the scenario format. " +
      "Save it and point your editor at it, e.g. with the comment " +
      "'# yaml-language-server: $schema=scenario.schema.json' at the top of a scenario file."
    })
public final class SchemaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the schema to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    String text = ScenarioSchema.text();
    if (output == null) {
      spec.commandLine().getOut().println(text);
      spec.commandLine().getOut().flush();
      return 0;
    }
    OutputFiles.write(output, text + System.lineSeparator());
    spec.commandLine().getOut().println("wrote " + output);
    return 0;
  }
}
