package org.detente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detente.DetenteException;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.analysis.EnsembleRunner;
import org.detente.analysis.EnsembleSummary;
import org.detente.analysis.Indicators;
import org.detente.analysis.PolicyComparison;
import org.detente.analysis.SummaryJson;
import org.detente.engine.CompiledModel;
import org.detente.engine.RareTarget;
import org.detente.engine.Splitting;
import org.detente.engine.ModelParameters;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente compare}: policies side by side with paired differences. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare policies (and the unmodified scenario) over the same seeds. " +
      "Run i of every arm uses the same seed (common random numbers), so runs pair " +
      "up; each arm's difference against the baseline gets a paired 95%% interval " +
      "(Newcombe 1998) and a mid-p McNemar p-value, for every outcome class, " +
      "nuclear_use and every question. The baseline is the unmodified scenario with " +
      "--baseline (implied when only one policy is given), else the first --policy."
    })
public final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  @Mixin SharedOptions.PolicyArms policies;

  @Option(names = "--baseline",
      description = "Add the unmodified scenario as the first arm (the baseline).")
  boolean baseline;

  @Mixin SharedOptions.Runs runs;

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.Params params;

  @Mixin SharedOptions.Threads threads;

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Mixin RareOptions rare;

  @Mixin StoreOption db;

  @Override
  public Integer call() throws Exception {
    AnalysisSupport.checkPositive("--runs", runs.value());
    AnalysisSupport.checkPositive("--threads", threads.value());
    List<String> policyNames = policies.names();
    boolean withBaseline = baseline || policyNames.size() == 1;
    if (policyNames.isEmpty()) {
      throw new UsageException(Message.OPTION_NEEDS, "compare", "at least one --policy NAME");
    }
    if (!withBaseline && policyNames.size() < 2) {
      throw new UsageException(Message.OPTION_NEEDS, "compare",
          "two arms: give --baseline or a second --policy");
    }
    List<String> armNames = new ArrayList<>();
    List<List<String>> armPolicies = new ArrayList<>();
    if (withBaseline) {
      armNames.add("baseline");
      armPolicies.add(List.of());
    }
    for (String p : policyNames) {
      if (armNames.contains(p)) {
        throw new UsageException(Message.NAME_TWICE, "policy", p);
      }
      armNames.add(p);
      armPolicies.add(List.of(p));
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (List<String> p : armPolicies) {
      scenarios.add(AnalysisSupport.load(file, p, params));
    }
    Indicators ind = AnalysisSupport.indicators(scenarios.get(0));
    for (int a = 1; a < scenarios.size(); a++) {
      if (!AnalysisSupport.indicators(scenarios.get(a)).names().equals(ind.names())) {
        throw new InvalidInputException(Message.POLICY_CHANGES_QUESTIONS,
            armNames.get(a), "arms must share the same questions");
      }
    }
    try (StoreSession store = db.on() ? StoreSession.begin(db, spec, file,
        scenarios.get(0).meta().id(), policyNames, seed.value(), runs.value(), Map.of())
        : null) {
      return compare(armNames, armPolicies, scenarios, ind, store);
    }
  }

  private int compare(List<String> armNames, List<List<String>> armPolicies,
      List<Scenario> scenarios, Indicators ind, StoreSession store) throws Exception {
    List<PolicyComparison.Arm> arms = new ArrayList<>();
    List<EnsembleSummary> summaries = new ArrayList<>();
    PolicyComparison.Result r;
    try (Progress progress = Progress.start(spec, progressFlags, "compare",
        (long) runs.value() * armNames.size(), " runs")) {
      for (int a = 0; a < armNames.size(); a++) {
        Scenario s = scenarios.get(a);
        CompiledModel model = Models.compile(s, ModelParameters.from(s));
        EnsembleSummary summary = new EnsembleSummary(model);
        summaries.add(summary);
        EnsembleRunner runner = AnalysisSupport.runner(model, seed.value(), runs.value(),
            threads.value(), progress);
        if (store != null) {
          EnsembleRunner plain = runner;
          String arm = armNames.get(a);
          runner = sink -> plain.run(store.tee(sink, model, arm, seed.value(), true));
        }
        arms.add(new PolicyComparison.Arm(armNames.get(a), runner, summary));
      }
      r = PolicyComparison.compare(arms, ind, runs.value());
    }
    List<Splitting.Result> rareResults = new ArrayList<>();
    RareTarget target = null;
    if (rare.on()) {
      Splitting.Options opt = null;
      for (int a = 0; a < scenarios.size(); a++) {
        Scenario s = scenarios.get(a);
        CompiledModel model = Models.compile(s, ModelParameters.from(s));
        target = rare.target(model);
        if (opt == null) {
          opt = rare.options(threads.value());
        }
        Splitting.Result res = RareOptions.estimate(spec, progressFlags,
            "compare --rare " + armNames.get(a), model, target, seed.value(), opt,
            RareOptions.KEEP_PATHS);
        if (a == 0) {
          // the other arms: as many replications, with the same seeds (common random numbers)
          opt = opt.fixedReplications(res.replications());
        }
        rareResults.add(res);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.value() || store != null) {
      ObjectNode root = toJson(r, ind, summaries);
      if (target != null) {
        ObjectNode ro = root.putObject("rare");
        ro.put("target", target.id());
        ro.put("method", "fixed-effort multilevel splitting per arm, the same replications and"
            + " clone seeds in every arm; difference arm - baseline paired by replication,"
            + " Student t 95% interval");
        ObjectNode byArm = ro.putObject("arms");
        for (int a = 0; a < rareResults.size(); a++) {
          ObjectNode o = byArm.putObject(r.arms().get(a));
          RareOptions.put(o, target, rareResults.get(a), RareOptions.replayArgs(
              file.toString(), seed.value(), armPolicies.get(a), null, List.of())
              + params.replayArgs());
          if (a > 0) {
            double[] d = RareOptions.paired(rareResults.get(a).replicationEstimates(),
                rareResults.get(0).replicationEstimates());
            o.put("diff", d[0]);
            o.put("diffLo", d[1]);
            o.put("diffHi", d[2]);
          }
        }
      }
      StoreSession.finishAndPrint(store, root, json.value(), out, AnalysisSupport.mapper());
    }
    if (!json.value()) {
      printTable(out, r, ind);
      if (target != null) {
        out.println();
        out.println(AnalysisSupport.f("Rare event %s by multilevel splitting (%d replications"
            + " per arm, the same clone seeds in every arm; 95%% intervals):", target.id(),
            rareResults.get(0).replications()));
        for (int a = 0; a < rareResults.size(); a++) {
          Splitting.Result x = rareResults.get(a);
          StringBuilder row = new StringBuilder(AnalysisSupport.f("  %-24s p %s [%s, %s]"
              + "  relative error %s", trim(r.arms().get(a), 24), RareOptions.sci(x.p()),
              RareOptions.sci(x.lo()), RareOptions.sci(x.hi()),
              RareOptions.pct(x.relativeError())));
          if (a > 0) {
            double[] d = RareOptions.paired(x.replicationEstimates(),
                rareResults.get(0).replicationEstimates());
            row.append(AnalysisSupport.f("   diff %s [%s, %s]", RareOptions.signed(d[0]),
                RareOptions.signed(d[1]), RareOptions.signed(d[2])));
          }
          out.println(row);
        }
      }
      if (store != null) {
        out.println(store.line());
      }
    }
    out.flush();
    return 0;
  }

  private ObjectNode toJson(PolicyComparison.Result r, Indicators ind,
      List<EnsembleSummary> summaries) {
    var mapper = AnalysisSupport.mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("command", "compare");
    root.put("file", file.toString());
    root.put("seed", seed.value());
    root.put("runs", runs.value());
    root.put("baseline", r.arms().get(0));
    ArrayNode pol = root.putArray("policies");
    policies.names().forEach(pol::add);
    root.put("method", "paired: Newcombe (1998) hybrid score interval (method 10), 95%;"
        + " mid-p McNemar (1947) test; common random numbers (run i of every arm shares seed i)");
    root.put("pairingMemoryBytes", r.memoryBytes());
    ArrayNode arms = root.putArray("arms");
    for (int a = 0; a < r.arms().size(); a++) {
      ObjectNode arm = arms.addObject();
      arm.put("name", r.arms().get(a));
      arm.put("runs", r.runs());
      // the same results object as `detente run --json`
      arm.setAll(SummaryJson.results(summaries.get(a), mapper));
    }
    ObjectNode diffs = root.putObject("differences");
    for (int a = 1; a < r.arms().size(); a++) {
      ObjectNode arm = diffs.putObject(r.arms().get(a));
      for (int i = 0; i < ind.size(); i++) {
        PolicyComparison.Difference d = r.differences().get(a - 1).get(i);
        ObjectNode o = arm.putObject(d.indicator());
        o.put("kind", ind.kind(i));
        AnalysisSupport.put(o, "p", r.p(a, i));
        AnalysisSupport.put(o, "pBaseline", r.p(0, i));
        AnalysisSupport.put(o, "diff", d.diff());
        AnalysisSupport.put(o, "lo", d.lo());
        AnalysisSupport.put(o, "hi", d.hi());
        AnalysisSupport.put(o, "pValue", d.pValue());
        ObjectNode t = o.putObject("pairs");
        t.put("both", d.table().a());
        t.put("armOnly", d.table().b());
        t.put("baselineOnly", d.table().c());
        t.put("neither", d.table().d());
      }
    }
    return root;
  }

  private void printTable(PrintWriter out, PolicyComparison.Result r, Indicators ind) {
    out.println(AnalysisSupport.f("compare %s: %d runs per arm, seed %d, baseline '%s'",
        file, runs.value(), seed.value(), r.arms().get(0)));
    out.println("Probabilities with Wilson 95% intervals; differences arm - baseline with"
        + " Newcombe paired 95% intervals and mid-p McNemar p-values.");
    out.println();
    StringBuilder head = new StringBuilder(AnalysisSupport.f("%-28s", "indicator"));
    for (String a : r.arms()) {
      head.append(AnalysisSupport.f(" %21s", trim(a, 21)));
    }
    out.println(head);
    for (int i = 0; i < ind.size(); i++) {
      StringBuilder row = new StringBuilder(AnalysisSupport.f("%-28s", trim(ind.names().get(i),
          28)));
      for (int a = 0; a < r.arms().size(); a++) {
        double[] w = r.interval(a, i);
        row.append(AnalysisSupport.f(" %6.1f%% [%5.1f,%5.1f]", 100 * r.p(a, i), 100 * w[0],
            100 * w[1]));
      }
      out.println(row);
    }
    for (int a = 1; a < r.arms().size(); a++) {
      out.println();
      out.println(AnalysisSupport.f("%s - %s:", r.arms().get(a), r.arms().get(0)));
      out.println(AnalysisSupport.f("%-28s %9s %21s %10s %8s %8s", "indicator", "diff (pp)",
          "95% interval (pp)", "p-value", "arm only", "base only"));
      for (int i = 0; i < ind.size(); i++) {
        PolicyComparison.Difference d = r.differences().get(a - 1).get(i);
        out.println(AnalysisSupport.f("%-28s %+9.2f  [%+8.2f, %+8.2f] %10s %8d %8d",
            trim(d.indicator(), 28), 100 * d.diff(), 100 * d.lo(), 100 * d.hi(),
            pText(d.pValue()), d.table().b(), d.table().c()));
      }
    }
  }

  static String pText(double p) {
    return p < 1e-4 ? "<0.0001" : AnalysisSupport.f("%.4f", p);
  }

  static String trim(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }
}
