package org.detente.scenario;

import java.util.List;

/**
 * A bargaining dimension on a 0–100 scale, as in the expected-utility negotiation model.
 *
 * @param id          short id
 * @param name        display name
 * @param description what 0 and 100 mean
 * @param positions   each actor's position, salience and capability on the issue
 * @param territory   the theater the issue is about and its holder at each end of the scale, or
 *                    null for an issue that is not about a theater
 */
public record Issue(String id, String name, String description, List<IssuePosition> positions,
    IssueTerritory territory) {

  public Issue {
    positions = List.copyOf(positions);
  }

  /** An issue that is not about a theater. */
  public Issue(String id, String name, String description, List<IssuePosition> positions) {
    this(id, name, description, positions, null);
  }
}
