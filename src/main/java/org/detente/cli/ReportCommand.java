package org.detente.cli;

import java.util.concurrent.Callable;
import org.detente.DetenteException;
import picocli.CommandLine.Command;

/** Placeholder for the {@code report} command (issue 6); replaced by its implementation. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new DetenteException("'report' is not available yet", 1);
  }
}
