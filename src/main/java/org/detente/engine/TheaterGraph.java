package org.detente.engine;

import static org.detente.engine.Compilation.actor;
import static org.detente.engine.Compilation.theater;

import java.util.stream.IntStream;
import org.detente.scenario.Route;
import org.detente.scenario.Scenario;
import org.detente.scenario.Theater;

/**
 * The theaters: adjacency (and each theater's neighbours), the declared routes between theaters
 * (transit time, capacity), control and home at week 0, terrain multipliers, and per actor the
 * number of home theaters and of theaters held or home at week 0. Read-only after compilation.
 */
final class TheaterGraph {

  final boolean[] adj; // [t*nT+u], symmetric, not reflexive
  final int[][] neighbours; // [t]: the theaters adjacent to t, ascending
  final int[] control0;
  final int[] home;
  final double[] terrainMult;
  final int[] homeCount; // per actor
  final int[] initialCount; // per actor: theaters controlled at week 0 or home
  // routes, in file order: their ends, transit time in steps and capacity (thousands; infinite
  // when the scenario gives none)
  final int[] routeFrom;
  final int[] routeTo;
  final int[] routeSteps;
  final double[] routeCapacity;
  final String[] routeMode;
  final int[][] routesAt; // [t]: the routes with an end at t, in file order
  final int transitSlots; // longest transit + 1: the ring of arrival weeks a run keeps

  TheaterGraph(Scenario sc, ModelConstants c) {
    int nA = sc.actors().size();
    int nT = sc.theaters().size();
    adj = new boolean[nT * nT];
    neighbours = new int[nT][];
    control0 = new int[nT];
    home = new int[nT];
    terrainMult = new double[nT];
    homeCount = new int[nA];
    initialCount = new int[nA];
    for (int t = 0; t < nT; t++) {
      Theater th = sc.theaters().get(t);
      for (String u : th.adjacent()) {
        int ui = theater(sc, u, "theater " + th.id() + " adjacency");
        if (ui != t) {
          adj[t * nT + ui] = true;
          adj[ui * nT + t] = true;
        }
      }
      control0[t] = th.control() == null ? -1 : actor(sc, th.control(), "theater " + th.id());
      home[t] = th.home() == null ? -1 : actor(sc, th.home(), "theater " + th.id() + " home");
      terrainMult[t] =
          switch (th.terrain() == null ? org.detente.scenario.Terrain.OPEN : th.terrain()) {
            case OPEN -> 1.0;
            case MIXED -> c.terrainMixed();
            case FOREST -> c.terrainForest();
            case URBAN -> c.terrainUrban();
            case MOUNTAIN -> c.terrainMountain();
            case MARITIME -> c.terrainMaritime();
          };
      if (home[t] >= 0) {
        homeCount[home[t]]++;
      }
      if (control0[t] >= 0) {
        initialCount[control0[t]]++;
      }
      if (home[t] >= 0 && home[t] != control0[t]) {
        initialCount[home[t]]++;
      }
    }

    for (int t = 0; t < nT; t++) {
      final int row = t * nT;
      neighbours[t] = IntStream.range(0, nT).filter(u -> adj[row + u]).toArray();
    }

    int nR = sc.routes().size();
    routeFrom = new int[nR];
    routeTo = new int[nR];
    routeSteps = new int[nR];
    routeCapacity = new double[nR];
    routeMode = new String[nR];
    int longest = 0;
    for (int r = 0; r < nR; r++) {
      Route rt = sc.routes().get(r);
      routeFrom[r] = theater(sc, rt.from(), "route");
      routeTo[r] = theater(sc, rt.to(), "route");
      routeSteps[r] = Math.max(1, rt.steps());
      routeCapacity[r] = rt.capacityThousands() > 0 ? rt.capacityThousands()
          : Double.POSITIVE_INFINITY;
      routeMode[r] = rt.mode().name().toLowerCase(java.util.Locale.ROOT);
      longest = Math.max(longest, routeSteps[r]);
    }
    transitSlots = longest + 1;
    routesAt = new int[nT][];
    for (int t = 0; t < nT; t++) {
      final int tt = t;
      routesAt[t] = IntStream.range(0, nR)
          .filter(r -> routeFrom[r] == tt || routeTo[r] == tt).toArray();
    }
  }

  /** The other end of route r seen from theater t (an end of it). */
  int otherEnd(int r, int t) {
    return routeFrom[r] == t ? routeTo[r] : routeFrom[r];
  }
}
