package org.detente.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.detente.analysis.Distributions;
import org.detente.analysis.EnsembleSummary;
import org.detente.analysis.EscalationPath;
import org.detente.analysis.PolicyComparison;
import org.detente.engine.CasualtyKind;
import org.detente.model.Outcome;
import org.detente.scenario.Actor;
import org.detente.scenario.Alliance;
import org.detente.scenario.AllianceMember;
import org.detente.scenario.Force;
import org.detente.scenario.Motive;
import org.detente.scenario.Parameter;
import org.detente.scenario.Question;
import org.detente.scenario.Relation;
import org.detente.scenario.Scenario;
import org.detente.scenario.Theater;

/**
 * Renders a self-contained HTML report: inline CSS and SVG drawn here, no script, nothing fetched
 * when the page is opened. The markup is well-formed XML (every element closed, text escaped).
 */
public final class HtmlReport {

  /** Short names of the ladder rungs 0..9. */
  public static final String[] RUNG_NAMES = new String[ReportData.RUNGS];

  static {
    for (int r = 0; r < RUNG_NAMES.length; r++) {
      RUNG_NAMES[r] = org.detente.analysis.SummaryJson.rungName(r).replace('-', ' ');
    }
  }

  /** Distinct colours for actors (Kelly's 20 colours of maximum contrast, minus white/black). */
  private static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
    "#e6550d", "#31a354", "#756bb1", "#636363"
  };

  private static final String[] OUTCOME_COLOURS = {
    "#27ae60", "#7f8c8d", "#d68910", "#c0392b", "#641e16"
  };

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
      margin:0;color:#1c2833;background:#fbfcfc}
      header{background:#1c2833;color:#fbfcfc;padding:18px 32px}
      header h1{margin:0 0 4px 0;font-size:26px}
      header p{margin:2px 0;color:#d5dbdb}
      header code{background:#34495e;color:#fbfcfc;border-radius:3px}
      nav{padding:8px 32px;background:#eaeded;font-size:14px}
      nav a{margin-right:14px;color:#1f618d;text-decoration:none}
      main{padding:0 32px 40px 32px;max-width:1200px}
      section{margin-top:28px}
      h2{border-bottom:2px solid #aab7b8;padding-bottom:4px;font-size:21px}
      h3{font-size:16px;margin-bottom:6px}
      table{border-collapse:collapse;font-size:13px;margin:6px 0 12px 0}
      th,td{border:1px solid #d5d8dc;padding:3px 8px;text-align:left;vertical-align:top}
      th{background:#eaeded}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      .note{color:#566573;font-size:13px;max-width:900px}
      .chart{margin:6px 0 10px 0}
      svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
      fill:#1c2833}
      code{background:#f2f3f4;padding:1px 4px}
      span.w{white-space:nowrap}
      """;

  private HtmlReport() {}

  /** Renders the report. */
  public static String render(ReportInput in) {
    return render(in, null);
  }

  /**
   * The report with a section setting the baseline ensemble's weekly event mix against an
   * observed series ({@code detente report --observed}), or without it when {@code events} is
   * null.
   */
  public static String render(ReportInput in, org.detente.events.EventComparison events) {
    Scenario s = in.scenario();
    StringBuilder h = new StringBuilder(64_000);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        .append("<title>").append(Html.esc("Detente report: " + s.meta().title()))
        .append("</title><style>").append(CSS).append("</style></head><body>\n");
    h.append("<header><h1>").append(Html.esc(s.meta().title())).append("</h1><p>Scenario <code>")
        .append(Html.esc(s.meta().id())).append("</code>, week 0 = ")
        .append(s.meta().asOf()).append(", horizon ").append(s.meta().horizonSteps())
        .append(" weeks, ").append(in.data().runs()).append(" runs.</p><p>")
        .append(Html.esc(s.meta().source())).append("</p></header>\n");
    h.append("<nav>");
    for (String[] a : new String[][] {{"assumptions", "Assumptions"}, {"outcomes", "Outcomes"},
        {"casualties", "Casualties"}, {"time", "Time to event"}, {"paths", "Escalation paths"},
        {"comparison", "Policies"}, {"tornado", "Sensitivity"}, {"map", "Map"},
        {"events", "Event data"}, {"reproduce", "Reproduce"}}) {
      if (a[0].equals("comparison") && in.rare() != null) {
        h.append("<a href=\"#rare\">Rare event</a>");
      }
      if (a[0].equals("events") && events == null) {
        continue;
      }
      h.append("<a href=\"#").append(a[0]).append("\">").append(a[1]).append("</a>");
    }
    h.append("</nav><main>\n");
    assumptions(h, s);
    outcomes(h, in);
    casualties(h, in);
    timeToEvent(h, in);
    paths(h, in);
    rare(h, in);
    comparison(h, in);
    tornado(h, in);
    map(h, in);
    if (events != null) {
      events(h, events);
    }
    reproduce(h, in);
    h.append("</main></body></html>\n");
    return h.toString();
  }

  // ---------------------------------------------------------------- assumptions

  private static void assumptions(StringBuilder h, Scenario s) {
    h.append("<section id=\"assumptions\"><h2>Assumptions</h2>");
    if (s.meta().description() != null && !s.meta().description().isBlank()) {
      h.append("<p class=\"note\">").append(Html.esc(s.meta().description())).append("</p>");
    }
    if (!s.meta().appliedPolicies().isEmpty()) {
      h.append("<p class=\"note\">Policies applied to this scenario: ")
          .append(Html.esc(String.join(", ", s.meta().appliedPolicies()))).append("</p>");
    }
    h.append("<h3>Actors</h3><table><tr><th>Actor</th><th>Kind</th><th>Population (M)</th>")
        .append("<th>Forces (thousand troops by theater)</th><th>Nuclear warheads")
        .append(" (strategic / non-strategic)</th><th>Doctrine</th><th>Risk attitude</th></tr>");
    for (Actor a : s.actors()) {
      StringBuilder f = new StringBuilder();
      for (Force fo : a.forces()) {
        if (f.length() > 0) {
          f.append(", ");
        }
        f.append(fo.theater()).append(' ').append(fmt0(fo.troopsThousands()));
      }
      h.append("<tr><td><b>").append(Html.esc(a.id())).append("</b> ").append(Html.esc(a.name()))
          .append("</td><td>").append(a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .append("</td><td class=\"n\">").append(fmt0(a.populationMillions()))
          .append("</td><td>").append(Html.esc(f.toString())).append("</td><td class=\"n\">");
      if (a.arsenal() != null && a.arsenal().nuclear()) {
        h.append(a.arsenal().strategicWarheads()).append(" / ")
            .append(a.arsenal().nonStrategicWarheads());
      } else {
        h.append("none");
      }
      h.append("</td><td>");
      if (a.doctrine() != null) {
        h.append(a.doctrine().firstUse().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      h.append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%+.2f",
          a.riskAttitude())).append("</td></tr>");
    }
    h.append("</table>");
    h.append("<h3>Motive hypotheses and priors</h3><table><tr><th>Actor</th><th>Hypothesis</th>")
        .append("<th>Prior</th><th>What it says</th></tr>");
    for (Actor a : s.actors()) {
      for (Motive m : a.motives()) {
        h.append("<tr><td>").append(Html.esc(a.id())).append("</td><td>")
            .append(Html.esc(m.id())).append("</td><td class=\"n\">").append(Html.pct(m.prior()))
            .append("</td><td>").append(Html.esc(m.description())).append("</td></tr>");
      }
    }
    h.append("</table>");
    h.append("<h3>Channels and relations</h3><table><tr><th>Pair</th><th>Channel</th>")
        .append("<th>Hostility</th><th>Rhetoric</th><th>Mediator</th></tr>");
    for (Relation r : s.relations()) {
      h.append("<tr><td>").append(Html.esc(r.a() + "–" + r.b())).append("</td><td>")
          .append(r.channel().name().toLowerCase(Locale.ROOT)).append("</td><td class=\"n\">")
          .append(fmt2(r.hostility())).append("</td><td class=\"n\">").append(fmt2(r.rhetoric()))
          .append("</td><td>").append(Html.esc(r.mediator() == null ? "" : r.mediator()))
          .append("</td></tr>");
    }
    h.append("</table>");
    if (!s.alliances().isEmpty()) {
      h.append("<h3>Alliances</h3><table><tr><th>Alliance</th><th>Members (credibility)</th>")
          .append("</tr>");
      for (Alliance al : s.alliances()) {
        StringBuilder m = new StringBuilder();
        for (AllianceMember am : al.members()) {
          if (m.length() > 0) {
            m.append(", ");
          }
          m.append(am.actor()).append(" (").append(fmt2(am.credibility())).append(')');
        }
        h.append("<tr><td>").append(Html.esc(al.id() + " " + al.name())).append("</td><td>")
            .append(Html.esc(m.toString())).append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("<h3>Parameters</h3>");
    if (s.parameters().isEmpty()) {
      h.append("<p class=\"note\">The scenario overrides no model constant; catalogue defaults")
          .append(" apply.</p>");
    } else {
      h.append("<table><tr><th>Parameter</th><th>Value</th><th>Range</th><th>Source</th></tr>");
      for (Parameter p : s.parameters()) {
        h.append("<tr><td>").append(Html.esc(p.name())).append("</td><td class=\"n\">")
            .append(Html.num(p.value())).append("</td><td class=\"n\">").append(Html.num(p.low()))
            .append(" – ").append(Html.num(p.high())).append("</td><td>")
            .append(Html.esc(p.source())).append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("</section>\n");
  }

  // ---------------------------------------------------------------- outcomes

  private static void outcomes(StringBuilder h, ReportInput in) {
    EnsembleSummary d = in.data().summary();
    long n = d.runs();
    h.append("<section id=\"outcomes\"><h2>Outcome probabilities</h2>")
        .append("<p class=\"note\">Share of runs ending in each outcome class, with Wilson (1927)")
        .append(" 95% intervals.</p>");
    List<String> labels = new ArrayList<>();
    List<long[]> counts = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      labels.add(o.id().replace('_', ' '));
      counts.add(new long[] {d.outcomeCount(o), n});
      colours.add(OUTCOME_COLOURS[o.ordinal()]);
    }
    h.append("<div class=\"chart\">").append(probabilityBars(labels, counts, colours,
        "Outcome probabilities")).append("</div>");
    h.append("<table><tr><th>Outcome</th><th>Runs</th><th>Probability</th><th>95% interval</th>")
        .append("</tr>");
    for (int i = 0; i < labels.size(); i++) {
      row(h, labels.get(i), counts.get(i)[0], n);
    }
    h.append("</table>");
    Scenario s = in.scenario();
    if (!s.questions().isEmpty()) {
      h.append("<h3>Forecast questions</h3><table><tr><th>Question</th><th>Runs</th>")
          .append("<th>Probability</th><th>95% interval</th></tr>");
      List<String> ql = new ArrayList<>();
      List<long[]> qc = new ArrayList<>();
      List<String> qcol = new ArrayList<>();
      for (int q = 0; q < s.questions().size(); q++) {
        Question qq = s.questions().get(q);
        row(h, qq.id() + ": " + qq.text(), d.questionCount(q), n);
        ql.add(qq.id());
        qc.add(new long[] {d.questionCount(q), n});
        qcol.add("#2e6da4");
      }
      h.append("</table><div class=\"chart\">")
          .append(probabilityBars(ql, qc, qcol, "Question probabilities")).append("</div>");
    }
    h.append("<h3>Highest rung reached</h3><table><tr><th>Rung</th><th>Runs</th>")
        .append("<th>Share</th></tr>");
    for (int r = 0; r < ReportData.RUNGS; r++) {
      h.append("<tr><td>").append(r).append(' ').append(RUNG_NAMES[r])
          .append("</td><td class=\"n\">").append(d.highestRungCount(r))
          .append("</td><td class=\"n\">")
          .append(Html.pct(n == 0 ? Double.NaN : d.highestRungCount(r) / (double) n))
          .append("</td></tr>");
    }
    h.append("</table></section>\n");
  }

  private static void row(StringBuilder h, String label, long k, long n) {
    double[] w = Distributions.wilson(k, n, Distributions.Z95);
    h.append("<tr><td>").append(Html.esc(label)).append("</td><td class=\"n\">").append(k)
        .append("</td><td class=\"n\">").append(Html.pct(n == 0 ? Double.NaN : k / (double) n))
        .append("</td><td class=\"n\">").append(Html.pct(w[0])).append(" – ")
        .append(Html.pct(w[1])).append("</td></tr>");
  }

  /** Horizontal bars with Wilson whiskers; axis 0..1. */
  static String probabilityBars(List<String> labels, List<long[]> counts, List<String> colours,
      String title) {
    int rowH = 26;
    double left = 200;
    double width = 560;
    double height = 30 + rowH * labels.size() + 24;
    Svg g = new Svg(left + width + 90, height, title);
    for (int t = 0; t <= 10; t += 2) {
      double x = left + width * t / 10.0;
      g.line(x, 20, x, 20 + rowH * labels.size(), "#d5d8dc", 1);
      g.text(x, 20 + rowH * labels.size() + 16, (t * 10) + "%", "middle", 11, null);
    }
    for (int i = 0; i < labels.size(); i++) {
      long k = counts.get(i)[0];
      long n = counts.get(i)[1];
      double p = n == 0 ? 0 : k / (double) n;
      double[] w = Distributions.wilson(k, n, Distributions.Z95);
      double y = 20 + i * rowH;
      g.text(left - 8, y + rowH / 2.0 + 4, labels.get(i), "end", 12, null);
      g.rect(left, y + 5, width * p, rowH - 10, colours.get(i), null);
      double x0 = left + width * w[0];
      double x1 = left + width * w[1];
      double ym = y + rowH / 2.0;
      g.line(x0, ym, x1, ym, "#1c2833", 1.5);
      g.line(x0, ym - 5, x0, ym + 5, "#1c2833", 1.5);
      g.line(x1, ym - 5, x1, ym + 5, "#1c2833", 1.5);
      g.text(Math.max(x1, left + width * p) + 6, ym + 4, Html.pct(p), "start", 11, null);
    }
    return g.end();
  }

  // ---------------------------------------------------------------- casualties

  private static void casualties(StringBuilder h, ReportInput in) {
    EnsembleSummary d = in.data().summary();
    h.append("<section id=\"casualties\"><h2>Casualties</h2>")
        .append("<p class=\"note\">Deaths per run summed over actors, the figures")
        .append(" <code>detente run</code> prints for the same runs. Quantiles are read from a")
        .append(" streaming log-scale histogram (").append(EnsembleSummary.Hist.binsPerDecade())
        .append(" bins per decade, so within ±6%); means and maxima are exact.</p><table><tr>")
        .append("<th>Kind</th><th>P(any)</th><th>Mean</th><th>Median</th><th>95th pct</th>")
        .append("<th>99th pct</th><th>Max</th></tr>");
    List<String> names = new ArrayList<>();
    List<EnsembleSummary.Hist> hists = new ArrayList<>();
    for (CasualtyKind k : CasualtyKind.values()) {
      names.add(k.name().toLowerCase(Locale.ROOT));
      hists.add(d.deaths(k));
    }
    names.add("total");
    hists.add(d.totalDeaths());
    for (int i = 0; i < names.size(); i++) {
      EnsembleSummary.Hist lh = hists.get(i);
      h.append("<tr><td>").append(names.get(i)).append("</td><td class=\"n\">")
          .append(Html.pct(lh.count() == 0 ? Double.NaN
              : 1 - lh.zeroCount() / (double) lh.count()))
          .append("</td><td class=\"n\">").append(Html.count(lh.mean()))
          .append("</td><td class=\"n\">").append(Html.count(lh.quantile(0.5)))
          .append("</td><td class=\"n\">").append(Html.count(lh.quantile(0.95)))
          .append("</td><td class=\"n\">").append(Html.count(lh.quantile(0.99)))
          .append("</td><td class=\"n\">").append(Html.count(lh.max())).append("</td></tr>");
    }
    h.append("</table>");
    h.append("<div class=\"chart\">").append(histogramChart(d.totalDeaths()))
        .append("</div>");
    Scenario s = in.scenario();
    h.append("<h3>Mean deaths per run by actor</h3><table><tr><th>Actor</th>");
    for (CasualtyKind k : CasualtyKind.values()) {
      h.append("<th>").append(k.name().toLowerCase(Locale.ROOT)).append("</th>");
    }
    h.append("</tr>");
    for (int a = 0; a < s.actors().size(); a++) {
      h.append("<tr><td>").append(Html.esc(s.actors().get(a).id())).append("</td>");
      for (CasualtyKind k : CasualtyKind.values()) {
        h.append("<td class=\"n\">").append(Html.count(d.deaths(a, k).mean())).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table></section>\n");
  }

  /** Distribution of total deaths in the runs with any death, on log-scale bins. */
  static String histogramChart(EnsembleSummary.Hist lh) {
    long[] c = lh.binCounts();
    int perDecade = EnsembleSummary.Hist.binsPerDecade();
    int first = c.length;
    int last = 0;
    long max = 1;
    long nonZero = 0;
    for (int b = 1; b < c.length; b++) {
      if (c[b] > 0) {
        first = Math.min(first, b);
        last = b;
        max = Math.max(max, c[b]);
        nonZero += c[b];
      }
    }
    double left = 60;
    double width = 700;
    double top = 24;
    double plotH = 160;
    Svg g = new Svg(left + width + 40, top + plotH + 50, "Distribution of total deaths per run");
    String head = Html.pct(lh.count() == 0 ? Double.NaN : c[0] / (double) lh.count())
        + " of runs: no deaths. Distribution of the other " + nonZero + " runs:";
    g.text(left, 14, head, "start", 11, null);
    if (nonZero == 0) {
      return g.end();
    }
    int fromDecade = (first - 1) / perDecade;
    int toDecade = Math.max(fromDecade + 1, (int) Math.ceil(last / (double) perDecade));
    int bins = (toDecade - fromDecade) * perDecade;
    double binW = width / bins;
    double yScale = plotH / max;
    for (int b = fromDecade * perDecade + 1; b <= toDecade * perDecade
        && b < c.length; b++) {
      double x = left + (b - 1 - fromDecade * perDecade) * binW;
      g.rect(x, top + plotH - c[b] * yScale, Math.max(1, binW - 1), c[b] * yScale, "#c0392b",
          null);
    }
    for (int dd = fromDecade; dd <= toDecade; dd++) {
      double x = left + (dd - fromDecade) * perDecade * binW;
      g.line(x, top + plotH, x, top + plotH + 4, "#1c2833", 1);
      g.text(x, top + plotH + 16, Html.people(Math.pow(10, dd)), "middle", 10, null);
    }
    g.line(left, top + plotH, left + width, top + plotH, "#1c2833", 1);
    g.line(left, top, left, top + plotH, "#1c2833", 1);
    g.text(left - 6, top + 8, Long.toString(max), "end", 10, null);
    g.text(left - 6, top + plotH, "0", "end", 10, null);
    g.text(left + width / 2, top + plotH + 36, "total deaths per run (log scale)", "middle", 11,
        null);
    g.text(20, top + plotH / 2, "runs", "middle", 11,
        "transform=\"rotate(-90 20 " + Svg.n(top + plotH / 2) + ")\"");
    return g.end();
  }

  // ---------------------------------------------------------------- time to event

  private static void timeToEvent(StringBuilder h, ReportInput in) {
    EnsembleSummary d = in.data().summary();
    int horizon = d.horizonWeeks();
    h.append("<section id=\"time\"><h2>Time to event</h2><p class=\"note\">Cumulative")
        .append(" probability that a run has reached each rung of the escalation ladder (or a")
        .append(" higher one) by each week. Rungs never reached are omitted.</p>");
    double left = 60;
    double width = 760;
    double top = 20;
    double plotH = 260;
    Svg g = new Svg(left + width + 290, top + plotH + 50, "Time to first reaching each rung");
    for (int t = 0; t <= 10; t += 2) {
      double y = top + plotH - plotH * t / 10.0;
      g.line(left, y, left + width, y, "#e5e8e8", 1);
      g.text(left - 6, y + 4, (t * 10) + "%", "end", 10, null);
    }
    int step = horizon <= 60 ? 10 : horizon <= 160 ? 26 : 52;
    for (int w = 0; w <= horizon; w += step) {
      double x = left + width * w / (double) Math.max(1, horizon);
      g.line(x, top + plotH, x, top + plotH + 4, "#1c2833", 1);
      g.text(x, top + plotH + 16, Integer.toString(w), "middle", 10, null);
    }
    g.line(left, top + plotH, left + width, top + plotH, "#1c2833", 1);
    g.text(left + width / 2, top + plotH + 36, "week", "middle", 11, null);
    int legend = 0;
    for (int r = 1; r < ReportData.RUNGS; r++) {
      double[] c = d.cumulativeRung(r);
      if (c[horizon] <= 0) {
        continue;
      }
      String col = rungColour(r);
      StringBuilder p = new StringBuilder();
      for (int w = 0; w <= horizon; w++) {
        double x = left + width * w / (double) Math.max(1, horizon);
        double y = top + plotH - plotH * c[w];
        p.append(w == 0 ? "M" : "L").append(Svg.n(x)).append(' ').append(Svg.n(y));
      }
      g.path(p.toString(), col, 2, "none", null);
      double ly = top + 10 + legend * 18;
      g.line(left + width + 14, ly - 4, left + width + 34, ly - 4, col, 3);
      g.text(left + width + 40, ly, r + " " + RUNG_NAMES[r] + " (" + Html.pct(c[horizon]) + ")",
          "start", 11, null);
      legend++;
    }
    h.append("<div class=\"chart\">").append(g.end()).append("</div></section>\n");
  }

  private static String rungColour(int r) {
    String[] c = {"#27ae60", "#5dade2", "#2e86c1", "#af7ac5", "#f4d03f", "#e67e22", "#e74c3c",
        "#b03a2e", "#78281f", "#1c2833"};
    return c[r];
  }

  // ---------------------------------------------------------------- escalation paths

  private static final class TrieNode {
    final String label;
    final int rung;
    long count;
    final Map<Integer, TrieNode> children = new LinkedHashMap<>();
    double y;
    int depth;

    TrieNode(String label, int rung, int depth) {
      this.label = label;
      this.rung = rung;
      this.depth = depth;
    }
  }

  private static void rare(StringBuilder h, ReportInput in) {
    ReportInput.RareEvent r = in.rare();
    if (r == null) {
      return;
    }
    h.append("<section id=\"rare\"><h2>Rare event: ").append(Html.esc(r.target()))
        .append("</h2><p class=\"note\">Estimated by multilevel splitting (docs/analysis.md,")
        .append(" \"Rare events\"): runs that come closer to the event are copied and continued")
        .append(" with their own random streams; ").append(r.replications())
        .append(" independent replications, ").append(String.format(Locale.ROOT, "%,d",
            r.simulatedWeeks())).append(" simulated weeks.</p>");
    h.append("<table><tr><th>p</th><th>95% interval</th><th>Relative error</th>")
        .append("<th>Plain runs for the same precision</th></tr><tr><td class=\"n\">")
        .append(sci(r.p())).append("</td><td class=\"n\">[").append(sci(r.lo())).append(", ")
        .append(sci(r.hi())).append("]</td><td class=\"n\">")
        .append(Double.isFinite(r.relativeError())
            ? String.format(Locale.ROOT, "%.1f%%", 100 * r.relativeError()) : "n/a")
        .append("</td><td class=\"n\">")
        .append(Double.isFinite(r.bruteForceRuns())
            ? String.format(Locale.ROOT, "%,.0f", r.bruteForceRuns()) : "n/a")
        .append("</td></tr></table>");
    if (r.paths().isEmpty()) {
      h.append("<p class=\"note\">No trajectory reached the event; the interval's upper end")
          .append(" bounds its probability.</p></section>\n");
      return;
    }
    h.append("<h3>Most likely paths</h3><table><tr><th>p</th><th>Path</th>")
        .append("<th>Replay one</th></tr>");
    for (ReportInput.RarePath p : r.paths()) {
      h.append("<tr><td class=\"n\">").append(sci(p.p())).append("</td><td>")
          .append(Html.esc(p.description())).append("</td><td><code>")
          .append(Html.esc(p.replay())).append("</code></td></tr>");
    }
    h.append("</table></section>\n");
  }

  private static String sci(double v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
  }

  private static void paths(StringBuilder h, ReportInput in) {
    EnsembleSummary d = in.data().summary();
    long n = d.runs();
    List<Map.Entry<String, Long>> top = d.topPaths(12);
    int shown = top.size();
    h.append("<section id=\"paths\"><h2>Most frequent escalation paths</h2>")
        .append("<p class=\"note\">A path is the sequence of rungs that raised a run's highest")
        .append(" rung so far, in the order of its event log (<code>detente run</code> prints the")
        .append(" same paths, e.g. <code>1&gt;2&gt;5</code>). The tree joins the ").append(shown)
        .append(" most frequent paths; line width is proportional to the share of runs.</p>");
    TrieNode root = new TrieNode("start", -1, 0);
    long covered = 0;
    for (int i = 0; i < shown; i++) {
      String key = top.get(i).getKey();
      long c = top.get(i).getValue();
      covered += c;
      root.count += c;
      TrieNode cur = root;
      for (int r : EscalationPath.parse(key)) {
        TrieNode next = cur.children.get(r);
        if (next == null) {
          next = new TrieNode(RUNG_NAMES[r], r, cur.depth + 1);
          cur.children.put(r, next);
        }
        next.count += c;
        cur = next;
      }
    }
    int[] leaf = {0};
    int maxDepth = layout(root, leaf);
    double colW = 120;
    double rowH = 48;
    double width = 40 + colW * (maxDepth + 1) + 120;
    double height = Math.max(60, 24 + rowH * Math.max(1, leaf[0]));
    Svg g = new Svg(width, height, "Escalation path tree");
    drawTrie(g, root, n, colW, rowH);
    h.append("<div class=\"chart\">").append(g.end()).append("</div>");
    h.append("<table><tr><th>#</th><th>Path</th><th>Rungs</th><th>Runs</th><th>Share</th>")
        .append("</tr>");
    for (int i = 0; i < shown; i++) {
      String key = top.get(i).getKey();
      StringBuilder label = new StringBuilder();
      for (int r : EscalationPath.parse(key)) {
        if (label.length() > 0) {
          label.append(" → ");
        }
        label.append(RUNG_NAMES[r]);
      }
      if (label.length() == 0) {
        label.append("(no action)");
      }
      h.append("<tr><td class=\"n\">").append(i + 1).append("</td><td><code>")
          .append(Html.esc(key)).append("</code></td><td>")
          .append(Html.esc(label.toString())).append("</td><td class=\"n\">")
          .append(top.get(i).getValue()).append("</td><td class=\"n\">")
          .append(Html.pct(n == 0 ? Double.NaN : top.get(i).getValue() / (double) n))
          .append("</td></tr>");
    }
    h.append("</table><p class=\"note\">These paths cover ")
        .append(Html.pct(n == 0 ? Double.NaN : covered / (double) n)).append(" of runs; ")
        .append(d.distinctPaths()).append(" distinct paths in all")
        .append(d.otherPaths() > 0 ? " (" + d.otherPaths() + " runs on rarer paths not kept)" : "")
        .append(".</p></section>\n");
  }

  private static int layout(TrieNode node, int[] leaf) {
    if (node.children.isEmpty()) {
      node.y = leaf[0]++;
      return node.depth;
    }
    List<TrieNode> kids = new ArrayList<>(node.children.values());
    kids.sort(Comparator.comparingLong((TrieNode t) -> t.count).reversed());
    node.children.clear();
    int depth = node.depth;
    double sum = 0;
    for (TrieNode k : kids) {
      node.children.put(k.rung, k);
      depth = Math.max(depth, layout(k, leaf));
      sum += k.y;
    }
    node.y = sum / kids.size();
    return depth;
  }

  private static void drawTrie(Svg g, TrieNode node, long runs, double colW, double rowH) {
    double x = 20 + node.depth * colW;
    double y = 36 + node.y * rowH;
    for (TrieNode k : node.children.values()) {
      double x2 = 20 + k.depth * colW;
      double y2 = 36 + k.y * rowH;
      double w = runs == 0 ? 1 : Math.max(1, 18.0 * k.count / runs);
      String d = "M" + Svg.n(x) + " " + Svg.n(y) + " C" + Svg.n(x + colW / 2) + " "
          + Svg.n(y) + " " + Svg.n(x2 - colW / 2) + " " + Svg.n(y2) + " " + Svg.n(x2) + " "
          + Svg.n(y2);
      g.path(d, rungColour(k.rung), w, "none", "stroke-opacity=\"0.55\"");
      drawTrie(g, k, runs, colW, rowH);
    }
    g.circle(x, y, 4, node.rung < 0 ? "#1c2833" : rungColour(node.rung), null);
    String[] words = node.label.split(" ");
    String l1 = words[0];
    String l2 = "";
    for (int i = 1; i < words.length; i++) {
      if (l2.isEmpty() && (l1 + " " + words[i]).length() <= 16) {
        l1 = l1 + " " + words[i];
      } else {
        l2 = l2.isEmpty() ? words[i] : l2 + " " + words[i];
      }
    }
    String share = Html.pct(runs == 0 ? Double.NaN : node.count / (double) runs);
    if (l2.isEmpty()) {
      g.text(x + 6, y - 6, l1, "start", 10, null);
    } else {
      g.text(x + 6, y - 17, l1, "start", 10, null);
      g.text(x + 6, y - 6, l2, "start", 10, null);
    }
    g.text(x + 6, y + 13, share, "start", 10, "font-weight=\"bold\"");
  }

  // ---------------------------------------------------------------- event data

  private static void events(StringBuilder h, org.detente.events.EventComparison c) {
    h.append("<section id=\"events\"><h2>Observed against simulated event mix</h2>")
        .append("<p class=\"note\">The baseline runs' weekly events between ")
        .append(Html.esc(String.join(", ", c.dyads()))).append(" (weeks 0–")
        .append(c.weeks() - 1).append(") against the observed series ")
        .append(Html.esc(String.join("; ", c.observed().inputs())))
        .append(": quad-class shares (simulated mean and 5–95 % of runs), the weekly mean")
        .append(" Goldstein value, the CRPS of the observed weekly means under the ensemble")
        .append(" and the energy distance between the weekly quad-share distributions")
        .append(" (docs/events.md).</p><table><tr><th>quad class</th><th>observed</th>")
        .append("<th>simulated</th><th>5–95 % of runs</th></tr>");
    for (int q = 1; q <= 4; q++) {
      double[] m = c.simulatedShare(q);
      h.append("<tr><td>").append(Html.esc(org.detente.events.Cameo.QUAD_NAMES.get(q)))
          .append("</td><td>").append(Html.pct(c.observedShare(q))).append("</td><td>")
          .append(Html.pct(m[0])).append("</td><td>").append(Html.pct(m[1])).append(" – ")
          .append(Html.pct(m[2])).append("</td></tr>");
    }
    double[] crps = c.crps();
    double[] e = c.energyDistance();
    h.append("</table><p>").append(String.format(java.util.Locale.ROOT, "CRPS of the observed"
        + " weekly mean Goldstein value: %.2f under the ensemble, %.2f under observed"
        + " climatology (skill %.2f, %d weeks). Energy distance D² of the weekly quad-share"
        + " vectors: %.3f (%d simulated run-weeks, %d observed weeks; 0 = same distribution).",
        crps[0], crps[1], 1 - crps[0] / crps[1], (int) crps[2], e[0], (int) e[1], (int) e[2]))
        .append("</p><div class=\"chart\">")
        .append(EventsChart.inline(c)).append("</div></section>\n");
  }

  // ---------------------------------------------------------------- comparison

  private static void comparison(StringBuilder h, ReportInput in) {
    PolicyComparison.Result r = in.comparison();
    h.append("<section id=\"comparison\"><h2>Policy comparison</h2>");
    if (r == null) {
      h.append("<p class=\"note\">No policy was given (use <code>--policy NAME</code>).</p>")
          .append("</section>\n");
      return;
    }
    h.append("<p class=\"note\">Each policy is run with the same seeds as the baseline (common")
        .append(" random numbers), so run i of both arms pair up. Differences are policy minus")
        .append(" baseline with Newcombe (1998) paired 95% intervals and mid-p McNemar (1947)")
        .append(" p-values.</p>");
    h.append("<table><tr><th>Indicator</th>");
    for (String a : r.arms()) {
      h.append("<th>").append(Html.esc(a)).append("</th>");
    }
    for (int a = 1; a < r.arms().size(); a++) {
      h.append("<th>").append(Html.esc(r.arms().get(a))).append(" − ")
          .append(Html.esc(r.arms().get(0))).append(" (95% CI, p)</th>");
    }
    h.append("</tr>");
    for (int i = 0; i < r.indicators().size(); i++) {
      h.append("<tr><td>").append(Html.esc(r.indicators().get(i))).append("</td>");
      for (int a = 0; a < r.arms().size(); a++) {
        h.append("<td class=\"n\">").append(Html.pct(r.p(a, i))).append("</td>");
      }
      for (int a = 1; a < r.arms().size(); a++) {
        PolicyComparison.Difference dd = r.differences().get(a - 1).get(i);
        h.append("<td class=\"n\">").append(Html.pp(dd.diff())).append(" (")
            .append(Html.pp(dd.lo())).append(", ").append(Html.pp(dd.hi())).append("; ")
            .append(Html.esc(Html.pEquals(dd.pValue()))).append(")</td>");
      }
      h.append("</tr>");
    }
    h.append("</table><div class=\"chart\">").append(forest(r)).append("</div></section>\n");
  }

  static String forest(PolicyComparison.Result r) {
    int arms = r.arms().size() - 1;
    int k = r.indicators().size();
    double maxAbs = 0.01;
    for (List<PolicyComparison.Difference> l : r.differences()) {
      for (PolicyComparison.Difference d : l) {
        maxAbs = Math.max(maxAbs, Math.max(Math.abs(d.lo()), Math.abs(d.hi())));
      }
    }
    maxAbs = Math.ceil(maxAbs * 20) / 20.0;
    double left = 200;
    double width = 520;
    double rowH = 14.0 * arms + 8;
    double top = 20;
    double height = top + rowH * k + 60;
    Svg g = new Svg(left + width + 200, height, "Paired differences against the baseline");
    double zero = left + width / 2;
    g.line(zero, top, zero, top + rowH * k, "#1c2833", 1);
    for (int t = -2; t <= 2; t++) {
      double v = maxAbs * t / 2;
      double x = zero + width / 2 * t / 2.0;
      g.dashed(x, top, x, top + rowH * k, "#d5d8dc");
      g.text(x, top + rowH * k + 14, Html.pp(v), "middle", 10, null);
    }
    for (int i = 0; i < k; i++) {
      double y0 = top + i * rowH;
      g.text(left - 8, y0 + rowH / 2 + 4, r.indicators().get(i), "end", 11, null);
      for (int a = 0; a < arms; a++) {
        PolicyComparison.Difference d = r.differences().get(a).get(i);
        double y = y0 + 8 + a * 14;
        String col = PALETTE[(a + 1) % PALETTE.length];
        double x0 = zero + d.lo() / maxAbs * width / 2;
        double x1 = zero + d.hi() / maxAbs * width / 2;
        g.line(x0, y, x1, y, col, 2);
        g.circle(zero + d.diff() / maxAbs * width / 2, y, 3.5, col, null);
      }
    }
    for (int a = 0; a < arms; a++) {
      double y = top + rowH * k + 32 + a * 14;
      g.line(left, y - 4, left + 20, y - 4, PALETTE[(a + 1) % PALETTE.length], 3);
      g.text(left + 26, y, r.arms().get(a + 1) + " − " + r.arms().get(0), "start", 11, null);
    }
    return g.end();
  }

  // ---------------------------------------------------------------- tornado

  private static void tornado(StringBuilder h, ReportInput in) {
    h.append("<section id=\"tornado\"><h2>Sensitivity (tornado)</h2>");
    if (in.tornado().isEmpty()) {
      h.append("<p class=\"note\">No sensitivity analysis was run (").append(
          "<code>--tornado-runs 0</code>).</p></section>\n");
      return;
    }
    List<ReportInput.TornadoBar> all = new ArrayList<>(in.tornado());
    all.sort(Comparator.comparingDouble(ReportInput.TornadoBar::swing).reversed()
        .thenComparing(ReportInput.TornadoBar::name));
    List<ReportInput.TornadoBar> bars = all.subList(0, Math.min(15, all.size()));
    h.append("<p class=\"note\">Probability of <b>").append(Html.esc(in.tornadoOutput()))
        .append("</b> with each uncertain parameter set to the low and the high end of its")
        .append(" range, the others at their values (one at a time, common random numbers).")
        .append(" Blue: low end; red: high end. ");
    if (in.tornadoWhy() != null) {
      h.append(Html.esc(in.tornadoWhy())).append(' ');
    }
    if (all.size() > bars.size()) {
      h.append("The ").append(bars.size()).append(" widest of ").append(all.size())
          .append(" bars are drawn; the table lists all.");
    }
    h.append("</p>");
    if (all.get(0).swing() == 0) {
      h.append("<p class=\"note\"><b>No parameter moved this output:</b> it is ")
          .append(Html.pct(all.get(0).base())).append(" at every tested value.</p>");
    }
    double base = bars.get(0).base();
    double min = base;
    double max = base;
    for (ReportInput.TornadoBar b : bars) {
      min = Math.min(min, Math.min(b.outLow(), b.outHigh()));
      max = Math.max(max, Math.max(b.outLow(), b.outHigh()));
    }
    double pad = Math.max(0.01, (max - min) * 0.1);
    min = Math.max(0, min - pad);
    max = Math.min(1, max + pad);
    double left = 190;
    double width = 560;
    double rowH = 26;
    double top = 20;
    Svg g = new Svg(left + width + 120, top + rowH * bars.size() + 40, "Tornado chart");
    final double lo = min;
    final double span = Math.max(1e-9, max - min);
    java.util.function.DoubleUnaryOperator xs = v -> left + width * (v - lo) / span;
    for (int t = 0; t <= 4; t++) {
      double v = lo + span * t / 4;
      double x = xs.applyAsDouble(v);
      g.dashed(x, top, x, top + rowH * bars.size(), "#d5d8dc");
      g.text(x, top + rowH * bars.size() + 14, Html.pct(v), "middle", 10, null);
    }
    for (int i = 0; i < bars.size(); i++) {
      ReportInput.TornadoBar b = bars.get(i);
      double y = top + i * rowH;
      double xb = xs.applyAsDouble(base);
      double xl = xs.applyAsDouble(b.outLow());
      double xh = xs.applyAsDouble(b.outHigh());
      // the longer bar first, so that a shorter one on the same side stays visible on top
      boolean lowFirst = Math.abs(xl - xb) >= Math.abs(xh - xb);
      for (int pass = 0; pass < 2; pass++) {
        boolean low = (pass == 0) == lowFirst;
        double xe = low ? xl : xh;
        g.rect(Math.min(xb, xe), y + (pass == 0 ? 4 : 8), Math.abs(xe - xb),
            rowH - (pass == 0 ? 8 : 16), low ? "#2e6da4" : "#c0392b", null);
      }
      g.text(left - 8, y + rowH / 2 + 4, b.name(), "end", 11, null);
      g.text(Math.max(xb, Math.max(xl, xh)) + 6, y + rowH / 2 + 4,
          Html.pct(b.outLow()) + " / " + Html.pct(b.outHigh()), "start", 10, null);
    }
    double xb = xs.applyAsDouble(base);
    g.line(xb, top - 4, xb, top + rowH * bars.size(), "#1c2833", 1.5);
    g.text(xb, top - 8, "value: " + Html.pct(base), "middle", 10, null);
    h.append("<div class=\"chart\">").append(g.end()).append("</div><table><tr>")
        .append("<th>Parameter</th><th>Low</th><th>High</th><th>Output at low</th>")
        .append("<th>Output at high</th><th>High − low</th></tr>");
    for (ReportInput.TornadoBar b : all) {
      h.append("<tr><td>").append(Html.esc(b.name())).append("</td><td class=\"n\">")
          .append(Html.num(b.low())).append("</td><td class=\"n\">").append(Html.num(b.high()))
          .append("</td><td class=\"n\">").append(Html.pct(b.outLow()))
          .append("</td><td class=\"n\">").append(Html.pct(b.outHigh()))
          .append("</td><td class=\"n\">").append(Html.pp(b.outHigh() - b.outLow()))
          .append("</td></tr>");
    }
    h.append("</table></section>\n");
  }

  // ---------------------------------------------------------------- map

  private static void map(StringBuilder h, ReportInput in) {
    Scenario s = in.scenario();
    ReportData d = in.data();
    long n = d.runs();
    h.append("<section id=\"map\"><h2>Map of theaters, control and strikes</h2>")
        .append("<p class=\"note\">Each theater is drawn at its representative point, filled")
        .append(" with the colour of the actor most often in control at the end of a run; grey")
        .append(" lines join adjacent theaters. A red ring's area is proportional to the share")
        .append(" of runs with a nuclear detonation in the theater; an orange ring marks")
        .append(" conventional attacks the same way.");
    if (in.borders() == null) {
      h.append(" Country borders are not drawn (no border data shipped).");
    }
    h.append("</p>");
    List<Theater> ts = s.theaters();
    if (ts.isEmpty()) {
      h.append("</section>\n");
      return;
    }
    double minLat = 90;
    double maxLat = -90;
    double minLon = 180;
    double maxLon = -180;
    for (Theater t : ts) {
      minLat = Math.min(minLat, t.lat());
      maxLat = Math.max(maxLat, t.lat());
      minLon = Math.min(minLon, t.lon());
      maxLon = Math.max(maxLon, t.lon());
    }
    double padLat = Math.max(3, (maxLat - minLat) * 0.12);
    double padLon = Math.max(4, (maxLon - minLon) * 0.08);
    minLat -= padLat;
    maxLat += padLat;
    minLon -= padLon;
    maxLon += padLon * 2.5; // room for the labels right of the points
    double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
    double width = 900;
    double spanX = (maxLon - minLon) * cos;
    double spanY = maxLat - minLat;
    double height = Math.max(260, Math.min(700, width * spanY / spanX));
    double scale = Math.min(width / spanX, height / spanY);
    final double fMinLon = minLon;
    final double fMaxLat = maxLat;
    java.util.function.DoubleBinaryOperator px = (lon, lat) -> (lon - fMinLon) * cos * scale;
    java.util.function.DoubleBinaryOperator py = (lon, lat) -> (fMaxLat - lat) * scale;
    List<Integer> legendActors = new ArrayList<>();
    double legendHeight = 20 + 10 + 40;
    for (int a = 0; a < s.actors().size(); a++) {
      for (int t = 0; t < ts.size(); t++) {
        if (d.summary().controlCount(t, a) > 0) {
          legendActors.add(a);
          legendHeight += 3 + 15 * wrap(legendName(s.actors().get(a)), LEGEND_CHARS).size();
          break;
        }
      }
    }
    Svg g = new Svg(width + LEGEND_WIDTH, Math.max(height, legendHeight), "Map of theaters");
    g.raw("<svg x=\"0\" y=\"0\" width=\"" + Svg.n(width) + "\" height=\"" + Svg.n(height)
        + "\" viewBox=\"0 0 " + Svg.n(width) + " " + Svg.n(height) + "\" overflow=\"hidden\">");
    g.rect(0, 0, width, height, "#eaf2f8", null);
    if (in.borders() != null) {
      for (double[] line : in.borders()) {
        StringBuilder p = new StringBuilder();
        boolean any = false;
        for (int i = 0; i + 1 < line.length; i += 2) {
          double lon = line[i];
          double lat = line[i + 1];
          p.append(i == 0 ? "M" : "L").append(Svg.n(px.applyAsDouble(lon, lat))).append(' ')
              .append(Svg.n(py.applyAsDouble(lon, lat)));
          if (lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat) {
            any = true;
          }
        }
        if (any) {
          g.path(p.toString(), "#a6acaf", 0.7, "none", null);
        }
      }
    }
    for (int i = 0; i < ts.size(); i++) {
      Theater a = ts.get(i);
      for (String adj : a.adjacent()) {
        int j = s.theaterIndex(adj);
        if (j > i) {
          Theater b = ts.get(j);
          g.line(px.applyAsDouble(a.lon(), a.lat()), py.applyAsDouble(a.lon(), a.lat()),
              px.applyAsDouble(b.lon(), b.lat()), py.applyAsDouble(b.lon(), b.lat()), "#aab7b8",
              1.5);
        }
      }
    }
    double[] xs = new double[ts.size()];
    double[] ys = new double[ts.size()];
    List<String> labels = new ArrayList<>();
    for (int t = 0; t < ts.size(); t++) {
      Theater th = ts.get(t);
      double x = px.applyAsDouble(th.lon(), th.lat());
      double y = py.applyAsDouble(th.lon(), th.lat());
      xs[t] = x;
      ys[t] = y;
      double attack = n == 0 ? 0 : d.attackRuns(t) / (double) n;
      double nuke = n == 0 ? 0 : d.nuclearRuns(t) / (double) n;
      if (attack > 0) {
        g.circle(x, y, 9 + 40 * Math.sqrt(attack), "none",
            "stroke=\"#e67e22\" stroke-width=\"2\" stroke-opacity=\"0.8\"");
      }
      if (nuke > 0) {
        g.circle(x, y, 9 + 40 * Math.sqrt(nuke), "#e74c3c",
            "fill-opacity=\"0.25\" stroke=\"#b03a2e\" stroke-width=\"2\"");
      }
      int modal = -1;
      long best = 0;
      for (int a = 0; a < s.actors().size(); a++) {
        if (d.summary().controlCount(t, a) > best) {
          best = d.summary().controlCount(t, a);
          modal = a;
        }
      }
      String col = modal < 0 ? "#7f8c8d" : PALETTE[modal % PALETTE.length];
      String share = Html.pct(n == 0 ? Double.NaN : best / (double) n);
      g.raw("<g>");
      g.circle(x, y, 8, col, "stroke=\"#1c2833\" stroke-width=\"1\"");
      g.title(th.name() + ": " + (modal < 0 ? "no controller" : s.actors().get(modal).id()
          + " controls in " + share) + "; nuclear detonation in " + Html.pct(nuke)
          + " of runs");
      g.raw("</g>");
      // the controller and its share only where the map has news: a change or a contest
      String ctl = modal < 0 ? "none" : s.actors().get(modal).id();
      boolean news = best < n || !ctl.equals(th.control());
      labels.add(th.id() + (news ? " (" + ctl + " " + share + ")" : ""));
    }
    List<MapLabels.Placed> placed = MapLabels.place(xs, ys, 8, labels, width, height);
    for (int t = 0; t < ts.size(); t++) {
      MapLabels.Placed p = placed.get(t);
      g.text(p.x(), p.y(), labels.get(t), p.anchor(), 11,
          "stroke=\"#eaf2f8\" stroke-width=\"3\" paint-order=\"stroke\"");
    }
    g.raw("</svg>");
    double y = 20;
    for (int a : legendActors) {
      g.circle(width + 20, y - 4, 6, PALETTE[a % PALETTE.length], null);
      for (String line : wrap(legendName(s.actors().get(a)), LEGEND_CHARS)) {
        g.text(width + 32, y, line, "start", 11, null);
        y += 15;
      }
      y += 3;
    }
    y += 10;
    g.circle(width + 20, y, 8, "#e74c3c", "fill-opacity=\"0.25\" stroke=\"#b03a2e\"");
    g.text(width + 32, y + 4, "nuclear detonation", "start", 11, null);
    g.circle(width + 20, y + 22, 8, "none", "stroke=\"#e67e22\" stroke-width=\"2\"");
    g.text(width + 32, y + 26, "conventional attack", "start", 11, null);
    h.append("<div class=\"chart\">").append(g.end()).append("</div>");
    if (in.bordersCredit() != null) {
      h.append("<p class=\"note\">").append(Html.esc(in.bordersCredit())).append("</p>");
    }
    h.append("<table><tr><th>Theater</th><th>Control at week 0</th><th>Final control")
        .append(" (share of runs)</th><th>Runs with attack</th><th>Runs with nuclear")
        .append(" detonation</th><th>Nuclear detonations (all runs)</th></tr>");
    for (int t = 0; t < ts.size(); t++) {
      Theater th = ts.get(t);
      StringBuilder c = new StringBuilder();
      for (int a = 0; a < s.actors().size(); a++) {
        if (d.summary().controlCount(t, a) > 0) {
          if (c.length() > 0) {
            c.append(", ");
          }
          c.append(s.actors().get(a).id()).append(' ')
              .append(Html.pct(d.summary().controlCount(t, a) / (double) n));
        }
      }
      h.append("<tr><td>").append(Html.esc(th.id() + " " + th.name())).append("</td><td>")
          .append(Html.esc(th.control())).append("</td><td>").append(Html.esc(c.toString()))
          .append("</td><td class=\"n\">").append(Html.pct(n == 0 ? Double.NaN
              : d.attackRuns(t) / (double) n)).append("</td><td class=\"n\">")
          .append(Html.pct(n == 0 ? Double.NaN : d.nuclearRuns(t) / (double) n))
          .append("</td><td class=\"n\">").append(d.nuclearStrikes(t)).append("</td></tr>");
    }
    h.append("</table></section>\n");
  }

  // ---------------------------------------------------------------- reproduce

  private static void reproduce(StringBuilder h, ReportInput in) {
    h.append("<section id=\"reproduce\"><h2>Reproduce</h2><p class=\"note\">The same options")
        .append(" and seed give the same report, whatever the number of threads.</p>")
        .append("<table><tr><th>Option</th><th>Value</th></tr>");
    for (Map.Entry<String, String> e : in.options().entrySet()) {
      h.append("<tr><td>").append(Html.esc(e.getKey())).append("</td><td><code>");
      if (e.getKey().equals("command")) {
        // lines break between words only, never at the hyphen of an option
        String[] words = e.getValue().split(" ");
        for (int i = 0; i < words.length; i++) {
          h.append(i == 0 ? "" : " ").append("<span class=\"w\">").append(Html.esc(words[i]))
              .append("</span>");
        }
      } else {
        h.append(Html.esc(e.getValue()));
      }
      h.append("</code></td></tr>");
    }
    h.append("</table></section>\n");
  }

  /** Characters per line of the map legend, and the legend's width in pixels. */
  private static final int LEGEND_CHARS = 34;
  private static final double LEGEND_WIDTH = 40 + LEGEND_CHARS * MapLabels.CHAR_WIDTH;

  private static String legendName(Actor a) {
    return a.id() + " " + a.name();
  }

  /** Words of {@code text} in lines of at most {@code max} characters (a longer word alone). */
  static List<String> wrap(String text, int max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String w : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + w.length() > max) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(w);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String fmt0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String fmt2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
