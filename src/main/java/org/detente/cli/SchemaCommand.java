package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code schema} command (issue 2); replaced by its implementation. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class SchemaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'schema' is not available yet", 1);
  }
}
