package org.detente.scenario;

/**
 * The theater a territorial issue is about: who holds it at each end of the issue's scale. The
 * no-deal status quo of the issue is where the holder of the theater stands (0 when {@code at0}
 * or an ally of it holds it, 100 for {@code at100}), and a deal on the issue assigns the theater
 * (below 50 to {@code at0}, above 50 to {@code at100}).
 *
 * @param theater theater id
 * @param at0     the actor that holds the theater at position 0
 * @param at100   the actor that holds it at position 100
 */
public record IssueTerritory(String theater, String at0, String at100) {}
