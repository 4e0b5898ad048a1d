package org.detente.engine;

import org.detente.model.Outcome;

/**
 * The rare event a splitting estimate is about: any nuclear use, a run that ends in limited
 * nuclear use, a strategic exchange, or a scenario question answered yes.
 */
public final class RareTarget {

  /** Kinds of target. */
  public enum Kind {
    /** Any nuclear use (rung 6 or above) during the run. */
    NUCLEAR_USE("nuclear_use"),
    /** The run ends with nuclear use short of a strategic exchange (the outcome). */
    LIMITED_NUCLEAR("limited_nuclear"),
    /** A strategic exchange (rung 8 or above). */
    STRATEGIC_NUCLEAR("strategic_nuclear"),
    /** A scenario question answered yes at the end of the run. */
    QUESTION("question");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The word the command line uses. */
    public String id() {
      return id;
    }
  }

  private final Kind kind;
  private final int question;
  private final String id;

  private RareTarget(Kind kind, int question, String id) {
    this.kind = kind;
    this.question = question;
    this.id = id;
  }

  /** Any nuclear use. */
  public static RareTarget nuclearUse() {
    return new RareTarget(Kind.NUCLEAR_USE, -1, Kind.NUCLEAR_USE.id());
  }

  /** The limited-nuclear outcome. */
  public static RareTarget limitedNuclear() {
    return new RareTarget(Kind.LIMITED_NUCLEAR, -1, Kind.LIMITED_NUCLEAR.id());
  }

  /** A strategic exchange. */
  public static RareTarget strategicNuclear() {
    return new RareTarget(Kind.STRATEGIC_NUCLEAR, -1, Kind.STRATEGIC_NUCLEAR.id());
  }

  /** Scenario question {@code q} (index), named {@code id}. */
  public static RareTarget question(int q, String id) {
    return new RareTarget(Kind.QUESTION, q, id);
  }

  /**
   * The target named {@code name} in a model: nuclear_use, limited_nuclear, strategic_nuclear
   * or a question id; null if none is.
   */
  public static RareTarget byName(CompiledModel m, String name) {
    for (Kind k : Kind.values()) {
      if (k != Kind.QUESTION && k.id().equals(name)) {
        return new RareTarget(k, -1, k.id());
      }
    }
    var qs = m.scenario().questions();
    for (int q = 0; q < qs.size(); q++) {
      if (qs.get(q).id().equals(name)) {
        return question(q, name);
      }
    }
    return null;
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** The target's name (the kind's word or the question id). */
  public String id() {
    return id;
  }

  /** Whether the event is known to have happened in this state (done: the run has ended). */
  boolean happened(RunState s, boolean done) {
    switch (kind) {
      case NUCLEAR_USE:
        return s.nuclearUsed;
      case STRATEGIC_NUCLEAR:
        return s.strategicUsed;
      case LIMITED_NUCLEAR:
        return done && s.outcome == Outcome.LIMITED_NUCLEAR;
      default:
        return done && s.answer[question];
    }
  }

  /** Whether a finished run view shows the event (for plain Monte Carlo). */
  public boolean happened(RunView r) {
    switch (kind) {
      case NUCLEAR_USE:
        return r.highestRung() >= 6;
      case STRATEGIC_NUCLEAR:
        return r.highestRung() >= 8;
      case LIMITED_NUCLEAR:
        return r.outcome() == Outcome.LIMITED_NUCLEAR;
      default:
        return r.question(question);
    }
  }
}
