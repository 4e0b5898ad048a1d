package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code hypotheses} command (issue 6); replaced by its implementation. */
@Command(name = "hypotheses", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class HypothesesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'hypotheses' is not available yet", 1);
  }
}
