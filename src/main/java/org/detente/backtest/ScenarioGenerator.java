package org.detente.backtest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.detente.geo.Geo;

/**
 * Writes a Detente scenario for an ICB crisis from what was known at its trigger: the crisis
 * actors and the states that triggered their crises, with COW NMC population, military
 * expenditure and personnel of the trigger year, ATOP defence pacts, Thompson–Dreyer rivalries
 * as prior hostility, warhead inventories of the year, the triggering acts as scripted events
 * at week 0, a home theater per state at its capital, and the standard motive and resolve
 * priors. It reads {@link IcbData.Crisis} only, never ICB's coding of the outcome
 * ({@link IcbData.Coding}): the scenario is the same whatever the crisis's violence, form of
 * outcome, duration or actors' outcomes. docs/backtest.md gives every rule with its reason.
 */
public final class ScenarioGenerator {

  /**
   * Horizon in weeks: 52, the year within which 91% of the ICB v14 crises ended (the 90th
   * percentile of their durations is 351 days; the same share holds for those triggered before
   * 1980). A fixed horizon from the whole set's distribution, not from any crisis's own duration.
   */
  public static final int HORIZON_WEEKS = 52;

  /** Years an NMC figure may be taken from when the trigger year has none. */
  static final int NMC_WINDOW = 5;

  /** Capitals within this distance (km) make two home theaters adjacent. */
  static final double ADJACENT_KM = 1500;

  /** Prior hostility of a state toward the state that triggered its crisis (and back). */
  static final double HOSTILITY_ADVERSARY = 0.6;

  /** Added to the prior hostility of a pair of strategic rivals. */
  static final double HOSTILITY_RIVALRY = 0.3;

  /** Prior hostility of two states on no opposed sides. */
  static final double HOSTILITY_OTHER = 0.1;

  /**
   * Forces of the third party struck by an indirect violent act, as a share of the attacker's
   * military personnel: ICB does not name the party or give its size; the Non-State Actor data
   * code most armed groups as much weaker than the government they fight (Cunningham, Gleditsch
   * & Salehyan 2009). An assumption, chosen on the training crises only (docs/backtest.md §1).
   */
  static final double THIRD_PARTY_SHARE = 0.1;

  /** Credibility of an ATOP defence pact (no data on it: a middle value). */
  static final double ALLIANCE_CREDIBILITY = 0.6;

  private final IcbData data;

  /** A generator over the given data. */
  public ScenarioGenerator(IcbData data) {
    this.data = data;
  }

  /** Generates the scenario of a crisis, or says why it cannot. */
  public GeneratedCrisis generate(IcbData.Crisis c) {
    List<String> missing = new ArrayList<>();
    if (c.year() < 0) {
      return fail(c, "no trigger year in the ICB data", missing);
    }
    int year = c.year();
    // actors: crisis actors, then the states that triggered their crises
    Set<Integer> codes = new LinkedHashSet<>();
    for (IcbData.CrisisActor a : c.actors()) {
      codes.add(a.ccode());
    }
    for (IcbData.CrisisActor a : c.actors()) {
      if (a.trigger() >= 0 && data.state(a.trigger()) != null) {
        codes.add(a.trigger());
      }
    }
    Map<Integer, IcbData.Nmc> nmc = new LinkedHashMap<>();
    for (int code : codes) {
      IcbData.State st = data.state(code);
      if (st == null) {
        missing.add("COW state code " + code + ": not in the COW state list, left out");
        continue;
      }
      IcbData.Nmc n = nmcNear(code, year, missing);
      if (n == null) {
        missing.add(st.abb() + ": no COW NMC figures within " + NMC_WINDOW + " years of " + year
            + ", left out");
        continue;
      }
      nmc.put(code, n);
    }
    // adversary pairs: each crisis actor and the state that triggered its crisis
    Set<Long> adversaries = new LinkedHashSet<>();
    for (IcbData.CrisisActor a : c.actors()) {
      if (nmc.containsKey(a.ccode()) && nmc.containsKey(a.trigger()) && a.trigger() != a.ccode()) {
        adversaries.add(pair(a.ccode(), a.trigger()));
      }
    }
    if (adversaries.isEmpty()) {
      return fail(c, "no state among the triggering entities with COW data (a non-state,"
          + " internal or multiple trigger)", missing);
    }
    Map<Integer, Integer> sides = sides(nmc.keySet(), adversaries);
    if (sides == null) {
      return fail(c, "the triggering pairs do not split the actors into two sides", missing);
    }
    Map<Integer, String> ids = new LinkedHashMap<>();
    for (int code : nmc.keySet()) {
      ids.put(code, data.state(code).abb());
    }
    Map<String, Integer> sideById = new LinkedHashMap<>();
    for (int code : nmc.keySet()) {
      sideById.put(ids.get(code), sides.getOrDefault(code, 0));
    }
    Map<String, double[]> facts = new LinkedHashMap<>();
    for (Map.Entry<Integer, IcbData.Nmc> e : nmc.entrySet()) {
      IcbData.State st = data.state(e.getKey());
      facts.put(ids.get(e.getKey()), new double[] {e.getKey(), e.getValue().cinc(),
          data.nuclear().warheads(e.getKey(), year), st.lat(), st.lon()});
    }
    String yaml = yaml(c, year, nmc, adversaries, sides, ids);
    return new GeneratedCrisis(c, yaml, null, ids, sideById, List.copyOf(missing), facts);
  }

  private static GeneratedCrisis fail(IcbData.Crisis c, String reason, List<String> missing) {
    return new GeneratedCrisis(c, null, reason, Map.of(), Map.of(), List.copyOf(missing),
        Map.of());
  }

  private IcbData.Nmc nmcNear(int code, int year, List<String> missing) {
    IcbData.Nmc n = data.nmc(code, year);
    if (n != null && n.complete()) {
      return n;
    }
    for (int d = 1; d <= NMC_WINDOW; d++) {
      for (int y : new int[] {year - d, year + d}) {
        IcbData.Nmc m = data.nmc(code, y);
        if (m != null && m.complete()) {
          missing.add(data.state(code).abb() + ": COW NMC figures of " + y + " used for "
              + year + (n == null ? " (no row for " + year + ")" : " (incomplete row)"));
          return m;
        }
      }
    }
    return null;
  }

  /** Two-colours the adversary graph from its first pair; null if it is not two-sided. */
  private static Map<Integer, Integer> sides(Set<Integer> codes, Set<Long> adversaries) {
    Map<Integer, Integer> side = new LinkedHashMap<>();
    long first = adversaries.iterator().next();
    side.put((int) (first >> 32), 1);
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add((int) (first >> 32));
    boolean changed = true;
    while (changed) {
      changed = false;
      while (!queue.isEmpty()) {
        int a = queue.poll();
        for (long p : adversaries) {
          int x = (int) (p >> 32);
          int y = (int) p;
          int other = x == a ? y : y == a ? x : -1;
          if (other < 0) {
            continue;
          }
          int want = 3 - side.get(a);
          Integer has = side.get(other);
          if (has == null) {
            side.put(other, want);
            queue.add(other);
          } else if (has != want) {
            return null;
          }
        }
      }
      // pairs not connected to the first pair: their first member joins side 1
      for (long p : adversaries) {
        int x = (int) (p >> 32);
        if (!side.containsKey(x) && !side.containsKey((int) p)) {
          side.put(x, 1);
          queue.add(x);
          changed = true;
          break;
        }
      }
    }
    return side;
  }

  private static long pair(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private String yaml(IcbData.Crisis c, int year, Map<Integer, IcbData.Nmc> nmc,
      Set<Long> adversaries, Map<Integer, Integer> sides, Map<Integer, String> ids) {
    StringBuilder y = new StringBuilder(4096);
    Map<Integer, Integer> third = thirdParties(c, nmc);
    String sid = String.format(Locale.ROOT, "icb-%03d", c.id());
    int month = c.month() >= 1 && c.month() <= 12 ? c.month() : 1;
    int day = c.day() >= 1 && c.day() <= 28 ? c.day() : c.day() >= 29 && c.day() <= 31
        ? Math.min(c.day(), java.time.YearMonth.of(year, month).lengthOfMonth()) : 1;
    y.append("# Generated by `detente backtest --emit` from the International Crisis Behavior\n")
        .append("# data v14 (Brecher & Wilkenfeld 2000; ICB codebook v14) and the Correlates of\n")
        .append("# War data (NMC 6.0, ATOP 5, Thompson & Dreyer 2012 rivalries); the rules are in\n")
        .append("# docs/backtest.md. Built from the crisis's trigger only, never from its outcome.\n");
    y.append("meta:\n")
        .append("  id: ").append(sid).append('\n')
        .append("  title: ").append(q(String.format(Locale.ROOT, "ICB crisis %d: %s (%d)",
            c.id(), title(c.name()), year))).append('\n')
        .append("  description: ").append(q("Generated from ICB v14 crisis " + c.id()
            + ": the crisis actors and the states that triggered their crises, as of the"
            + " trigger.")).append('\n')
        .append("  source: ").append(q("ICB v14 (crisis " + c.id() + "); COW NMC 6.0 ("
            + year + "); ATOP 5; Thompson & Dreyer 2012")).append('\n')
        .append(String.format(Locale.ROOT, "  asOf: %04d-%02d-%02d%n", year, month, day))
        .append("  timeStep: 1 week\n")
        .append("  horizon: ").append(HORIZON_WEEKS).append(" weeks\n");
    long pp = principals(year, adversaries);
    y.append("principals: [").append(ids.get((int) (pp >> 32))).append(", ")
        .append(ids.get((int) pp)).append("]   # the adversary pair of highest prior hostility,"
            + " nuclear-armed pairs first\n");
    y.append("actors:\n");
    for (Map.Entry<Integer, IcbData.Nmc> e : nmc.entrySet()) {
      int code = e.getKey();
      IcbData.Nmc n = e.getValue();
      IcbData.State st = data.state(code);
      String id = ids.get(code);
      int side = sides.getOrDefault(code, 0);
      y.append("  - id: ").append(id).append('\n')
          .append("    name: ").append(q(st.name())).append('\n')
          .append("    kind: state\n")
          .append(String.format(Locale.ROOT, "    population: %s M   # COW NMC %d tpop%n",
              num(n.tpop() / 1000.0), n.year()))
          .append(String.format(Locale.ROOT, "    milex: %s bn USD   # COW NMC %d milex%n",
              num(n.milex() / 1e6), n.year()))
          .append("    forces:\n")
          .append(String.format(Locale.ROOT,
              "      - {theater: %s, troops: %sk}   # COW NMC %d milper%n", id,
              num((double) n.milper()), n.year()));
      int warheads = data.nuclear().warheads(code, year);
      if (warheads > 0) {
        y.append(String.format(Locale.ROOT,
            "    arsenal:%n      strategic: {warheads: %d, yield: %s kt}"
                + "   # nuclear_inventories.csv, %d%n", warheads,
            num(data.nuclear().yieldKt(code, year)), year))
            .append("    doctrine: {firstUse: existential, threshold: 0.5, retaliation: 0.9}\n");
      }
      y.append("    resolve: {levels: [0.6, 1.0, 1.4], prior: [0.25, 0.5, 0.25]}\n");
      y.append("    motives:\n");
      if (side == 0) {
        y.append("      - {id: status-quo, description: keep what it holds, prior: 1.0,"
            + " territory: {").append(id).append(": 1.0}, regimeSecurity: 0.5}\n");
      } else {
        String enemy = principalEnemy(code, adversaries, ids, nmc);
        y.append("      - {id: defend, description: hold its own and its position on the"
            + " crisis, prior: 0.6, territory: {").append(id).append(": 1.0},"
            + " regimeSecurity: 0.5}\n");
        y.append("      - {id: revise, description: change the status quo at the adversary's"
            + " expense, prior: 0.4, territory: {").append(id).append(": 1.0, ")
            .append(enemy).append(": 0.3}, regimeSecurity: 0.5}\n");
      }
    }
    for (Map.Entry<Integer, Integer> e : third.entrySet()) {
      int t = e.getKey();
      String tid = ids.get(t);
      IcbData.Nmc n = nmc.get(t);
      y.append("  - id: ").append(thirdId(tid)).append('\n')
          .append("    name: ").append(q("The party " + data.state(t).name()
              + "'s violence struck")).append('\n')
          .append("    kind: non-state   # ICB: an indirect violent act, against an ally or a"
              + " client of ").append(ids.get(e.getValue())).append("; the data do not name it\n")
          .append("    sponsor: ").append(ids.get(e.getValue())).append('\n')
          .append("    forces:\n")
          .append(String.format(Locale.ROOT,
              "      - {theater: %s, troops: %sk}   # %s of %s's COW NMC %d milper%n", tid,
              num(THIRD_PARTY_SHARE * n.milper()), num(THIRD_PARTY_SHARE), tid, n.year()))
          .append("    resolve: {levels: [0.6, 1.0, 1.4], prior: [0.25, 0.5, 0.25]}\n")
          .append("    motives:\n")
          .append("      - {id: survive, description: hold out against the attack, prior: 1.0,"
              + " regimeSecurity: 0.5}\n");
    }
    y.append("theaters:\n");
    for (int code : nmc.keySet()) {
      IcbData.State st = data.state(code);
      String id = ids.get(code);
      List<String> adj = new ArrayList<>();
      for (int other : nmc.keySet()) {
        if (other != code && adjacent(code, other, adversaries)) {
          adj.add(ids.get(other));
        }
      }
      y.append("  - {id: ").append(id).append(", name: ").append(q(st.name()))
          .append(", adjacent: [").append(String.join(", ", adj)).append("], control: ")
          .append(id).append(", home: ").append(id).append(", terrain: mixed, ")
          .append(String.format(Locale.ROOT, "lat: %.4f, lon: %.4f}", st.lat(), st.lon()))
          .append("   # capital: ").append(st.capital()).append(" (GeoNames)\n");
    }
    y.append("relations:\n");
    List<Integer> list = new ArrayList<>(nmc.keySet());
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        int a = list.get(i);
        int b = list.get(j);
        boolean adv = adversaries.contains(pair(a, b));
        boolean opposed = sides.containsKey(a) && sides.containsKey(b)
            && !sides.get(a).equals(sides.get(b));
        boolean rivals = data.rivals(a, b, year);
        boolean same = sides.containsKey(a) && sides.get(a).equals(sides.get(b));
        double h = same ? 0.0 : adv || opposed ? HOSTILITY_ADVERSARY : HOSTILITY_OTHER;
        if (rivals && !same) {
          h += HOSTILITY_RIVALRY;
        }
        y.append("  - {between: [").append(ids.get(a)).append(", ").append(ids.get(b))
            .append("], channel: open, hostility: ").append(num(h)).append(", rhetoric: 0}");
        if (rivals) {
          y.append("   # strategic rivals (Thompson & Dreyer 2012)");
        }
        y.append('\n');
      }
    }
    for (Map.Entry<Integer, Integer> e : third.entrySet()) {
      String vid = thirdId(ids.get(e.getKey()));
      int patron = sides.getOrDefault(e.getValue(), 0);
      for (int b : list) {
        int sb = sides.getOrDefault(b, 0);
        double h = b == e.getKey() || (sb != 0 && patron != 0 && sb != patron)
            ? HOSTILITY_ADVERSARY : sb != 0 && sb == patron ? 0.0 : HOSTILITY_OTHER;
        y.append("  - {between: [").append(vid).append(", ").append(ids.get(b))
            .append("], channel: open, hostility: ").append(num(h)).append(", rhetoric: 0}\n");
      }
    }
    y.append("alliances:");
    StringBuilder al = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        int a = list.get(i);
        int b = list.get(j);
        int[] ob = data.atop(a, b, year);
        boolean opposed = sides.containsKey(a) && sides.containsKey(b)
            && !sides.get(a).equals(sides.get(b));
        if (ob != null && ob[0] == 1 && !opposed) {
          al.append("\n  - id: ATOP-").append(ids.get(a)).append('-').append(ids.get(b))
              .append("\n    name: ").append(q("ATOP defence obligation, " + year))
              .append("\n    members:")
              .append("\n      - {actor: ").append(ids.get(a)).append(", credibility: ")
              .append(ALLIANCE_CREDIBILITY).append('}')
              .append("\n      - {actor: ").append(ids.get(b)).append(", credibility: ")
              .append(ALLIANCE_CREDIBILITY).append('}');
        }
      }
    }
    y.append(al.length() == 0 ? " []\n" : al.append('\n'));
    y.append("issues:\n")
        .append("  - id: crisis-stake\n")
        .append("    name: What the crisis is about\n")
        .append("    description: 0 = side 1's demand, 100 = side 2's demand\n")
        .append("    positions:\n");
    for (Map.Entry<Integer, IcbData.Nmc> e : nmc.entrySet()) {
      int side = sides.getOrDefault(e.getKey(), 0);
      y.append("      - {actor: ").append(ids.get(e.getKey())).append(", position: ")
          .append(side == 1 ? 0 : side == 2 ? 100 : 50).append(", salience: ")
          .append(side == 0 ? 20 : 80).append(", capability: ")
          .append(num(Math.max(e.getValue().milex() / 1e6, 0.001))).append("}\n");
    }
    for (Map.Entry<Integer, Integer> e : third.entrySet()) {
      int side = sides.getOrDefault(e.getValue(), 0);
      y.append("      - {actor: ").append(thirdId(ids.get(e.getKey()))).append(", position: ")
          .append(side == 1 ? 0 : side == 2 ? 100 : 50).append(", salience: 80, capability: ")
          .append("0.001}\n");
    }
    y.append("events:");
    StringBuilder ev = new StringBuilder();
    Set<String> seen = new LinkedHashSet<>();
    for (IcbData.CrisisActor a : c.actors()) {
      if (!nmc.containsKey(a.ccode()) || !nmc.containsKey(a.trigger())
          || a.trigger() == a.ccode()) {
        continue;
      }
      String actor = ids.get(a.trigger());
      String target = ids.get(a.ccode());
      // an indirect violent act (triggr 8) has no action: the attack on the third party is
      // scripted below, or it is another crisis actor's violent trigger by the same state
      String action = triggerAction(a.triggerType());
      if (action == null || !seen.add(actor + ">" + target)) {
        continue;
      }
      String theater = switch (action) {
        case "mobilize" -> actor;
        case "attack", "incident" -> target;
        default -> null;
      };
      ev.append("\n  - {id: trigger-").append(actor.toLowerCase(Locale.ROOT)).append('-')
          .append(target.toLowerCase(Locale.ROOT)).append(", week: 0, actor: ").append(actor)
          .append(", target: ").append(target).append(", action: ").append(action);
      if (theater != null) {
        ev.append(", theater: ").append(theater);
      }
      ev.append(", description: ").append(q("ICB trigger of " + target + "'s crisis by "
              + actor + ": " + triggerName(a.triggerType())))
          .append(", source: ").append(q("ICB v14 actor level, crisis " + c.id()
              + ", triggr " + a.triggerType())).append('}');
    }
    for (Map.Entry<Integer, Integer> e : third.entrySet()) {
      String actor = ids.get(e.getKey());
      String vid = thirdId(actor);
      ev.append("\n  - {id: trigger-").append(actor.toLowerCase(Locale.ROOT))
          .append("-third-party, week: 0, actor: ").append(actor).append(", target: ")
          .append(vid).append(", action: attack, theater: ").append(actor)
          .append(", description: ").append(q("ICB trigger of " + ids.get(e.getValue())
              + "'s crisis by " + actor + ": indirect violent act (violence against an ally or"
              + " a client), scripted as an attack on the party it struck"))
          .append(", source: ").append(q("ICB v14 actor level, crisis " + c.id()
              + ", triggr 8")).append('}');
    }
    unattributedViolence(c, nmc, adversaries, sides, ids, seen, ev);
    y.append(ev.length() == 0 ? " []\n" : ev.append('\n'));
    return y.toString();
  }

  /**
   * A violent trigger (ICB {@code triggr} 8 or 9) by an entity the scenario has no actor for (a
   * non-state actor, ICB 996; several entities, 997; a state without COW data) is still armed
   * violence at the trigger, and ICB's coding of the crisis's violence counts it: it is scripted
   * as an armed incident against the crisis actor in its theater, by its adversary in the
   * crisis (the state it faces on the other side: the engine has no actor for an insurgent or a
   * terrorist group, and ICB's crisis is between the states). An incident, not an attack: the
   * act is not a war between the states. A crisis actor on no side is left without it.
   */
  private static void unattributedViolence(IcbData.Crisis c, Map<Integer, IcbData.Nmc> nmc,
      Set<Long> adversaries, Map<Integer, Integer> sides, Map<Integer, String> ids,
      Set<String> seen, StringBuilder ev) {
    for (IcbData.CrisisActor a : c.actors()) {
      if (a.triggerType() < 8 || a.triggerType() > 9 || !nmc.containsKey(a.ccode())
          || nmc.containsKey(a.trigger()) || sides.getOrDefault(a.ccode(), 0) == 0) {
        continue;
      }
      String target = ids.get(a.ccode());
      String actor = principalEnemy(a.ccode(), adversaries, ids, nmc);
      if (actor == null || actor.equals(target) || !seen.add("violence:" + actor + ">" + target)) {
        continue;
      }
      ev.append("\n  - {id: violence-").append(actor.toLowerCase(Locale.ROOT)).append('-')
          .append(target.toLowerCase(Locale.ROOT)).append(", week: 0, actor: ").append(actor)
          .append(", target: ").append(target).append(", action: incident, theater: ")
          .append(target).append(", description: ").append(q("ICB trigger of " + target
              + "'s crisis: " + triggerName(a.triggerType()) + " by "
              + (a.trigger() == 996 ? "a non-state actor" : a.trigger() == 997
              ? "several entities" : "a state without COW data") + ", scripted as an armed"
              + " incident by its adversary in the crisis"))
          .append(", source: ").append(q("ICB v14 actor level, crisis " + c.id() + ", triggr "
              + a.triggerType() + ", trigent " + a.trigger())).append('}');
    }
  }

  /**
   * The third parties of indirect violent triggers (ICB {@code triggr} 8: violence against an
   * ally, a friendly state or a client of the crisis actor), by the COW code of the state that
   * committed it, with the first crisis actor it struck indirectly (the party's patron). None
   * where the same state's violent act (triggr 9) against another crisis actor of the crisis is
   * in the scenario: that actor is the third party, and its attack is already scripted.
   */
  private static Map<Integer, Integer> thirdParties(IcbData.Crisis c,
      Map<Integer, IcbData.Nmc> nmc) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    for (IcbData.CrisisActor a : c.actors()) {
      int t = a.trigger();
      if (a.triggerType() != 8 || !nmc.containsKey(a.ccode()) || !nmc.containsKey(t)
          || t == a.ccode() || out.containsKey(t)) {
        continue;
      }
      boolean direct = false;
      for (IcbData.CrisisActor v : c.actors()) {
        direct |= v.triggerType() == 9 && v.trigger() == t && v.ccode() != t
            && nmc.containsKey(v.ccode());
      }
      if (!direct) {
        out.put(t, a.ccode());
      }
    }
    return out;
  }

  /** The actor id of the third party struck by the state {@code attacker}. */
  private static String thirdId(String attacker) {
    return attacker + "-3P";
  }

  /**
   * The principal adversaries: among the pairs of a crisis actor and the state that triggered
   * its crisis, the one of highest prior hostility plus one when both are nuclear-armed (the
   * engine's own guess, restricted to adversaries); ties go to the first pair in the data.
   */
  private long principals(int year, Set<Long> adversaries) {
    long best = adversaries.iterator().next();
    double bestScore = -1;
    for (long p : adversaries) {
      int a = (int) (p >> 32);
      int b = (int) p;
      double s = HOSTILITY_ADVERSARY + (data.rivals(a, b, year) ? HOSTILITY_RIVALRY : 0)
          + (data.nuclear().warheads(a, year) > 0 && data.nuclear().warheads(b, year) > 0 ? 1 : 0);
      if (s > bestScore + 1e-12) {
        bestScore = s;
        best = p;
      }
    }
    return best;
  }

  /** The adversary a side actor's revisionist motive targets: its first adversary in the data. */
  private static String principalEnemy(int code, Set<Long> adversaries, Map<Integer, String> ids,
      Map<Integer, IcbData.Nmc> nmc) {
    for (long p : adversaries) {
      int x = (int) (p >> 32);
      int y = (int) p;
      if (x == code && nmc.containsKey(y)) {
        return ids.get(y);
      }
      if (y == code && nmc.containsKey(x)) {
        return ids.get(x);
      }
    }
    // an ally of a side: the first actor of the other side's pair
    long p = adversaries.iterator().next();
    return ids.get((int) (p >> 32)).equals(ids.get(code)) ? ids.get((int) p)
        : ids.get((int) (p >> 32));
  }

  private boolean adjacent(int a, int b, Set<Long> adversaries) {
    if (adversaries.contains(pair(a, b))) {
      return true;
    }
    IcbData.State sa = data.state(a);
    IcbData.State sb = data.state(b);
    return Geo.distanceKm(sa.lat(), sa.lon(), sb.lat(), sb.lon()) <= ADJACENT_KM;
  }

  /**
   * The scripted action of an ICB trigger type (triggr): verbal act -> threaten, political or
   * economic act -> sanction, external change (ICB: a change in weapons or offensive
   * capability, an intelligence report) -> mobilize, other non-violent act -> threaten,
   * internal challenge -> none (no act of a state), non-violent military act -> mobilize,
   * violent act -> attack; none for an indirect violent act, which is violence against a third
   * party ({@link #thirdParties}), not an act against the crisis actor.
   */
  static String triggerAction(int triggr) {
    return switch (triggr) {
      case 1, 5 -> "threaten";
      case 2, 3 -> "sanction";
      case 4, 7 -> "mobilize";
      case 9 -> "attack";
      default -> null;
    };
  }

  private static String triggerName(int triggr) {
    return switch (triggr) {
      case 1 -> "verbal act";
      case 2 -> "political act";
      case 3 -> "economic act";
      case 4 -> "external change";
      case 5 -> "other non-violent act";
      case 7 -> "non-violent military act";
      case 8 -> "indirect violent act";
      case 9 -> "violent act";
      default -> "trigger type " + triggr;
    };
  }

  private static String title(String name) {
    StringBuilder sb = new StringBuilder();
    boolean start = true;
    for (char ch : name.toCharArray()) {
      sb.append(start ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
      start = !Character.isLetterOrDigit(ch) && ch != '\'';
    }
    return sb.toString();
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** A YAML double-quoted scalar. */
  private static String q(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        sb.append('\\');
      }
      sb.append(ch);
    }
    return sb.append('"').toString();
  }
}
