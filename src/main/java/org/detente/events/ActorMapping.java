package org.detente.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.UsageException;

/**
 * Which source actor codes stand for which scenario actor: {@code --actors USA,RUS} (each code
 * stands for the actor of the same id, as the scenarios use ISO 3166-1 alpha-3 codes, the codes
 * CAMEO, GDELT and PLOVER give countries) or a mapping file of {@code CODE=ACTOR} lines (several
 * codes may map to one actor: {@code UKR=UKR}, {@code NATO=NATO}, {@code IGOWSTNAT=NATO}).
 */
public final class ActorMapping {

  private final List<String> actors;
  private final Map<String, Integer> codes;

  private ActorMapping(List<String> actors, Map<String, Integer> codes) {
    this.actors = List.copyOf(actors);
    this.codes = Collections.unmodifiableMap(new HashMap<>(codes));
  }

  /** Each id stands for itself ({@code --actors USA,RUS}). */
  public static ActorMapping ofIds(List<String> ids, List<String> scenarioActors) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String id : ids) {
      String t = id.trim();
      if (t.isEmpty()) {
        throw new UsageException(Message.OPTION_VALUE, "--actors", String.join(",", ids),
            "an empty actor code");
      }
      if (pairs.put(t, t) != null) {
        throw new UsageException(Message.OPTION_TWICE, "--actors", t);
      }
      check(scenarioActors, t, "--actors");
    }
    return of(pairs);
  }

  /**
   * Reads a mapping file: one {@code CODE=ACTOR} (or {@code CODE ACTOR}) per line, {@code #}
   * starts a comment. Every ACTOR must be an actor of {@code scenarioActors} when it is given.
   */
  public static ActorMapping parse(String file, List<String> lines, List<String> scenarioActors) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] kv = line.split("\\s*=\\s*|\\s+");
      int col = raw.indexOf(line.charAt(0)) + 1;
      if (kv.length != 2 || kv[0].isEmpty() || kv[1].isEmpty()) {
        throw new InvalidInputException(Message.LOCATED_EXPECTED, file, i + 1, col, "mapping",
            "CODE=ACTOR (a source code and a scenario actor id), got '" + line + "'");
      }
      if (pairs.containsKey(kv[0])) {
        throw new InvalidInputException(Message.LOCATED, file, i + 1, col, "mapping",
            "code '" + kv[0] + "' is mapped twice");
      }
      if (scenarioActors != null && !scenarioActors.contains(kv[1])) {
        throw new InvalidInputException(Message.LOCATED_EXPECTED, file, i + 1,
            raw.indexOf(kv[1], raw.indexOf(kv[0]) + kv[0].length()) + 1, "mapping",
            "an actor id of the scenario " + scenarioActors + " (got '" + kv[1] + "')");
      }
      pairs.put(kv[0], kv[1]);
    }
    if (pairs.isEmpty()) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file,
          Message.FILE_EMPTY.format("lines CODE=ACTOR"));
    }
    return of(pairs);
  }

  private static void check(List<String> scenarioActors, String id, String option) {
    if (scenarioActors != null && !scenarioActors.contains(id)) {
      throw new UsageException(Message.UNKNOWN_NAME, "actor", id, scenarioActors);
    }
  }

  private static ActorMapping of(Map<String, String> pairs) {
    List<String> actors = new ArrayList<>();
    Map<String, Integer> codes = new HashMap<>();
    for (var e : pairs.entrySet()) {
      int idx = actors.indexOf(e.getValue());
      if (idx < 0) {
        idx = actors.size();
        actors.add(e.getValue());
      }
      codes.put(e.getKey(), idx);
    }
    return new ActorMapping(actors, codes);
  }

  /** The actors, in the order they were first named; an index of {@link #lookup} is into it. */
  public List<String> actors() {
    return actors;
  }

  /** The actor index a code stands for, or -1. */
  public int lookup(String code) {
    if (code == null || code.isEmpty()) {
      return -1;
    }
    Integer i = codes.get(code);
    return i == null ? -1 : i;
  }
}
