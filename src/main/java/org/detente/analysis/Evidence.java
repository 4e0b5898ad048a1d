package org.detente.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.model.Action;
import org.detente.scenario.Channel;
import org.detente.scenario.LocatedYaml;
import org.detente.scenario.Scenario;

/**
 * A set of observations to weigh competing motive hypotheses against, read from an evidence
 * file (see {@code docs/analysis.md}).
 *
 * @param title    what the evidence describes
 * @param scenario id of the scenario whose clock and ids the file uses
 * @param items    the observations, in file order
 */
public record Evidence(String title, String scenario, List<EvidenceItem> items) {

  public Evidence {
    items = List.copyOf(items);
  }

  private static final Set<String> TOP_KEYS = Set.of("title", "scenario", "items");
  private static final Set<String> ITEM_KEYS = Set.of(
      "id", "description", "source", "observed", "actor", "actors", "action", "actions",
      "target", "targets", "theater", "theaters", "weeks", "channel");

  /**
   * Reads and checks an evidence file against a scenario: every actor, target and theater must
   * exist in the scenario, every action in the action catalogue.
   */
  public static Evidence load(java.nio.file.Path path, Scenario scenario) {
    return parse(path.toString(), LocatedYaml.read(path, KIND, CONTENT), scenario);
  }

  /** Parses evidence given as YAML text; {@code file} names it in errors. */
  public static Evidence parse(String file, String text, Scenario scenario) {
    return parse(file, LocatedYaml.parse(file, text, KIND, CONTENT), scenario);
  }

  /** What an evidence file is, in messages. */
  static final String KIND = "a YAML evidence file";
  /** What it holds, in the message for an empty file. */
  static final String CONTENT = "evidence with title, scenario and items";

  /** Parses an evidence document already read; {@code file} names it in errors. */
  public static Evidence parse(String file, LocatedYaml.Node root, Scenario scenario) {
    if (!root.isMap()) {
      throw err(file, root, "(root)", "a mapping with 'title', 'scenario' and 'items'");
    }
    Map<String, LocatedYaml.Node> top = root.map();
    for (var e : top.entrySet()) {
      if (!TOP_KEYS.contains(e.getKey())) {
        throw err(file, e.getValue(), e.getKey(), "one of " + sorted(TOP_KEYS)
            + " (unknown field)");
      }
    }
    String title = optString(file, top, "title", "");
    String scen = optString(file, top, "scenario", null);
    if (scen != null && scenario != null && !scen.equals(scenario.meta().id())) {
      throw err(file, top.get("scenario"), "scenario",
          "the id of the scenario being analysed, '" + scenario.meta().id() + "'");
    }
    LocatedYaml.Node itemsNode = top.get("items");
    if (itemsNode == null) {
      throw err(file, root, "items", "a list of evidence items (missing)");
    }
    if (!itemsNode.isList() || itemsNode.list().isEmpty()) {
      throw err(file, itemsNode, "items", "a non-empty list of evidence items");
    }
    List<EvidenceItem> items = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    int i = 0;
    for (LocatedYaml.Node n : itemsNode.list()) {
      String at = "items[" + i + "]";
      if (!n.isMap()) {
        throw err(file, n, at, "a mapping");
      }
      Map<String, LocatedYaml.Node> m = n.map();
      for (var e : m.entrySet()) {
        if (!ITEM_KEYS.contains(e.getKey())) {
          throw err(file, e.getValue(), at + "." + e.getKey(),
              "one of " + sorted(ITEM_KEYS) + " (unknown field)");
        }
      }
      String id = reqString(file, n, m, "id", at);
      if (!ids.add(id)) {
        throw err(file, m.get("id"), at + ".id", "a unique id ('" + id + "' is used twice)");
      }
      String description = optString(file, m, "description", "");
      String source = reqString(file, n, m, "source", at);
      LocatedYaml.Node obs = m.get("observed");
      if (obs == null || !(obs.value() instanceof Boolean)) {
        throw err(file, obs == null ? n : obs, at + ".observed",
            "true (the event happened) or false (a non-event)");
      }
      List<String> actors = names(file, m, at, "actor", "actors");
      List<String> actions = names(file, m, at, "action", "actions");
      List<String> targets = names(file, m, at, "target", "targets");
      List<String> theaters = names(file, m, at, "theater", "theaters");
      if (actions.isEmpty()) {
        throw err(file, n, at + ".actions", "at least one action id");
      }
      checkIds(file, m, at, actors, "actor", "actors", scenario, 'A');
      checkIds(file, m, at, targets, "target", "targets", scenario, 'A');
      checkIds(file, m, at, theaters, "theater", "theaters", scenario, 'T');
      for (String a : actions) {
        if (Action.byId(a) == null) {
          LocatedYaml.Node where = m.containsKey("action") ? m.get("action") : m.get("actions");
          throw err(file, where, at + ".actions",
              "an action id from the catalogue (got '" + a + "')");
        }
      }
      LocatedYaml.Node w = m.get("weeks");
      if (w == null || !w.isList() || w.list().size() != 2
          || !(w.list().get(0).value() instanceof Integer)
          || !(w.list().get(1).value() instanceof Integer)) {
        throw err(file, w == null ? n : w, at + ".weeks",
            "a window [fromWeek, toWeek] of two whole numbers");
      }
      int from = (Integer) w.list().get(0).value();
      int to = (Integer) w.list().get(1).value();
      if (from < 0 || to < from) {
        throw err(file, w, at + ".weeks", "0 <= fromWeek <= toWeek (got [" + from + ", " + to
            + "])");
      }
      Channel channel = null;
      LocatedYaml.Node chn = m.get("channel");
      if (chn != null) {
        channel = chn.value() instanceof String cs ? channelNamed(cs) : null;
        if (channel == null) {
          throw err(file, chn, at + ".channel", "open, degraded or severed (the state a"
              + " break-relations or restore-relations event leaves the channel in)");
        }
        for (String a : actions) {
          if (!a.equals(Action.BREAK_RELATIONS.id()) && !a.equals(Action.RESTORE_RELATIONS.id())) {
            throw err(file, chn, at + ".channel", "only on break-relations or restore-relations"
                + " items (the item's actions include '" + a + "')");
          }
        }
      }
      items.add(new EvidenceItem(id, description, source, (Boolean) obs.value(), actors, actions,
          targets, theaters, from, to, n.line(), channel));
      i++;
    }
    return new Evidence(title, scen, items);
  }

  private static Channel channelNamed(String name) {
    for (Channel c : Channel.values()) {
      if (c.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static void checkIds(String file, Map<String, LocatedYaml.Node> m, String at,
      List<String> ids, String one, String many, Scenario scenario, char kind) {
    if (scenario == null) {
      return;
    }
    for (String id : ids) {
      int idx = kind == 'A' ? scenario.actorIndex(id) : scenario.theaterIndex(id);
      if (idx < 0) {
        String key = m.containsKey(one) ? one : many;
        List<String> known = kind == 'A'
            ? scenario.actors().stream().map(a -> a.id()).toList()
            : scenario.theaters().stream().map(t -> t.id()).toList();
        throw err(file, m.get(key), at + "." + key,
            (kind == 'A' ? "an actor" : "a theater") + " id of scenario '"
                + scenario.meta().id() + "' " + known + " (got '" + id + "')");
      }
    }
  }

  private static List<String> names(String file, Map<String, LocatedYaml.Node> m, String at,
      String one, String many) {
    if (m.containsKey(one) && m.containsKey(many)) {
      throw err(file, m.get(many), at + "." + many, "either '" + one + "' or '" + many
          + "', not both");
    }
    LocatedYaml.Node n = m.containsKey(one) ? m.get(one) : m.get(many);
    String key = m.containsKey(one) ? one : many;
    if (n == null || n.value() == null) {
      return List.of();
    }
    if (n.value() instanceof String s) {
      return s.equals("any") ? List.of() : List.of(s);
    }
    if (n.isList()) {
      List<String> out = new ArrayList<>();
      for (LocatedYaml.Node e : n.list()) {
        if (!(e.value() instanceof String s)) {
          throw err(file, e, at + "." + key, "an id (text)");
        }
        out.add(s);
      }
      return out;
    }
    throw err(file, n, at + "." + key, "an id, a list of ids, or 'any'");
  }

  private static String reqString(String file, LocatedYaml.Node parent,
      Map<String, LocatedYaml.Node> m, String key, String at) {
    LocatedYaml.Node n = m.get(key);
    if (n == null) {
      throw err(file, parent, at + "." + key, "text (missing)");
    }
    if (!(n.value() instanceof String s) || s.isBlank()) {
      throw err(file, n, at + "." + key, "non-empty text");
    }
    return s;
  }

  private static String optString(String file, Map<String, LocatedYaml.Node> m, String key,
      String dflt) {
    LocatedYaml.Node n = m.get(key);
    if (n == null || n.value() == null) {
      return dflt;
    }
    if (!(n.value() instanceof String s)) {
      throw err(file, n, key, "text");
    }
    return s;
  }

  private static String sorted(Set<String> s) {
    return new java.util.TreeSet<>(s).toString();
  }

  private static InvalidInputException err(String file, LocatedYaml.Node at, String field,
      String expected) {
    return new InvalidInputException(Message.LOCATED_EXPECTED, file, at.line(), at.column(), field,
        expected);
  }
}
