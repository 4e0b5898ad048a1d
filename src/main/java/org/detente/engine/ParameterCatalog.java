package org.detente.engine;

import java.util.List;

/**
 * The catalogue of model constants a scenario may override. The loader rejects any other name.
 * docs/model.md explains each one.
 */
public final class ParameterCatalog {

  private static final List<ParameterSpec> SPECS =
      List.of(
          new ParameterSpec(
              "qreLambda", 4.0, 1.0, 10.0, "1/utility",
              "Precision of the logit quantal response (higher = closer to best response)",
              "McKelvey & Palfrey 1995; documented judgement"),
          new ParameterSpec(
              "incidentRate", 0.02, 0.005, 0.08, "1/week",
              "Base weekly rate of incidents between hostile actors with forces in contact",
              "documented judgement"),
          new ParameterSpec(
              "noiseOpen", 0.05, 0.01, 0.2, "1",
              "Observation noise of an open channel", "documented judgement"),
          new ParameterSpec(
              "noiseDegraded", 0.2, 0.05, 0.4, "1",
              "Observation noise of a degraded channel", "documented judgement"),
          new ParameterSpec(
              "noiseSevered", 0.4, 0.2, 0.6, "1",
              "Observation noise of a severed channel", "documented judgement"));

  private ParameterCatalog() {}

  /** All parameters in catalogue order. */
  public static List<ParameterSpec> all() {
    return SPECS;
  }

  /** The parameter with this name, or null. */
  public static ParameterSpec byName(String name) {
    for (ParameterSpec s : SPECS) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Names in catalogue order. */
  public static List<String> names() {
    return SPECS.stream().map(ParameterSpec::name).toList();
  }
}
