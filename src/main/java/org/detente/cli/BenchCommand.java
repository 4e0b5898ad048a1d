package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code bench} command (issue 3); replaced by its implementation. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'bench' is not available yet", 1);
  }
}
