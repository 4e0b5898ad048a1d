package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code validate} command (issue 2); replaced by its implementation. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class ValidateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'validate' is not available yet", 1);
  }
}
