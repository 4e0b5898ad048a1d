package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for {@code bench engine} (issue 3); replaced by its implementation. */
@Command(name = "engine", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class BenchEngineCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'bench engine' is not available yet", 1);
  }
}
