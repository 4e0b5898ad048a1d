package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code compare} command (issue 6); replaced by its implementation. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class CompareCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'compare' is not available yet", 1);
  }
}
