package org.detente.engine;

import org.detente.model.ParameterCatalog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.scenario.Parameter;
import org.detente.scenario.Scenario;

/**
 * Values of every catalogue constant ({@link ParameterCatalog}) for one ensemble. Immutable;
 * {@link #with} returns a modified copy.
 */
public final class ModelParameters {

  private final double[] values;

  private ModelParameters(double[] values) {
    this.values = values;
  }

  /** Catalogue defaults. */
  public static ModelParameters defaults() {
    double[] v = new double[ParameterCatalog.all().size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ParameterCatalog.all().get(i).defaultValue();
    }
    return new ModelParameters(v);
  }

  /** Catalogue defaults overridden by the scenario's {@code parameters:} section. */
  public static ModelParameters from(Scenario scenario) {
    ModelParameters p = defaults();
    for (Parameter sp : scenario.parameters()) {
      p = p.with(sp.name(), sp.value());
    }
    return p;
  }

  /** A copy with one parameter changed. */
  public ModelParameters with(String name, double value) {
    int i = ParameterCatalog.indexOf(name);
    if (i < 0) {
      throw new InvalidInputException(Message.UNKNOWN_NAME, "model parameter", name,
          String.join(", ", ParameterCatalog.names()));
    }
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(Message.NOT_FINITE, "parameter '" + name + "'");
    }
    double[] v = values.clone();
    v[i] = value;
    return new ModelParameters(v);
  }

  /** Value of a parameter by name. */
  public double get(String name) {
    int i = ParameterCatalog.indexOf(name);
    if (i < 0) {
      throw new InvalidInputException(Message.UNKNOWN, "model parameter", name);
    }
    return values[i];
  }

  /** Value of a parameter by its typed key. */
  double get(ModelConstants.Key key) {
    return values[key.index()];
  }

  /** All values by name, in catalogue order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(ParameterCatalog.all().get(i).name(), values[i]);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelParameters p && Arrays.equals(values, p.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
