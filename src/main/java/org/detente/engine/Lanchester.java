package org.detente.engine;

/**
 * Lanchester's square law of aimed fire (Lanchester 1916) for one engagement between an attacking
 * and a defending side:
 *
 * <pre>
 *   dA/dt = -k · eD · τ · D        dD/dt = -k · eA · A
 * </pre>
 *
 * where A and D are troop strengths (thousands), eA and eD per-soldier effectiveness, τ the
 * defender's terrain multiplier and k the attrition coefficient per week. Integrated by explicit
 * Euler in {@code substeps} equal steps over {@code weeks}; strengths never go below zero. The
 * square law's invariant eA·A² − τ·eD·D² is conserved by the exact solution, which the tests
 * check. No allocation: results go into {@code out}.
 */
public final class Lanchester {

  private Lanchester() {}

  /**
   * Advances one engagement.
   *
   * @param attacker  attacking troops (thousands)
   * @param effA      attacker effectiveness per soldier
   * @param defender  defending troops (thousands)
   * @param effD      defender effectiveness per soldier
   * @param terrain   defender terrain multiplier (≥ 1)
   * @param kPerWeek  attrition coefficient per week
   * @param weeks     duration in weeks
   * @param substeps  Euler steps (7 = daily for one week)
   * @param out       out[0] = attacker remaining, out[1] = defender remaining
   */
  public static void step(
      double attacker, double effA, double defender, double effD, double terrain,
      double kPerWeek, double weeks, int substeps, double[] out) {
    double a = Math.max(0, attacker);
    double d = Math.max(0, defender);
    double h = weeks / substeps;
    for (int i = 0; i < substeps && a > 0 && d > 0; i++) {
      double da = kPerWeek * effD * terrain * d * h;
      double dd = kPerWeek * effA * a * h;
      a = Math.max(0, a - da);
      d = Math.max(0, d - dd);
    }
    out[0] = a;
    out[1] = d;
  }

  /**
   * The effective force ratio of attacker to defender, eA·A / (τ·eD·D): the quantity compared
   * with the breakthrough threshold (the 3:1 rule). Infinite when the defender has no forces.
   */
  public static double forceRatio(
      double attacker, double effA, double defender, double effD, double terrain) {
    double den = terrain * effD * defender;
    return den <= 0 ? Double.POSITIVE_INFINITY : effA * attacker / den;
  }
}
