package org.detente.analysis;

import java.util.List;
import org.detente.engine.RunSink;
import org.detente.engine.RunView;

/** Hands each run to several sinks, in order. */
public final class TeeSink implements RunSink {
  private final RunSink[] sinks;

  /** A sink that forwards to all of {@code sinks} (nulls are skipped). */
  public TeeSink(List<RunSink> sinks) {
    this.sinks = sinks.stream().filter(s -> s != null).toArray(RunSink[]::new);
  }

  /** Convenience constructor. */
  public static TeeSink of(RunSink... sinks) {
    return new TeeSink(java.util.Arrays.asList(sinks));
  }

  @Override
  public void accept(RunView run) {
    for (RunSink s : sinks) {
      s.accept(run);
    }
  }
}
