package org.detente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.detente.DetenteException;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.analysis.Evidence;
import org.detente.analysis.EvidenceItem;
import org.detente.analysis.EvidenceMatcher;
import org.detente.analysis.HypothesisAnalysis;
import org.detente.engine.CompiledModel;
import org.detente.engine.Ensemble;
import org.detente.engine.ModelParameters;
import org.detente.scenario.Actor;
import org.detente.scenario.Motive;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente hypotheses}: posterior over motive hypotheses given observed events. */
@Command(
    name = "hypotheses",
    mixinStandardHelpOptions = true,
    description = {
      "Weigh each actor's motive hypotheses against evidence (events and non-events). " +
      "For each hypothesis the model runs N times with the actor's motive fixed to it " +
      "(same seeds for every hypothesis). Likelihood: the share of runs consistent " +
      "with all evidence, Jeffreys-smoothed, (k + 1/2) / (N + 1) (or, with " +
      "--likelihood product, the product of per-item shares). Posterior: prior x " +
      "likelihood, normalised. The ACH table (Heuer 1999) shows per item how often " +
      "each hypothesis reproduces it: consistent, inconsistent or neutral relative to " +
      "the other hypotheses. The runs last until the evidence's last week (or --horizon), " +
      "so that the whole record is tested; per hypothesis the share of runs reproducing " +
      "all of it is given with its Monte Carlo error and a Wilson 95%% interval, and per " +
      "item the runs that miss only that item."
    })
public final class HypothesesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  @Option(names = "--evidence", required = true, paramLabel = "EVIDENCE.yaml",
      description = "Evidence file (see evidence/us-russia-2022.yaml).")
  Path evidence;

  @Option(names = "--actor", paramLabel = "ID",
      description = "Only this actor (default: every actor with two or more hypotheses).")
  List<String> actorFilter = new ArrayList<>();

  @Option(names = "--horizon", paramLabel = "WEEKS",
      description = "Weeks each run lasts (default: through the last week of any evidence"
          + " window, or the scenario's horizon if that is later). Items whose window starts"
          + " after it are listed and not evaluated.")
  Integer horizon;

  @Mixin SharedOptions.Policies policies;

  @Mixin SharedOptions.Runs runs;

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.Params params;

  @Mixin SharedOptions.Threads threads;

  /**
   * How the evidence items combine into a likelihood.
   * The constants are the words of the command line, as picocli lists them in help and errors.
   */
  enum Likelihood {
    joint(HypothesisAnalysis.Combination.JOINT),
    product(HypothesisAnalysis.Combination.PRODUCT);

    final HypothesisAnalysis.Combination combination;

    Likelihood(HypothesisAnalysis.Combination combination) {
      this.combination = combination;
    }
  }

  @Option(names = "--likelihood", defaultValue = "joint", paramLabel = "KIND",
      description = "${COMPLETION-CANDIDATES}. joint: share of runs consistent with all items"
          + " at once; product: product of per-item shares (items independent given the"
          + " hypothesis) (default: ${DEFAULT-VALUE}).")
  Likelihood likelihood;

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Mixin StoreOption db;

  @Override
  public Integer call() throws Exception {
    AnalysisSupport.checkPositive("--runs", runs.value());
    AnalysisSupport.checkPositive("--threads", threads.value());
    Scenario s = AnalysisSupport.load(file, policies.names(), params);
    Evidence ev = Evidence.load(evidence, s);
    s = EngineSupport.withHorizon(s, horizon != null ? horizon : recordWeeks(ev, s));
    EvidenceMatcher matcher = new EvidenceMatcher(ev, s);
    if (matcher.items().isEmpty()) {
      throw new InvalidInputException(Message.FILE_PROBLEM, evidence,
          "no evidence item falls within the scenario's " + s.meta().horizonSteps()
              + "-week horizon");
    }
    for (String a : actorFilter) {
      if (s.actorIndex(a) < 0) {
        throw new UsageException(Message.OPTION_PROBLEM, "--actor", "no actor '" + a + "' in " + file);
      }
    }
    List<HypothesisAnalysis.ActorHypotheses> actors = new ArrayList<>();
    for (int a = 0; a < s.actors().size(); a++) {
      Actor actor = s.actors().get(a);
      if (actor.motives().size() < 2
          || (!actorFilter.isEmpty() && !actorFilter.contains(actor.id()))) {
        continue;
      }
      actors.add(new HypothesisAnalysis.ActorHypotheses(actor.id(), a,
          actor.motives().stream().map(Motive::id).toList(),
          actor.motives().stream().mapToDouble(Motive::prior).toArray()));
    }
    if (actors.isEmpty()) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file, "no actor"
          + (actorFilter.isEmpty() ? "" : " among " + actorFilter)
          + " has two or more motive hypotheses to weigh");
    }
    long total = 0;
    for (var ah : actors) {
      total += (long) runs.value() * ah.ids().size();
    }
    CompiledModel base = Models.compile(s, ModelParameters.from(s));
    List<HypothesisAnalysis.ActorResult> results;
    try (StoreSession store = db.on() ? StoreSession.begin(db, spec, file, s.meta().id(),
            policies.names(), seed.value(), runs.value(), java.util.Map.of("--evidence",
            evidence)) : null) {
      try (Progress progress = Progress.start(spec, progressFlags, "hypotheses", total,
          " runs")) {
        results = HypothesisAnalysis.analyse(actors, matcher, runs.value(),
            (actor, motive, sink) -> {
              CompiledModel m = base.withFixedMotive(actor, motive);
              Ensemble.run(m, seed.value(), runs.value(), threads.value(),
                  store == null ? sink : store.tee(sink, m, m.actorId(actor) + "="
                      + m.motiveId(actor, motive), seed.value(), false),
                  progress.stage(runs.value()));
            },
            likelihood.combination);
      }
      PrintWriter out = spec.commandLine().getOut();
      ObjectNode root = json.value() || store != null ? toJson(s, ev, matcher, results) : null;
      StoreSession.finishAndPrint(store, root, json.value(), out, AnalysisSupport.mapper());
      if (!json.value()) {
        print(out, ev, matcher, results, s.meta().horizonSteps());
        if (store != null) {
          out.println(store.line());
        }
      }
      out.flush();
    }
    return 0;
  }

  /**
   * The weeks the runs must last to cover every evidence window (weeks 0 … toWeek, so the last
   * window's end + 1), or the scenario's horizon if that is longer, within the scenario limit.
   */
  static int recordWeeks(Evidence ev, Scenario s) {
    int weeks = s.meta().horizonSteps();
    for (EvidenceItem it : ev.items()) {
      weeks = Math.max(weeks, it.toWeek() + 1);
    }
    return Math.min(weeks, org.detente.scenario.Limits.MAX_STEPS);
  }

  private ObjectNode toJson(Scenario s, Evidence ev, EvidenceMatcher m,
      List<HypothesisAnalysis.ActorResult> results) {
    ObjectNode root = AnalysisSupport.mapper().createObjectNode();
    root.put("command", "hypotheses");
    root.put("file", file.toString());
    root.put("evidence", evidence.toString());
    ArrayNode pol = root.putArray("policies");
    policies.names().forEach(pol::add);
    root.put("seed", seed.value());
    root.put("runs", runs.value());
    root.put("horizonWeeks", s.meta().horizonSteps());
    root.put("likelihood", likelihood.toString());
    root.put("smoothing", "Jeffreys: (k + 1/2) / (N + 1) per likelihood factor");
    ArrayNode items = root.putArray("items");
    for (EvidenceItem it : m.items()) {
      ObjectNode o = items.addObject();
      o.put("id", it.id());
      o.put("observed", it.occurred());
      o.put("fromWeek", it.fromWeek());
      o.put("toWeek", Math.min(it.toWeek(), s.meta().horizonSteps()));
    }
    ArrayNode rare = root.putArray("rarelyReproduced");
    rarelyReproduced(m, results).forEach(rare::add);
    ArrayNode skipped = root.putArray("beyondHorizon");
    m.skipped().forEach(it -> skipped.add(it.id()));
    ObjectNode post = root.putObject("posterior");
    ObjectNode ach = root.putObject("ach");
    for (HypothesisAnalysis.ActorResult ar : results) {
      ObjectNode a = post.putObject(ar.actor());
      ObjectNode at = ach.putObject(ar.actor());
      for (HypothesisAnalysis.HypothesisResult h : ar.hypotheses()) {
        ObjectNode o = a.putObject(h.id());
        AnalysisSupport.put(o, "p", h.posterior());
        AnalysisSupport.put(o, "pSe", h.posteriorSe());
        AnalysisSupport.put(o, "prior", h.prior());
        AnalysisSupport.put(o, "likelihood", h.likelihood());
        AnalysisSupport.put(o, "se", h.se());
        o.put("consistentRuns", h.consistent());
        o.put("runs", h.runs());
        ObjectNode whole = o.putObject("wholeRecord");
        whole.put("runs", h.consistent());
        AnalysisSupport.put(whole, "share", h.wholeShare());
        AnalysisSupport.put(whole, "se", h.wholeSe());
        AnalysisSupport.put(whole, "low", h.wholeInterval()[0]);
        AnalysisSupport.put(whole, "high", h.wholeInterval()[1]);
        ObjectNode hi = at.putObject(h.id());
        for (int i = 0; i < m.items().size(); i++) {
          ObjectNode c = hi.putObject(m.items().get(i).id());
          AnalysisSupport.put(c, "frequency", h.itemFreq()[i]);
          c.put("label", h.itemLabel().get(i));
          c.put("onlyMissed", h.onlyMissed()[i]);
        }
      }
    }
    return root;
  }

  /** Items that no hypothesis reproduces in 1% of runs or more (a sign of model misfit). */
  static List<String> rarelyReproduced(EvidenceMatcher m,
      List<HypothesisAnalysis.ActorResult> results) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < m.items().size(); i++) {
      double max = 0;
      for (HypothesisAnalysis.ActorResult ar : results) {
        for (HypothesisAnalysis.HypothesisResult h : ar.hypotheses()) {
          max = Math.max(max, h.itemFreq()[i]);
        }
      }
      if (max < 0.01) {
        out.add(m.items().get(i).id());
      }
    }
    return out;
  }

  private void print(PrintWriter out, Evidence ev, EvidenceMatcher m,
      List<HypothesisAnalysis.ActorResult> results, int horizonWeeks) {
    out.println(AnalysisSupport.f("hypotheses %s, evidence %s: %d items (%d beyond the horizon),"
        + " %d runs per hypothesis, seed %d, horizon %d weeks", file, evidence, m.items().size(),
        m.skipped().size(), runs.value(), seed.value(), horizonWeeks));
    if (!m.skipped().isEmpty()) {
      out.println("Beyond the horizon (not evaluated): "
          + String.join(", ", m.skipped().stream().map(EvidenceItem::id).toList()));
    }
    for (HypothesisAnalysis.ActorResult ar : results) {
      out.println();
      out.println("Actor " + ar.actor() + ": posterior over motive hypotheses (" + likelihood
          + " likelihood)");
      out.println(AnalysisSupport.f("  %-24s %7s %12s %18s %9s %16s", "hypothesis", "prior",
          "consistent", "likelihood (se)", "", "posterior (se pp)"));
      for (HypothesisAnalysis.HypothesisResult h : ar.hypotheses()) {
        out.println(AnalysisSupport.f("  %-24s %6.1f%% %6d/%-5d %10.3e (%.1e) %7s %7.1f%% (%.1f)",
            CompareCommand.trim(h.id(), 24), 100 * h.prior(), h.consistent(), h.runs(),
            h.likelihood(), h.se(), "", 100 * h.posterior(), 100 * h.posteriorSe()));
      }
      if (likelihood == Likelihood.joint
          && ar.hypotheses().stream().allMatch(h -> h.consistent() == 0)) {
        out.println("  No run reproduced all the evidence under any hypothesis: the posterior is"
            + " the prior. Use more --runs, or --likelihood product.");
      }
      out.println();
      out.println(AnalysisSupport.f("  The whole record (all %d items at once): runs reproducing"
          + " it, share, Monte Carlo se, Wilson 95%% interval", m.items().size()));
      for (HypothesisAnalysis.HypothesisResult h : ar.hypotheses()) {
        double[] ci = h.wholeInterval();
        out.println(AnalysisSupport.f("  %-24s %6d/%-6d %7.2f%% (%.2f) [%.2f%%, %.2f%%]",
            CompareCommand.trim(h.id(), 24), h.consistent(), h.runs(), 100 * h.wholeShare(),
            100 * h.wholeSe(), 100 * ci[0], 100 * ci[1]));
      }
      out.println();
      out.println("  ACH table: share of runs consistent with each item"
          + " (C consistent, I inconsistent, N neutral, relative to the other hypotheses)");
      StringBuilder head = new StringBuilder(AnalysisSupport.f("  %-32s", "evidence"));
      for (HypothesisAnalysis.HypothesisResult h : ar.hypotheses()) {
        head.append(AnalysisSupport.f(" %16s", CompareCommand.trim(h.id(), 16)));
      }
      out.println(head);
      for (int i = 0; i < m.items().size(); i++) {
        EvidenceItem it = m.items().get(i);
        StringBuilder row = itemRow(it);
        for (HypothesisAnalysis.HypothesisResult h : ar.hypotheses()) {
          String label = h.itemLabel().get(i);
          row.append(AnalysisSupport.f(" %14.1f%% %s", 100 * h.itemFreq()[i],
              Character.toUpperCase(label.charAt(0))));
        }
        out.println(row);
      }
      out.println();
      out.println("  Items that bind: runs reproducing every item but this one");
      out.println(head);
      for (int i = 0; i < m.items().size(); i++) {
        EvidenceItem it = m.items().get(i);
        StringBuilder row = itemRow(it);
        for (HypothesisAnalysis.HypothesisResult h : ar.hypotheses()) {
          row.append(AnalysisSupport.f(" %16d", h.onlyMissed()[i]));
        }
        out.println(row);
      }
    }
    out.println();
    out.println("+ observed event, - non-event. Likelihoods are Jeffreys-smoothed.");
    List<String> rare = rarelyReproduced(m, results);
    if (!rare.isEmpty()) {
      out.println("Reproduced in under 1% of runs under every hypothesis (the model rarely"
          + " produces them, so they weigh mostly through Monte Carlo noise): "
          + String.join(", ", rare));
    }
  }

  /** A row of an item table, started with the item's sign (+ observed, - non-event) and id. */
  private static StringBuilder itemRow(EvidenceItem it) {
    return new StringBuilder(AnalysisSupport.f("  %-32s",
        CompareCommand.trim((it.occurred() ? "+ " : "- ") + it.id(), 32)));
  }
}
