package org.detente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.detente.analysis.SummaryJson;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.engine.Rng;
import org.detente.engine.Simulator;
import org.detente.model.Action;
import org.detente.scenario.Scenario;
import org.detente.scenario.Theater;

/**
 * {@code explain --json}: one run as data, week by week: the decisions (every action other than
 * waiting, or every one with {@code --all}) and notes of each week, and the state at the start
 * of the week's decisions (who controls each theater, each actor's forces there), for a timeline
 * beside a map.
 */
final class ExplainJson {

  private final Scenario scenario;
  private final CompiledModel model;
  private final List<ObjectNode> weeks = new ArrayList<>();

  ExplainJson(Scenario scenario, CompiledModel model) {
    this.scenario = scenario;
    this.model = model;
  }

  /** The entry of {@code week}, created when first met; the state is taken then. */
  private ObjectNode week(Simulator sim, int week) {
    while (weeks.size() <= week) {
      int w = weeks.size();
      ObjectNode o = AnalysisSupport.mapper().createObjectNode();
      o.put("week", w);
      o.put("date", date(w).toString());
      o.putArray("decisions");
      o.putArray("notes");
      weeks.add(o);
    }
    ObjectNode o = weeks.get(week);
    if (sim != null && !o.has("control")) {
      state(o, sim);
    }
    return o;
  }

  private void state(ObjectNode o, Simulator sim) {
    ArrayNode control = o.putArray("control");
    for (int t = 0; t < model.theaterCount(); t++) {
      int c = sim.finalController(t);
      if (c >= 0) {
        control.add(model.actorId(c));
      } else {
        control.addNull();
      }
    }
    ObjectNode forces = o.putObject("forces");
    for (int a = 0; a < model.actorCount(); a++) {
      ArrayNode f = forces.putArray(model.actorId(a));
      for (int t = 0; t < model.theaterCount(); t++) {
        f.add(Math.rint(sim.forces(a, t) * 10) / 10);
      }
    }
  }

  private LocalDate date(int week) {
    return scenario.meta().asOf().plusDays((long) week * scenario.meta().stepDays());
  }

  void decision(Simulator sim, int week, int actor, int target, Action act, int theater,
      double utility, double prob, boolean all) {
    ObjectNode w = week(sim, week);
    if (act == Action.WAIT && !all) {
      return;
    }
    ObjectNode d = ((ArrayNode) w.get("decisions")).addObject();
    d.put("actor", model.actorId(actor));
    d.put("target", model.actorId(target));
    d.put("action", act.id());
    d.put("rung", act.rung());
    if (theater >= 0) {
      d.put("theater", model.theaterId(theater));
    } else {
      d.putNull("theater");
    }
    if (act.cameo() != null) {
      d.put("cameo", act.cameo());
      d.put("goldstein", act.goldstein());
    }
    d.put("utility", Math.rint(utility * 1000) / 1000);
    d.put("p", Math.rint(prob * 100) / 100);
  }

  void note(int week, String text) {
    ((ArrayNode) week(null, week).get("notes")).add(text);
  }

  /** The whole run as one JSON object. */
  String finish(Simulator sim, long seed, int run, String splitPath) {
    ObjectNode root = AnalysisSupport.mapper().createObjectNode();
    root.put("command", "explain");
    root.put("scenario", scenario.meta().id());
    root.put("title", scenario.meta().title());
    root.put("seed", seed);
    if (splitPath != null) {
      root.put("splitPath", splitPath);
    } else {
      root.put("run", run);
      root.put("runSeed", Long.toUnsignedString(Rng.runSeed(seed, run)));
    }
    ArrayNode pol = root.putArray("policies");
    scenario.meta().appliedPolicies().forEach(pol::add);
    root.put("asOf", scenario.meta().asOf().toString());
    root.put("stepDays", scenario.meta().stepDays());
    ArrayNode actors = root.putArray("actors");
    for (int a = 0; a < model.actorCount(); a++) {
      ObjectNode o = actors.addObject();
      o.put("id", model.actorId(a));
      o.put("name", scenario.actors().get(a).name());
      if (model.typeCount(a) >= 2) {
        o.put("resolve", model.resolveLevel(a, sim.resolveLevel(a)));
        o.put("motive", model.motiveId(a, sim.motive(a)));
      }
    }
    ArrayNode theaters = root.putArray("theaters");
    for (Theater t : scenario.theaters()) {
      ObjectNode o = theaters.addObject();
      o.put("id", t.id());
      o.put("name", t.name());
      o.put("lat", t.lat());
      o.put("lon", t.lon());
      o.put("control", t.control());
      ArrayNode adj = o.putArray("adjacent");
      t.adjacent().forEach(adj::add);
    }
    ArrayNode ws = root.putArray("weeks");
    int end = sim.endWeek();
    for (int w = 0; w < weeks.size() && w <= end; w++) {
      ws.add(weeks.get(w));
    }
    ObjectNode last = root.putObject("end");
    last.put("week", end);
    last.put("date", date(end).toString());
    state(last, sim);
    ObjectNode outcome = root.putObject("outcome");
    outcome.put("id", sim.outcome().id());
    outcome.put("week", end);
    outcome.put("highestRung", sim.highestRung());
    outcome.put("highestRungName", SummaryJson.rungName(sim.highestRung()));
    ObjectNode deaths = root.putObject("deaths");
    for (int a = 0; a < model.actorCount(); a++) {
      ObjectNode d = deaths.putObject(model.actorId(a));
      for (CasualtyKind k : CasualtyKind.values()) {
        double v = sim.deaths(a, k);
        String key = k.name().toLowerCase(java.util.Locale.ROOT);
        if (Double.isNaN(v)) {
          d.putNull(key);
        } else {
          d.put(key, Math.rint(v));
        }
      }
    }
    return root.toString();
  }
}
