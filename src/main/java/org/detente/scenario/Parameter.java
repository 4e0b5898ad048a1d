package org.detente.scenario;

/**
 * A model constant overridden by the scenario, with its uncertainty for sensitivity analysis.
 *
 * @param name   parameter name from the engine's parameter catalogue
 * @param value  value used in runs
 * @param low    lower end of the plausible range
 * @param high   upper end of the plausible range
 * @param source where the value and range come from
 */
public record Parameter(String name, double value, double low, double high, String source) {}
