package org.detente.scenario;

/**
 * One problem found in a scenario file.
 *
 * @param file    the file as named by the user
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when the problem concerns the whole file
 * @param path    field path inside the scenario, e.g. {@code actors[RUS].motives[0].prior}, or
 *                empty when the problem concerns no particular field
 * @param message what is wrong and what was expected
 */
public record Problem(String file, int line, int column, String path, String message) {

  /** {@code FILE:LINE:COLUMN: field.path: message} (position and path left out when unknown). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(Math.max(column, 1));
    }
    sb.append(": ");
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(message).toString();
  }
}
