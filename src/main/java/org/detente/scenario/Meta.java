package org.detente.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * Scenario identification and clock.
 *
 * @param id              short identifier (lower-case, dashes)
 * @param title           human title
 * @param description     free text
 * @param source          citation of the material the scenario encodes
 * @param asOf            the date of week 0
 * @param stepDays        length of one simulation step in days (YAML {@code timeStep: 1 week})
 * @param horizonSteps    number of steps simulated (YAML {@code horizon: 104 weeks})
 * @param appliedPolicies ids of the policy overlays applied by the loader, in order
 */
public record Meta(
    String id,
    String title,
    String description,
    String source,
    LocalDate asOf,
    int stepDays,
    int horizonSteps,
    List<String> appliedPolicies) {

  public Meta {
    appliedPolicies = List.copyOf(appliedPolicies);
  }
}
