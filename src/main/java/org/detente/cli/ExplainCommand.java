package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code explain} command (issue 3); replaced by its implementation. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class ExplainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'explain' is not available yet", 1);
  }
}
