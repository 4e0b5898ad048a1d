package org.detente.web;

import java.util.List;
import java.util.function.BiConsumer;

/** What the web application asks of the command line: to run one of its commands. */
public interface Backend {

  /**
   * A finished command.
   *
   * @param code its exit code (0 success, 1 invalid input, 2 usage error)
   * @param out what it printed on standard output
   * @param err what it printed on standard error
   */
  record Outcome(int code, String out, String err) {}

  /**
   * Runs {@code detente ARGS} in this process and waits for it.
   *
   * @param progress receives (units done, units in all) while it runs, or null
   */
  Outcome command(List<String> args, BiConsumer<Long, Long> progress);

  /** The program's version. */
  String version();
}
