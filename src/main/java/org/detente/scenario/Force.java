package org.detente.scenario;

/**
 * Conventional forces of one actor in one theater.
 *
 * @param theater        theater id
 * @param troopsThousands ground and supporting personnel in thousands (YAML {@code troops: 190k})
 * @param effectiveness  per-soldier combat effectiveness relative to a baseline of 1.0
 *                       (training, equipment, air support)
 */
public record Force(String theater, double troopsThousands, double effectiveness) {}
