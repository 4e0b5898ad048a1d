package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for {@code bench effects} (issue 4); replaced by its implementation. */
@Command(name = "effects", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class BenchEffectsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'bench effects' is not available yet", 1);
  }
}
