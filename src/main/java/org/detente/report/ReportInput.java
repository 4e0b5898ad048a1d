package org.detente.report;

import java.util.List;
import java.util.Map;
import org.detente.analysis.PolicyComparison;
import org.detente.scenario.Scenario;

/**
 * Everything the HTML report shows.
 *
 * @param scenario       the scenario as run (baseline, no policy applied)
 * @param options        every option of the command, recorded in the page (seed, runs, …)
 * @param data           aggregate of the baseline ensemble
 * @param comparison     paired comparison of policies against the baseline, or null
 * @param tornado        one-at-a-time sensitivity bars (may be empty)
 * @param tornadoOutput  name of the output the tornado measures
 * @param tornadoWhy     why the report chose that output (a sentence), or null when it was given
 * @param borders        country borders as polylines of {lon, lat} pairs, or null for none
 * @param bordersCredit  attribution of the border data, or null
 */
public record ReportInput(
    Scenario scenario,
    Map<String, String> options,
    ReportData data,
    PolicyComparison.Result comparison,
    List<TornadoBar> tornado,
    String tornadoOutput,
    String tornadoWhy,
    List<double[]> borders,
    String bordersCredit) {

  public ReportInput {
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    tornado = List.copyOf(tornado);
  }

  /**
   * One bar of a tornado chart: the output with the parameter at the low and at the high end of
   * its range, all others at their values.
   *
   * @param name    parameter name
   * @param low     low value of the parameter
   * @param high    high value of the parameter
   * @param outLow  output at the low value
   * @param outHigh output at the high value
   * @param base    output with every parameter at its value
   */
  public record TornadoBar(
      String name, double low, double high, double outLow, double outHigh, double base) {

    /** Width of the bar: the span of the output over low, value and high. */
    public double swing() {
      return Math.max(base, Math.max(outLow, outHigh)) - Math.min(base, Math.min(outLow, outHigh));
    }
  }
}
