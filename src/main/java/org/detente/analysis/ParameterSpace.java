package org.detente.analysis;

import java.util.List;

/**
 * The uncertain inputs of a sensitivity analysis: named factors, each uniform on [low, high].
 * Samplers work on the unit cube and map points here with {@link #toPhysical}.
 *
 * @param names factor names
 * @param low   lower ends
 * @param high  upper ends
 */
public record ParameterSpace(List<String> names, double[] low, double[] high) {

  public ParameterSpace {
    names = List.copyOf(names);
    low = low.clone();
    high = high.clone();
    if (low.length != names.size() || high.length != names.size()) {
      throw new IllegalArgumentException("names, low and high differ in length");
    }
    for (int i = 0; i < low.length; i++) {
      if (!(high[i] >= low[i])) {
        throw new IllegalArgumentException("factor " + names.get(i) + ": high < low");
      }
    }
  }

  /** Number of factors. */
  public int size() {
    return names.size();
  }

  /** Maps a point of the unit cube to factor values. */
  public double[] toPhysical(double[] unit) {
    double[] x = new double[unit.length];
    for (int i = 0; i < unit.length; i++) {
      x[i] = low[i] + unit[i] * (high[i] - low[i]);
    }
    return x;
  }
}
