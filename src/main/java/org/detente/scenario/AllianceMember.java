package org.detente.scenario;

/**
 * One member of an alliance.
 *
 * @param actor       member actor id
 * @param credibility probability (0–1) that it intervenes when another member is attacked
 */
public record AllianceMember(String actor, double credibility) {}
