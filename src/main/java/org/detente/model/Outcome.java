package org.detente.model;

/** The five outcome classes of a run. */
public enum Outcome {
  SETTLEMENT("settlement"),
  FROZEN("frozen"),
  CONVENTIONAL_WAR("conventional_war"),
  LIMITED_NUCLEAR("limited_nuclear"),
  STRATEGIC_NUCLEAR("strategic_nuclear");

  private final String id;

  Outcome(String id) {
    this.id = id;
  }

  /** Name used in files and JSON. */
  public String id() {
    return id;
  }

  /** The outcome with this id, or null. */
  public static Outcome byId(String id) {
    for (Outcome o : values()) {
      if (o.id.equals(id)) {
        return o;
      }
    }
    return null;
  }
}
