package org.detente.scenario;

/**
 * The value an actor places on controlling a theater.
 *
 * @param theater theater id
 * @param value   0–1
 */
public record TheaterStake(String theater, double value) {}
