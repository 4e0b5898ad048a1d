package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code run} command (issue 3); replaced by its implementation. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'run' is not available yet", 1);
  }
}
