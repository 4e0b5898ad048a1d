package org.detente.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nuclear warhead inventories by state and year (bundled nuclear_inventories.csv, with its
 * sources): linear between tabulated years, none before a state's first row, the last value
 * after its last row.
 */
public final class NuclearInventories {

  private final Map<Integer, List<double[]>> rows;

  private NuclearInventories(Map<Integer, List<double[]>> rows) {
    this.rows = rows;
  }

  static NuclearInventories parse(List<String[]> csv) {
    Map<Integer, List<double[]>> m = new TreeMap<>();
    for (String[] r : csv) {
      m.computeIfAbsent(Integer.parseInt(r[0].trim()), k -> new ArrayList<>())
          .add(new double[] {Integer.parseInt(r[1].trim()), Double.parseDouble(r[2].trim()),
              Double.parseDouble(r[3].trim())});
    }
    for (List<double[]> l : m.values()) {
      l.sort((a, b) -> Double.compare(a[0], b[0]));
    }
    return new NuclearInventories(m);
  }

  /** Warheads of the state in the year (0 if none). */
  public int warheads(int ccode, int year) {
    List<double[]> l = rows.get(ccode);
    if (l == null || year < l.get(0)[0]) {
      return 0;
    }
    for (int i = 0; i + 1 < l.size(); i++) {
      double[] a = l.get(i);
      double[] b = l.get(i + 1);
      if (year >= a[0] && year < b[0]) {
        return (int) Math.round(a[1] + (b[1] - a[1]) * (year - a[0]) / (b[0] - a[0]));
      }
    }
    return (int) Math.round(l.get(l.size() - 1)[1]);
  }

  /** Typical yield in kilotons of the state's warheads in the year (of the last row before). */
  public double yieldKt(int ccode, int year) {
    List<double[]> l = rows.get(ccode);
    double y = 20;
    if (l != null) {
      for (double[] r : l) {
        if (r[0] <= year) {
          y = r[2];
        }
      }
    }
    return y;
  }
}
