package org.detente.scenario;

/**
 * A model constant overridden by the scenario, with its uncertainty for sensitivity analysis.
 *
 * @param name   parameter name from the engine's parameter catalogue
 * @param value  value used in runs
 * @param low    lower end of the plausible range
 * @param high   upper end of the plausible range
 * @param source where the value and range come from ({@value #COMMAND_LINE} for a value set
 *     on the command line)
 */
public record Parameter(String name, double value, double low, double high, String source) {

  /** The source of a value set on the command line ({@code --param}): fixed, not a factor. */
  public static final String COMMAND_LINE = "--param";

  /** Whether the value was set on the command line, which fixes it in sensitivity analyses. */
  public boolean fromCommandLine() {
    return COMMAND_LINE.equals(source);
  }
}
