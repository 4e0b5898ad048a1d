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
    String bordersCredit,
    RareEvent rare) {

  public ReportInput {
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    tornado = List.copyOf(tornado);
  }

  /** A report without a rare-event estimate. */
  public ReportInput(Scenario scenario, Map<String, String> options, ReportData data,
      PolicyComparison.Result comparison, List<TornadoBar> tornado, String tornadoOutput,
      String tornadoWhy, List<double[]> borders, String bordersCredit) {
    this(scenario, options, data, comparison, tornado, tornadoOutput, tornadoWhy, borders,
        bordersCredit, null);
  }

  /**
   * A rare-event estimate by multilevel splitting, as the report shows it.
   *
   * @param target         what was estimated (nuclear_use, ..., or a question id)
   * @param p              the estimate
   * @param lo             lower end of its 95% interval
   * @param hi             upper end
   * @param relativeError  standard error over p (NaN when p is 0)
   * @param replications   independent replications
   * @param simulatedWeeks weeks simulated
   * @param bruteForceRuns plain runs for the same relative error (NaN when p is 0)
   * @param paths          the most likely paths to the event, most probable first
   */
  public record RareEvent(String target, double p, double lo, double hi, double relativeError,
      int replications, long simulatedWeeks, double bruteForceRuns, List<RarePath> paths) {

    public RareEvent {
      paths = List.copyOf(paths);
    }
  }

  /**
   * A group of surviving trajectories that reached the event the same way.
   *
   * @param description the rungs that raised the highest and the first nuclear use
   * @param p           their share of the estimate
   * @param replay      the explain command that replays one of them
   */
  public record RarePath(String description, double p, String replay) {}

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
