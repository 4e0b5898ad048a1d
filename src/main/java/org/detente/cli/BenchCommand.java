package org.detente.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks that print their figures: the engine, the effects model, the negotiation model. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure speed: runs per second, casualty estimates per second, negotiation time,"
        + " event rows imported per second.",
    subcommands = {BenchEngineCommand.class, BenchEffectsCommand.class, BenchBargainCommand.class,
        BenchEventsCommand.class, BenchStoreCommand.class})
public final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
