package org.detente.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.detente.analysis.EnsembleSummary;
import org.detente.analysis.Indicators;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.scenario.Scenario;

/**
 * Replays a stored sweep on this machine, without Spark: each design point's ensemble is run
 * as {@code detente run FILE --param … -n N --seed S} would run it (a sweep's point is exactly
 * that ensemble), and its probabilities replace the stored ones in a copy of the sweep's
 * summary, which {@code db replay} then compares with the stored summary.
 */
final class SweepReplay {

  private SweepReplay() {}

  /**
   * The stored summary {@code sweepJson} with every point's probabilities recomputed from the
   * scenario {@code scenario}.
   */
  static String replay(Path scenario, String sweepJson, int threads) throws IOException {
    ObjectMapper m = AnalysisSupport.mapper();
    ObjectNode root = (ObjectNode) m.readTree(sweepJson);
    List<String> policies = new ArrayList<>();
    root.path("policies").forEach(x -> policies.add(x.asText()));
    List<String> fixed = new ArrayList<>();
    root.path("fixed").forEach(x -> fixed.add(x.asText()));
    Integer horizon = root.hasNonNull("horizon") ? root.get("horizon").asInt() : null;
    long seed = root.get("seed").asLong();
    int runs = root.get("runsPerPoint").asInt();
    for (JsonNode point : root.get("results")) {
      List<String> params = new ArrayList<>(fixed);
      Iterator<Map.Entry<String, JsonNode>> it = point.get("parameters").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        params.add(e.getKey() + "=" + e.getValue().asDouble());
      }
      EnsembleParts parts = new EnsembleParts(scenario, policies, params, horizon, List.of(),
          seed);
      Scenario sc = parts.load();
      CompiledModel model = parts.compile(sc);
      EnsembleSummary summary = new EnsembleSummary(model);
      Ensemble.run(model, seed, 0, runs, threads, summary, null);
      Indicators ind = new Indicators(sc.questions().stream().map(q -> q.id()).toList());
      ObjectNode p = ((ObjectNode) point).putObject("p");
      for (int i = 0; i < ind.size(); i++) {
        p.put(ind.names().get(i), (double) ind.count(summary, i) / summary.runs());
      }
    }
    return m.writeValueAsString(root);
  }
}
