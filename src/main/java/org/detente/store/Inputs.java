package org.detente.store;

import java.util.List;
import java.util.Map;

/**
 * The exact inputs of a stored result, enough to replay it: the command, the scenario's text (as
 * read from its file) and id, the policies, the command's options as given (without the ones
 * that only choose where or how output is shown), the seed, the number of runs, the program's
 * version, and the text of every other input file by the option that named it.
 *
 * @param command the command that computed the result ({@code run}, {@code compare}, ...)
 * @param scenarioId the scenario's id, or null when the command reads no scenario
 * @param scenarioName the scenario file's name (without folders), or null
 * @param scenarioText the scenario file's text, or null
 * @param policies the policies named on the command line, in order
 * @param options the options as given, each name followed by its value if it takes one
 * @param seed the master seed
 * @param runs runs per ensemble (per arm, hypothesis or crisis)
 * @param version the program's version
 * @param files other input files: the option that named it, then the file's text
 */
public record Inputs(String command, String scenarioId, String scenarioName,
    String scenarioText, List<String> policies, List<String> options, long seed, long runs,
    String version, Map<String, String> files) {

  /** Copies the lists and the map. */
  public Inputs {
    policies = List.copyOf(policies);
    options = List.copyOf(options);
    files = Map.copyOf(files);
  }
}
