package org.detente.scenario;

/**
 * A nuclear arsenal in two classes.
 *
 * @param strategicWarheads    deployed strategic warheads
 * @param strategicYieldKt     typical yield of a strategic warhead in kilotons
 * @param nonStrategicWarheads non-strategic (tactical) warheads available for use
 * @param nonStrategicYieldKt  typical yield of a non-strategic warhead in kilotons
 */
public record Arsenal(
    int strategicWarheads,
    double strategicYieldKt,
    int nonStrategicWarheads,
    double nonStrategicYieldKt) {

  /** No nuclear weapons. */
  public static final Arsenal NONE = new Arsenal(0, 0, 0, 0);

  /** Whether the actor has any nuclear weapon. */
  public boolean nuclear() {
    return strategicWarheads + nonStrategicWarheads > 0;
  }
}
