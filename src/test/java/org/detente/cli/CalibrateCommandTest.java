package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.detente.backtest.Backtest;
import org.detente.backtest.Calibration;
import org.detente.backtest.CrisisCase;
import org.detente.backtest.IcbData;
import org.detente.engine.ModelParameters;
import org.detente.model.ParameterCatalog;
import org.junit.jupiter.api.Test;

/** {@code detente calibrate} and the CMA-ES fit behind it. */
class CalibrateCommandTest {

  @Test
  void theFitStaysInTheCatalogueRangesNeverWorsensAndRepeatsItself() {
    Backtest.Prepared p = Backtest.prepare(IcbData.bundled(), Set.of(123, 196, 231, 247),
        Models::compile, null);
    List<CrisisCase> training = p.cases();
    List<String> names = List.of("qreLambda", "incidentRate");
    Calibration.Fitted a = Calibration.fit(training, Models::compile, ModelParameters.defaults(),
        names, Calibration.WEIGHTS, 20, 3, 1, 3, 4, null);
    Calibration.Fitted b = Calibration.fit(training, Models::compile, ModelParameters.defaults(),
        names, Calibration.WEIGHTS, 20, 3, 2, 3, 4, null);
    assertThat(a).isEqualTo(b);
    assertThat(a.after()).isLessThanOrEqualTo(a.before());
    assertThat(a.evaluations()).isGreaterThan(1);
    for (String n : names) {
      assertThat(a.values().get(n)).isBetween(ParameterCatalog.byName(n).low(),
          ParameterCatalog.byName(n).high());
    }
    // the objective of the fitted values is what the fit reports (common random numbers)
    ModelParameters fitted = Calibration.apply(ModelParameters.defaults(), a.values());
    double again = Calibration.objective(training,
        Backtest.run(training, Models::compile, fitted, 20, 3, 2, null));
    assertThat(again).isEqualTo(a.after());
  }

  @Test
  void jsonReportsParametersObjectiveAndScoresBeforeAndAfter() throws Exception {
    CliRun.Result r = CliRun.exec("calibrate", "-n", "2", "--eval-runs", "2", "--generations",
        "2", "--population", "2", "--parameters", "qreLambda,crisisCost", "--json", "-q",
        "--no-timing");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("parameters").fieldNames()).toIterable()
        .containsExactly("qreLambda", "crisisCost");
    assertThat(root.get("parameters").get("qreLambda").has("spread")).isTrue();
    assertThat(root.get("objective").get("after").asDouble())
        .isLessThanOrEqualTo(root.get("objective").get("before").asDouble());
    assertThat(root.get("afterScores").get("heldOut").get("violence").has("brierSkill")).isTrue();
    assertThat(root.get("beforeScores").get("training").get("outcomeForm")
        .has("brierSkillVsBaseline")).isTrue();
  }

  @Test
  void theScreenRanksByEffectAndFindsNoneForAnUnusedParameter() throws Exception {
    // the generated scenarios have mixed terrain only: the forest multiplier cannot matter
    CliRun.Result r = CliRun.exec("calibrate", "--screen", "-n", "4", "--parameters",
        "terrainForest,qreLambda", "--json", "-q", "--no-timing");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode ps = new ObjectMapper().readTree(r.out()).get("parameters");
    assertThat(ps.fieldNames()).toIterable().containsExactly("qreLambda", "terrainForest");
    assertThat(ps.get("terrainForest").get("effect").asDouble()).isZero();
    assertThat(ps.get("qreLambda").get("effect").asDouble()).isPositive();
    assertThat(ps.get("qreLambda").get("low").asDouble()).isEqualTo(2.0);
  }

  @Test
  void theWeightsChooseTheVariablesTheObjectiveCounts() {
    Backtest.Prepared p = Backtest.prepare(IcbData.bundled(), Set.of(123, 196, 231, 247),
        Models::compile, null);
    List<CrisisCase> cases = p.cases();
    List<org.detente.backtest.CrisisForecast> f = Backtest.run(cases, Models::compile,
        ModelParameters.defaults(), 20, 3, 1, null);
    double[] only = new double[4];
    double[] each = new double[4];
    for (int v = 0; v < 4; v++) {
      double[] w = new double[4];
      w[v] = 1;
      each[v] = Calibration.objective(cases, f, w);
      only[v] = each[v];
    }
    // the default objective is the 2, 2, 1, 1 weighted mean of the single-variable ones
    assertThat(Calibration.objective(cases, f)).isCloseTo(
        (2 * only[0] + 2 * only[1] + only[2] + only[3]) / 6, org.assertj.core.data.Offset
            .offset(1e-12));
    // scaling the weights changes nothing
    assertThat(Calibration.objective(cases, f, new double[] {4, 4, 2, 2}))
        .isCloseTo(Calibration.objective(cases, f), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(each[0]).isNotEqualTo(each[2]);
  }

  @Test
  void badWeightsAreUsageErrors() {
    usageError("1,2,3", "--weights: expected 4 comma-separated numbers");
    usageError("1,-2,1,1", "--weights '-2': expected a finite number of at least 0");
    usageError("1,x,1,1", "--weights 'x': expected a number");
    CliRun.Result zero = usageError("0,0,0,0", "--weights are all zero");
    assertThat(zero.err()).doesNotContain("Exception");
  }

  /** {@code calibrate --weights W} exits 2 with this message. */
  private static CliRun.Result usageError(String weights, String message) {
    CliRun.Result r = CliRun.exec("calibrate", "--weights", weights);
    assertThat(r.code()).as(weights).isEqualTo(2);
    assertThat(r.err()).contains(message);
    return r;
  }

  @Test
  void anUnknownParameterIsAUsageError() {
    CliRun.Result r = CliRun.exec("calibrate", "--parameters", "qreLamda");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown model parameter 'qreLamda'");
  }
}
