package org.detente.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code detente events}: event data in (import, evidence, compare). */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Read real event data (GDELT 1.0 and 2.0, ICEWS, PLOVER) as weekly series per directed"
          + " dyad, turn them into evidence for 'hypotheses', and set a scenario's simulated"
          + " event mix against the observed one (docs/events.md)."
    },
    subcommands = {EventsImportCommand.class, EventsEvidenceCommand.class,
        EventsCompareCommand.class})
public final class EventsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
