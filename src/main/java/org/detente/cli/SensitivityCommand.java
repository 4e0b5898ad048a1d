package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code sensitivity} command (issue 6); replaced by its implementation. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class SensitivityCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'sensitivity' is not available yet", 1);
  }
}
