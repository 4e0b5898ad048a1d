package org.detente.model;

/**
 * One model constant: its default, plausible range and the source of both.
 *
 * @param name         name used in scenario files ({@code parameters:}) and sensitivity analysis
 * @param defaultValue value used when the scenario does not override it
 * @param low          lower end of the plausible range
 * @param high         upper end of the plausible range
 * @param unit         unit, or "1" for a dimensionless number
 * @param description  what the constant does
 * @param source       study, data set or documented judgement behind the value
 */
public record ParameterSpec(
    String name,
    double defaultValue,
    double low,
    double high,
    String unit,
    String description,
    String source) {}
