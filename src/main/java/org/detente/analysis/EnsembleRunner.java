package org.detente.analysis;

import org.detente.engine.RunSink;

/**
 * Runs one ensemble (a compiled model, a master seed, a number of runs) and hands every run to a
 * sink in run-index order. The command line implements it with the engine's ensemble; tests
 * implement it with synthetic runs.
 */
@FunctionalInterface
public interface EnsembleRunner {

  /** Runs the ensemble into {@code sink}. */
  void run(RunSink sink);
}
