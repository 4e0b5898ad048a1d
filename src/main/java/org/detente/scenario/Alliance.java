package org.detente.scenario;

import java.util.List;

/**
 * A collective-defence commitment.
 *
 * @param id      short id (e.g. {@code NATO-5})
 * @param name    display name
 * @param members members with the credibility of each one's commitment
 */
public record Alliance(String id, String name, List<AllianceMember> members) {

  public Alliance {
    members = List.copyOf(members);
  }
}
