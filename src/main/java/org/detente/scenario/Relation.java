package org.detente.scenario;

/**
 * The relation between an unordered pair of actors.
 *
 * @param a         first actor id
 * @param b         second actor id
 * @param channel   diplomatic channel at week 0
 * @param hostility 0 (friendly) .. 1 (at war)
 * @param rhetoric  public rhetoric level 0 (courteous) .. 1 (leaders insult each other)
 * @param mediator  id of an actor that may mediate between them, or null
 */
public record Relation(
    String a, String b, Channel channel, double hostility, double rhetoric, String mediator) {}
