package org.detente.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.detente.model.Action;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.model.Outcome;
import org.detente.scenario.Question;

/**
 * Turns an {@link EnsembleSummary} into the JSON object that {@code detente run --json} prints
 * (and that {@code compare} reuses per arm). Keys keep a fixed order; numbers that cannot be
 * computed are JSON null, never zero.
 */
public final class SummaryJson {

  private static final double[] QUANTILES = {0.05, 0.5, 0.95};
  private static final String[] QNAMES = {"p05", "p50", "p95"};
  private static final String[] RUNG_NAMES = {
    "cooperation", "verbal-conflict", "threats", "coercion", "military-posture-and-clashes",
    "conventional-war", "nuclear-demonstration", "non-strategic-nuclear-use",
    "strategic-counterforce", "strategic-countervalue"
  };

  private SummaryJson() {}

  /** Name of a ladder rung. */
  public static String rungName(int r) {
    return RUNG_NAMES[r];
  }

  /**
   * Everything about the ensemble's results: outcomes, questions, casualties, first use of each
   * rung, highest rung, escalation paths, final control and drawn motives.
   */
  public static ObjectNode results(EnsembleSummary s, ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    CompiledModel m = s.model();
    long n = s.runs();
    ObjectNode out = root.putObject("outcomes");
    for (Outcome o : Outcome.values()) {
      out.set(o.id(), proportion(mapper, s.outcomeCount(o), n));
    }
    ArrayNode qs = root.putArray("questions");
    List<Question> ql = m.scenario().questions();
    for (int q = 0; q < ql.size(); q++) {
      ObjectNode qn = proportion(mapper, s.questionCount(q), n);
      ObjectNode o = mapper.createObjectNode();
      o.put("id", ql.get(q).id());
      o.put("text", ql.get(q).text());
      o.setAll(qn);
      qs.add(o);
    }
    ObjectNode cas = root.putObject("casualties");
    cas.set("total", hist(mapper, s.totalDeaths()));
    ObjectNode byKind = cas.putObject("byKind");
    for (CasualtyKind k : CasualtyKind.values()) {
      byKind.set(k.name().toLowerCase(java.util.Locale.ROOT), hist(mapper, s.deaths(k)));
    }
    ObjectNode byActor = cas.putObject("byActor");
    for (int a = 0; a < m.actorCount(); a++) {
      ObjectNode an = byActor.putObject(m.actorId(a));
      for (CasualtyKind k : CasualtyKind.values()) {
        an.set(k.name().toLowerCase(java.util.Locale.ROOT), hist(mapper, s.deaths(a, k)));
      }
    }
    ArrayNode rungs = root.putArray("rungs");
    for (int r = 0; r < Action.RUNGS; r++) {
      ObjectNode rn = rungs.addObject();
      rn.put("rung", r);
      rn.put("name", RUNG_NAMES[r]);
      rn.set("reached", proportion(mapper, s.reachedRung(r), n));
      rn.set("highest", proportion(mapper, s.highestRungCount(r), n));
      ObjectNode fw = rn.putObject("firstWeek");
      num(fw, "mean", s.firstWeekMean(r));
      for (int i = 0; i < QUANTILES.length; i++) {
        num(fw, QNAMES[i], s.firstWeekQuantile(r, QUANTILES[i]));
      }
    }
    ArrayNode paths = root.putArray("escalationPaths");
    for (Map.Entry<String, Long> e : s.topPaths(10)) {
      ObjectNode pn = paths.addObject();
      pn.put("path", e.getKey());
      pn.setAll(proportion(mapper, e.getValue(), n));
    }
    ObjectNode ctl = root.putObject("finalControl");
    for (int t = 0; t < m.theaterCount(); t++) {
      ObjectNode tn = ctl.putObject(m.theaterId(t));
      for (int a = -1; a < m.actorCount(); a++) {
        long c = s.controlCount(t, a);
        if (c > 0) {
          tn.put(a < 0 ? "none" : m.actorId(a), n == 0 ? 0.0 : round((double) c / n));
        }
      }
    }
    ObjectNode mot = root.putObject("motives");
    for (int a = 0; a < m.actorCount(); a++) {
      if (m.motiveCount(a) < 2) {
        continue;
      }
      ObjectNode an = mot.putObject(m.actorId(a));
      for (int k = 0; k < m.motiveCount(a); k++) {
        an.put(m.motiveId(a, k), n == 0 ? 0.0 : round((double) s.motiveCount(a, k) / n));
      }
    }
    root.put("meanEventsPerRun", round(s.meanEvents()));
    return root;
  }

  /** {count, p, lo, hi} of k out of n, with the Wilson 95% interval. */
  public static ObjectNode proportion(ObjectMapper mapper, long k, long n) {
    ObjectNode o = mapper.createObjectNode();
    o.put("count", k);
    num(o, "p", n == 0 ? Double.NaN : (double) k / n);
    num(o, "lo", n == 0 ? Double.NaN : Wilson.lower(k, n));
    num(o, "hi", n == 0 ? Double.NaN : Wilson.upper(k, n));
    return o;
  }

  private static ObjectNode hist(ObjectMapper mapper, EnsembleSummary.Hist h) {
    ObjectNode o = mapper.createObjectNode();
    num(o, "mean", h.mean());
    for (int i = 0; i < QUANTILES.length; i++) {
      num(o, QNAMES[i], h.quantile(QUANTILES[i]));
    }
    num(o, "max", h.max());
    o.put("unknownRuns", h.unknown());
    return o;
  }

  /** Puts a number rounded to 6 significant digits, or null when it is NaN or infinite. */
  static void num(ObjectNode o, String key, double v) {
    if (!Double.isFinite(v)) {
      o.putNull(key);
    } else {
      o.put(key, round(v));
    }
  }

  /** Rounds to 6 significant digits (stable text across platforms). */
  static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
  }
}
