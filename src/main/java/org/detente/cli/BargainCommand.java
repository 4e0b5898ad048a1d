package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code bargain} command (issue 5); replaced by its implementation. */
@Command(name = "bargain", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class BargainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'bargain' is not available yet", 1);
  }
}
