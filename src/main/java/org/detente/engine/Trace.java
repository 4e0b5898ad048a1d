package org.detente.engine;

/**
 * The simulator's link to an installed {@link Tracer}, shared by its steps: they narrate only
 * when one is installed, so ensembles pay nothing for it.
 */
final class Trace {

  private Tracer tracer;

  void set(Tracer t) {
    tracer = t;
  }

  /** Whether a tracer is installed. */
  boolean on() {
    return tracer != null;
  }

  /** The installed tracer (only when {@link #on}). */
  Tracer tracer() {
    return tracer;
  }

  /** A note in week {@code week}, if a tracer is installed. */
  void note(int week, String text) {
    if (tracer != null) {
      tracer.note(week, text);
    }
  }
}
