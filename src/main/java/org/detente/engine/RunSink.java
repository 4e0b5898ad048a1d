package org.detente.engine;

/**
 * Receives finished runs. The ensemble calls {@link #accept} from one thread, in run-index order,
 * so aggregates are identical whatever the number of worker threads.
 */
@FunctionalInterface
public interface RunSink {

  /** Consumes one finished run; the view is only valid during the call. */
  void accept(RunView run);
}
