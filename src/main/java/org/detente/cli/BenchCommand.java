package org.detente.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Benchmarks that print their figures: the engine, the effects model, the negotiation model,
 * the event import, the result store, the rare-event estimate against plain runs.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure speed: runs per second, casualty estimates per second, negotiation time,"
        + " event rows imported per second, rows stored per second, rare-event estimates against"
        + " plain runs.",
    subcommands = {BenchEngineCommand.class, BenchEffectsCommand.class, BenchBargainCommand.class,
        BenchEventsCommand.class, BenchStoreCommand.class, BenchRareCommand.class})
public final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
