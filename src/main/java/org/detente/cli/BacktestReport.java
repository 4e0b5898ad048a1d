package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.detente.backtest.Backtest;
import org.detente.backtest.Evaluation;
import org.detente.backtest.Reliability;
import org.detente.backtest.Variable;

/** The back-test's outputs: JSON summary, text table, and the files of {@code --out}. */
final class BacktestReport {

  /** The two sets, by JSON key. */
  static final String[] SETS = {"training", "heldOut"};

  private BacktestReport() {}

  static ObjectNode json(ObjectMapper mapper, Backtest.Prepared prepared, Evaluation ev, int runs,
      int split, long seed, int threads, double seconds) {
    ObjectNode root = mapper.createObjectNode();
    root.put("data", "ICB v14 (Brecher & Wilkenfeld 2000; ICB codebook v14), COW NMC 6.0, ATOP 5,"
        + " Thompson & Dreyer 2012");
    root.put("runs", runs);
    root.put("seed", seed);
    root.put("threads", threads);
    root.put("split", split);
    if (!prepared.parameters().isEmpty()) {
      // the catalogue parameters set over the defaults (--param), so that the run can be replayed
      ObjectNode ps = root.putObject("parameters");
      prepared.parameters().forEach(p -> ps.put(p.name(), p.value()));
    }
    ObjectNode counts = root.putObject("crises");
    counts.put("total", prepared.total());
    counts.put("scored", prepared.cases().size());
    counts.put("training", ev.training().crises());
    counts.put("heldOut", ev.heldOut().crises());
    counts.put("skipped", prepared.skipped().size());
    ArrayNode sk = counts.putArray("skippedCrises");
    for (Backtest.Skipped s : prepared.skipped()) {
      ObjectNode o = sk.addObject();
      o.put("crisis", s.crisis());
      o.put("name", s.name());
      o.put("reason", s.reason());
    }
    counts.put("dataGaps", prepared.gaps().size());
    ArrayNode gaps = counts.putArray("dataGapList");
    for (Backtest.Gap g : prepared.gaps()) {
      ObjectNode o = gaps.addObject();
      o.put("crisis", g.crisis());
      o.put("what", g.what());
    }
    ObjectNode boot = root.putObject("bootstrap");
    boot.put("method", "95% percentile intervals of the Brier skills: the crises of a set"
        + " resampled with replacement (a crisis with all its scored actors), paired with the"
        + " reference's scores of the same crises");
    boot.put("resamples", Evaluation.BOOTSTRAP_RESAMPLES);
    boot.put("seed", Evaluation.BOOTSTRAP_SEED);
    for (String set : SETS) {
      Evaluation.SetScores s = set.equals("training") ? ev.training() : ev.heldOut();
      ObjectNode so = root.putObject(set);
      so.put("crises", s.crises());
      for (Variable v : Variable.values()) {
        Evaluation.VariableScores vs = s.scores().get(v);
        ObjectNode vo = putScores(so.putObject(v.key()), vs);
        boolean held = set.equals("heldOut");
        putInterval(vo, "brierSkillInterval", ev.brierSkillInterval(held, v, false));
        putInterval(vo, "brierSkillVsBaselineInterval", ev.brierSkillInterval(held, v, true));
        ObjectNode cl = vo.putObject("climatology");
        cl.put("brier", r4(vs.climBrier()));
        cl.put("rps", r4(vs.climRps()));
        cl.put("log", r4(vs.climLog()));
        ObjectNode bl = vo.putObject("baseline");
        bl.put("model", v.ordered() ? "ordered logit" : "multinomial logit");
        bl.put("fitted", ev.baselineFitted(v));
        bl.put("brier", r4(vs.baseBrier()));
        bl.put("rps", r4(vs.baseRps()));
        bl.put("log", r4(vs.baseLog()));
        ArrayNode rel = vo.putArray("reliability");
        Reliability re = s.reliability().get(v);
        for (int b = 0; b < Reliability.BINS; b++) {
          ObjectNode bo = rel.addObject();
          bo.put("from", b / 10.0);
          bo.put("to", (b + 1) / 10.0);
          bo.put("count", re.count(b));
          if (re.count(b) > 0) {
            bo.put("meanForecast", r4(re.meanForecast(b)));
            bo.put("observed", r4(re.observed(b)));
          }
        }
      }
    }
    ObjectNode rc = root.putObject("recalibrated");
    rc.put("method", "multinomial logistic recalibration p'_k ~ exp(a ln p_k + c_k), fitted by"
        + " maximum likelihood on the training crises, applied unchanged to the held-out ones");
    ObjectNode fit = rc.putObject("fit");
    for (Variable v : Variable.values()) {
      ObjectNode fo = fit.putObject(v.key());
      fo.put("exponent", r4(ev.recalibration(v).exponent()));
      ArrayNode off = fo.putArray("offsets");
      for (double x : ev.recalibration(v).offsets()) {
        off.add(r4(x));
      }
    }
    for (String set : SETS) {
      Evaluation.SetScores s = set.equals("training") ? ev.recalibratedTraining()
          : ev.recalibratedHeldOut();
      ObjectNode so = rc.putObject(set);
      for (Variable v : Variable.values()) {
        Evaluation.VariableScores vs = s.scores().get(v);
        putScores(so.putObject(v.key()), vs);
      }
    }
    ObjectNode clim = root.putObject("climatology");
    for (Variable v : Variable.values()) {
      ArrayNode a = clim.putArray(v.key());
      for (double p : ev.climatology(v)) {
        a.add(r4(p));
      }
    }
    if (seconds >= 0) {
      ObjectNode bench = root.putObject("bench");
      bench.put("seconds", Math.round(seconds * 100) / 100.0);
      bench.put("crisesPerSecond", Math.round(prepared.cases().size() / seconds * 100) / 100.0);
      bench.put("runsPerSecond",
          Math.round((double) runs * prepared.cases().size() / seconds * 10) / 10.0);
    }
    root.put("version", VersionProvider.version());
    return root;
  }

  static void printTable(PrintWriter pw, Backtest.Prepared prepared, Evaluation ev, int runs,
      int split, long seed, int threads, double seconds) {
    pw.printf(Locale.ROOT, "ICB back-test: %d of %d crises scored (%d training, triggered before"
            + " %d; %d held out), %d runs each, seed %d, threads %d%n",
        prepared.cases().size(), prepared.total(), ev.training().crises(), split,
        ev.heldOut().crises(), runs, seed, threads);
    if (!prepared.parameters().isEmpty()) {
      pw.printf(Locale.ROOT, "parameters set over the catalogue's defaults: %s%n",
          parameterList(prepared));
    }
    pw.printf(Locale.ROOT, "skipped: %d crises (reasons in --json or --out skipped.csv);"
        + " data gaps: %d%n%n", prepared.skipped().size(), prepared.gaps().size());
    for (String set : SETS) {
      Evaluation.SetScores s = set.equals("training") ? ev.training() : ev.heldOut();
      pw.printf(Locale.ROOT, "%s (%d crises)%n", set.equals("training") ? "Training"
          : "Held out", s.crises());
      pw.printf(Locale.ROOT, "  %-13s %5s  %6s %6s %6s   %6s %6s   %6s %6s%n", "variable", "n",
          "Brier", "RPS", "log", "BSS", "RPSS", "BSS/b", "RPSS/b");
      for (Variable v : Variable.values()) {
        Evaluation.VariableScores vs = s.scores().get(v);
        pw.printf(Locale.ROOT, "  %-13s %5d  %6.3f %6.3f %6.3f   %6s %6s   %6s %6s%n", v.key(),
            vs.n(), vs.brier(), vs.rps(), vs.log(), f(vs.brierSkill()), f(vs.rpsSkill()),
            f(vs.brierSkillVsBaseline()), f(vs.rpsSkillVsBaseline()));
      }
      pw.printf(Locale.ROOT, "  %-13s %-18s  %s%n", "95% interval", "BSS", "BSS/b");
      for (Variable v : Variable.values()) {
        boolean held = set.equals("heldOut");
        pw.printf(Locale.ROOT, "  %-13s %-18s  %s%n", v.key(),
            interval(ev.brierSkillInterval(held, v, false)),
            interval(ev.brierSkillInterval(held, v, true)));
      }
      pw.println();
    }
    pw.println("BSS, RPSS: skill against the training climatology; /b: against the baseline"
        + " (ordered or multinomial logit on power ratio, nuclear dyad, proximity, rivalry,"
        + " great-power involvement, violent trigger). 95% interval: the crises of the set"
        + " resampled " + Evaluation.BOOTSTRAP_RESAMPLES + " times (seed "
        + Evaluation.BOOTSTRAP_SEED + "), how far the skill depends on which crises history"
        + " produced.");
    pw.println();
    pw.println("Recalibrated ensemble (post-processing fitted on the training crises: p'_k ~"
        + " exp(a ln p_k + c_k))");
    pw.printf(Locale.ROOT, "  %-13s %6s   %6s %6s %6s   %6s %6s   %6s %6s%n", "variable", "a",
        "set", "Brier", "RPS", "BSS", "RPSS", "BSS/b", "RPSS/b");
    for (Variable v : Variable.values()) {
      for (String set : SETS) {
        Evaluation.VariableScores vs = (set.equals("training") ? ev.recalibratedTraining()
            : ev.recalibratedHeldOut()).scores().get(v);
        pw.printf(Locale.ROOT, "  %-13s %6s   %6s %6.3f %6.3f   %6s %6s   %6s %6s%n",
            set.equals("training") ? v.key() : "", set.equals("training")
                ? String.format(Locale.ROOT, "%.2f", ev.recalibration(v).exponent()) : "",
            set.equals("training") ? "train" : "held", vs.brier(), vs.rps(), f(vs.brierSkill()),
            f(vs.rpsSkill()), f(vs.brierSkillVsBaseline()), f(vs.rpsSkillVsBaseline()));
      }
    }
    if (seconds >= 0) {
      pw.printf(Locale.ROOT, "bench: %.1f s, %.2f crises/s, %.0f runs/s%n", seconds,
          prepared.cases().size() / seconds, (double) runs * prepared.cases().size() / seconds);
    }
  }

  static void writeFolder(Path dir, ObjectMapper mapper, ObjectNode root,
      Backtest.Prepared prepared, Evaluation ev) throws IOException {
    Files.writeString(dir.resolve("summary.json"), mapper.writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    StringBuilder h = new StringBuilder("crisis,name,year,set,variable,actor,observed");
    for (String who : new String[] {"model", "recalibrated", "climatology", "baseline"}) {
      for (int k = 0; k < Variable.K; k++) {
        h.append(',').append(who).append('_').append(k);
      }
    }
    lines.add(h.toString());
    for (Evaluation.Row r : ev.rows()) {
      StringBuilder sb = new StringBuilder();
      sb.append(r.crisis()).append(',').append(csv(r.name())).append(',').append(r.year())
          .append(',').append(r.heldOut() ? "heldOut" : "training").append(',')
          .append(r.variable().key()).append(',').append(r.actor()).append(',')
          .append(r.observed());
      for (double[] p : new double[][] {r.model(), r.recalibrated(), r.climatology(),
          r.baseline()}) {
        for (double x : p) {
          sb.append(',').append(String.format(Locale.ROOT, "%.4f", x));
        }
      }
      lines.add(sb.toString());
    }
    Files.write(dir.resolve("forecasts.csv"), lines, StandardCharsets.UTF_8);
    List<String> sk = new ArrayList<>();
    sk.add("crisis,name,reason");
    for (Backtest.Skipped s : prepared.skipped()) {
      sk.add(s.crisis() + "," + csv(s.name()) + "," + csv(s.reason()));
    }
    Files.write(dir.resolve("skipped.csv"), sk, StandardCharsets.UTF_8);
    List<String> gp = new ArrayList<>();
    gp.add("crisis,gap");
    for (Backtest.Gap g : prepared.gaps()) {
      gp.add(g.crisis() + "," + csv(g.what()));
    }
    Files.write(dir.resolve("data-gaps.csv"), gp, StandardCharsets.UTF_8);
    for (boolean recal : new boolean[] {false, true}) {
      for (String set : SETS) {
        Evaluation.SetScores s = set.equals("training")
            ? (recal ? ev.recalibratedTraining() : ev.training())
            : (recal ? ev.recalibratedHeldOut() : ev.heldOut());
        for (Variable v : Variable.values()) {
          Reliability re = s.reliability().get(v);
          String name = "reliability-" + (recal ? "recalibrated-" : "") + set + "-" + v.key();
          Files.writeString(dir.resolve(name + ".svg"), re.svg(String.format(Locale.ROOT,
              "%s, %s crises%s: reliability (n = %d)", v.key(),
              set.equals("training") ? "training" : "held-out", recal ? ", recalibrated" : "",
              s.scores().get(v).n())), StandardCharsets.UTF_8);
          List<String> rows = new ArrayList<>();
          rows.add("bin,from,to,meanForecast,observed,count");
          rows.addAll(re.csvRows());
          Files.write(dir.resolve(name + ".csv"), rows, StandardCharsets.UTF_8);
        }
      }
    }
    Files.writeString(dir.resolve("backtest.html"),
        html(prepared, ev, root.get("runs").asInt(), root.get("split").asInt(),
            root.get("seed").asLong()), StandardCharsets.UTF_8);
  }

  /**
   * A self-contained HTML page: the scores of both sets and the reliability diagrams of every
   * variable, for a browser (no script, no network).
   */
  /** The parameters set over the defaults, as NAME=VALUE, comma-separated. */
  private static String parameterList(Backtest.Prepared prepared) {
    StringBuilder b = new StringBuilder();
    for (org.detente.scenario.Parameter p : prepared.parameters()) {
      b.append(b.length() == 0 ? "" : ", ").append(p.name()).append('=').append(p.value());
    }
    return b.toString();
  }

  static String html(Backtest.Prepared prepared, Evaluation ev, int runs, int split, long seed) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Detente back-test on the ICB crises</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:1200px;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
        .append("padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append(".neg{color:#a11}.pos{color:#151}.grid{display:flex;flex-wrap:wrap;gap:8px}")
        .append("</style></head><body>\n");
    h.append("<h1>Back-test on the International Crisis Behavior crises</h1>\n");
    h.append(String.format(Locale.ROOT, "<p>%d of %d ICB v14 crises scored, %d runs each, seed"
            + " %d: %d training crises (triggered before %d), %d held out. %d crises could not"
            + " be expressed; %d data gaps were filled or left out (see skipped.csv and"
            + " data-gaps.csv of <code>--out</code>).</p>%n",
        prepared.cases().size(), prepared.total(), runs, seed, ev.training().crises(), split,
        ev.heldOut().crises(), prepared.skipped().size(), prepared.gaps().size()));
    if (!prepared.parameters().isEmpty()) {
      h.append("<p>Parameters set over the catalogue's defaults: <code>")
          .append(parameterList(prepared)).append("</code>.</p>\n");
    }
    for (String set : SETS) {
      Evaluation.SetScores s = set.equals("training") ? ev.training() : ev.heldOut();
      h.append("<h2>").append(set.equals("training") ? "Training crises" : "Held-out crises")
          .append("</h2>\n<table><tr><th>variable</th><th>n</th><th>Brier</th><th>RPS</th>")
          .append("<th>log</th><th>Brier skill vs climatology</th><th>RPS skill vs")
          .append(" climatology</th><th>Brier skill vs baseline</th><th>RPS skill vs")
          .append(" baseline</th><th>Brier skill vs climatology, 95% interval</th>")
          .append("<th>Brier skill vs baseline, 95% interval</th></tr>\n");
      for (Variable v : Variable.values()) {
        Evaluation.VariableScores vs = s.scores().get(v);
        boolean held = set.equals("heldOut");
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.3f</td>"
                + "<td>%.3f</td><td>%.3f</td>%s%s%s%s<td>%s</td><td>%s</td></tr>%n", v.key(),
            vs.n(), vs.brier(), vs.rps(), vs.log(), cell(vs.brierSkill()), cell(vs.rpsSkill()),
            cell(vs.brierSkillVsBaseline()), cell(vs.rpsSkillVsBaseline()),
            interval(ev.brierSkillInterval(held, v, false)),
            interval(ev.brierSkillInterval(held, v, true))));
      }
      h.append(String.format(Locale.ROOT, "</table>%n<p class=\"note\">95%% intervals: the"
          + " crises of the set resampled %d times with replacement (seed %d), the skill"
          + " recomputed on each resample; they show how far a skill depends on which crises"
          + " history produced, not the ensembles' Monte Carlo error.</p>%n",
          Evaluation.BOOTSTRAP_RESAMPLES, Evaluation.BOOTSTRAP_SEED));
      h.append("<div class=\"grid\">\n");
      for (Variable v : Variable.values()) {
        h.append(s.reliability().get(v).svg(String.format(Locale.ROOT, "%s (n = %d)", v.key(),
            s.scores().get(v).n())));
      }
      h.append("</div>\n");
    }
    h.append("<h2>Recalibrated ensemble (post-processing)</h2>\n<p>The ensemble's frequencies"
        + " p recalibrated per variable as p'<sub>k</sub> &prop; exp(a ln p<sub>k</sub> +"
        + " c<sub>k</sub>), a and c fitted by maximum likelihood on the training crises and"
        + " applied unchanged to the held-out ones. The raw ensemble's scores are those"
        + " above.</p>\n<table><tr><th>variable</th><th>a</th><th>set</th><th>Brier</th>"
        + "<th>RPS</th><th>Brier skill vs climatology</th><th>RPS skill vs climatology</th>"
        + "<th>Brier skill vs baseline</th><th>RPS skill vs baseline</th></tr>\n");
    for (Variable v : Variable.values()) {
      for (String set : SETS) {
        Evaluation.VariableScores vs = (set.equals("training") ? ev.recalibratedTraining()
            : ev.recalibratedHeldOut()).scores().get(v);
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.2f</td><td>%s</td>"
                + "<td>%.3f</td><td>%.3f</td>%s%s%s%s</tr>%n", v.key(),
            ev.recalibration(v).exponent(), set.equals("training") ? "training" : "held out",
            vs.brier(), vs.rps(), cell(vs.brierSkill()), cell(vs.rpsSkill()),
            cell(vs.brierSkillVsBaseline()), cell(vs.rpsSkillVsBaseline())));
      }
    }
    h.append("</table>\n<p>Held-out crises, recalibrated:</p>\n<div class=\"grid\">\n");
    for (Variable v : Variable.values()) {
      h.append(ev.recalibratedHeldOut().reliability().get(v).svg(String.format(Locale.ROOT,
          "%s recalibrated (n = %d)", v.key(), ev.recalibratedHeldOut().scores().get(v).n())));
    }
    h.append("</div>\n");
    h.append("<p>A reliability diagram pools every category's forecast probability of every"
        + " crisis in ten bins: the observed frequency against the mean forecast, the dot's"
        + " area growing with the count written next to it; a calibrated forecast lies on the"
        + " diagonal. docs/backtest.md gives the method.</p>\n</body></html>\n");
    return h.toString();
  }

  /** The scores and skills of one variable on one set, into {@code vo}. */
  private static void putInterval(ObjectNode vo, String key, double[] ci) {
    ArrayNode a = vo.putArray(key);
    a.add(r4(ci[0]));
    a.add(r4(ci[1]));
  }

  /** A 95% interval as [+0.101, +0.219], or "-" when there is none. */
  private static String interval(double[] ci) {
    return Double.isFinite(ci[0]) ? "[" + f(ci[0]) + ", " + f(ci[1]) + "]" : "-";
  }

  private static ObjectNode putScores(ObjectNode vo, Evaluation.VariableScores vs) {
    vo.put("n", vs.n());
    vo.put("brier", r4(vs.brier()));
    vo.put("rps", r4(vs.rps()));
    vo.put("log", r4(vs.log()));
    vo.put("brierSkill", r4(vs.brierSkill()));
    vo.put("rpsSkill", r4(vs.rpsSkill()));
    vo.put("logSkill", r4(vs.logSkill()));
    vo.put("brierSkillVsBaseline", r4(vs.brierSkillVsBaseline()));
    vo.put("rpsSkillVsBaseline", r4(vs.rpsSkillVsBaseline()));
    vo.put("logSkillVsBaseline", r4(vs.logSkillVsBaseline()));
    return vo;
  }

  private static String cell(double v) {
    if (!Double.isFinite(v)) {
      return "<td>-</td>";
    }
    return String.format(Locale.ROOT, "<td class=\"%s\">%+.3f</td>", v < 0 ? "neg" : "pos", v);
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static double r4(double v) {
    return Double.isFinite(v) ? Math.round(v * 10000) / 10000.0 : Double.NaN;
  }

  private static String f(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.3f", v) : "-";
  }
}
