package org.detente.analysis;

import java.util.List;
import org.detente.scenario.Channel;

/**
 * One piece of evidence: an event that was observed, or one that was not (a non-event), in a
 * week window of the scenario's clock (week 0 = the scenario's as-of date).
 *
 * <p>A run is consistent with an event item when its log holds at least one event matching
 * every given field in the window, and with a non-event item when it holds none. Empty lists
 * match anything.
 *
 * @param id          short id
 * @param description what was (or was not) observed
 * @param source      citation (publication, date)
 * @param occurred    true for an observed event, false for a non-event
 * @param actors      acting actor ids (any of), empty = any actor
 * @param actions     action ids (any of); at least one
 * @param targets     target actor ids (any of), empty = any target
 * @param theaters    theater ids (any of), empty = any theater
 * @param fromWeek    first week of the window (inclusive)
 * @param toWeek      last week of the window (inclusive)
 * @param line        line of the item in its file (for messages)
 * @param channel     for break-relations and restore-relations items, the state the event must
 *                    leave the pair's channel in (open, degraded or severed) to match, or null
 *                    for any: {@code break-relations} is one step down the channel's ladder
 *                    (open, degraded, severed), so "relations broken off" is a break-relations
 *                    event that leaves the channel severed
 */
public record EvidenceItem(
    String id,
    String description,
    String source,
    boolean occurred,
    List<String> actors,
    List<String> actions,
    List<String> targets,
    List<String> theaters,
    int fromWeek,
    int toWeek,
    int line,
    Channel channel) {

  public EvidenceItem {
    actors = List.copyOf(actors);
    actions = List.copyOf(actions);
    targets = List.copyOf(targets);
    theaters = List.copyOf(theaters);
  }

  /** An item that matches its events whatever they do to the channel. */
  public EvidenceItem(String id, String description, String source, boolean occurred,
      List<String> actors, List<String> actions, List<String> targets, List<String> theaters,
      int fromWeek, int toWeek, int line) {
    this(id, description, source, occurred, actors, actions, targets, theaters, fromWeek, toWeek,
        line, null);
  }
}
