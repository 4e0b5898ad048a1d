package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for {@code bench bargain} (issue 5); replaced by its implementation. */
@Command(name = "bargain", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class BenchBargainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'bench bargain' is not available yet", 1);
  }
}
