package org.detente.scenario;

/**
 * The limits a scenario must keep (stated in docs/scenario-reference.md). {@code validate}
 * enforces them, so that a file it accepts can also be run: a run's state grows with the square
 * of the number of actors, and its time with the horizon.
 */
public final class Limits {

  /** Largest scenario file, bytes. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;
  /** Deepest nesting of lists and mappings in a YAML input. */
  public static final int MAX_DEPTH = 40;
  /** Longest horizon, time steps. */
  public static final int MAX_STEPS = 100_000;
  /**
   * Most actors in a scenario. Each simulated run keeps about 40 numbers per pair of actors
   * (hostility, beliefs, motives...), 13 MB per thread at 200 actors; 2,000 actors would need
   * 1.3 GB per thread.
   */
  public static final int MAX_ACTORS = 200;

  private Limits() {}
}
