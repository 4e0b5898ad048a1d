package org.detente.scenario;

/**
 * An exogenous event scripted at a given step.
 *
 * @param id          short id (policies may remove it)
 * @param week        step at which it happens (0 = {@link Meta#asOf()})
 * @param actor       acting actor id
 * @param target      target actor id, or null
 * @param action      action id from the engine's action catalogue (e.g. {@code insult})
 * @param theater     theater id, or null
 * @param description what happened
 * @param source      citation
 */
public record ScriptedEvent(
    String id,
    int week,
    String actor,
    String target,
    String action,
    String theater,
    String description,
    String source) {}
