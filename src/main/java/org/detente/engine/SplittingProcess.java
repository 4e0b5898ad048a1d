package org.detente.engine;

/**
 * A stochastic process that multilevel splitting ({@link Splitting}) can drive: one current
 * trajectory, advanced one step at a time, saved into and restored from numbered snapshots, and
 * continued with a fresh random stream after a split. The simulator's weekly loop is one
 * ({@link EngineProcess}); a birth–death ladder with a closed-form hitting probability is another
 * (in the tests).
 */
interface SplittingProcess {

  /** Starts a fresh trajectory from its seed; nothing simulated yet. */
  void start(long seed);

  /** Makes snapshot {@code slot} a copy of the current trajectory. */
  void save(int slot);

  /** Makes the current trajectory a copy of snapshot {@code slot}. */
  void restore(int slot);

  /** The current trajectory continues with the stream of this seed from now on. */
  void reseed(long seed);

  /** Simulates one step of the current trajectory (nothing if it has ended). */
  void advance();

  /** Whether the current trajectory has ended (horizon or absorbing state). */
  boolean done();

  /** The importance function of the current state: larger means closer to the event. */
  int importance();

  /**
   * Whether the rare event is known to have happened on the current trajectory (for an event
   * decided at the end of a run, only once it has ended).
   */
  boolean event();

  /** The current step (week) of the trajectory. */
  int step();

  /**
   * Importance values at or above this are not used as levels (the event itself, or a state
   * that implies it); {@link Integer#MAX_VALUE} when no value implies the event.
   */
  int eventImportance();

  /**
   * Importance sampling from now on: with {@code target} &gt; 0 the current trajectory draws from
   * a tilted distribution that makes the event likelier (the engine: nuclear actions get
   * probability {@code target} in decisions where they had less) and its likelihood ratio
   * restarts at 1; 0 turns it off. The default does nothing.
   */
  default void tilt(double target) {}

  /** The likelihood ratio of the current trajectory since {@link #tilt} (1 without tilting). */
  default double weight() {
    return 1;
  }

  /** A short description of how the current trajectory reached the event, for grouping paths. */
  String describePath();

  /**
   * Groups of the draw at the start of a trajectory whose values the estimate may draw from a
   * proposal of its own ({@link Splitting}, "type sampling"): the engine's actors, whose private
   * types (resolve × motive) are drawn at week 0. 0 (the default): none.
   */
  default int typeGroups() {
    return 0;
  }

  /** Number of values of group {@code g}. */
  default int typeCount(int g) {
    return 1;
  }

  /** Probability of value {@code k} of group {@code g} in the model (its prior). */
  default double typePrior(int g, int k) {
    return k == 0 ? 1 : 0;
  }

  /** The value of group {@code g} in the current trajectory. */
  default int type(int g) {
    return 0;
  }

  /**
   * Gives group {@code g} the value {@code k} in the current trajectory, just after {@link
   * #start} (nothing simulated yet); the rest of the trajectory is drawn as before.
   */
  default void setType(int g, int k) {}

  /** A name for group {@code g}'s value {@code k}, for the estimate's tables. */
  default String typeLabel(int g, int k) {
    return g + "=" + k;
  }
}
