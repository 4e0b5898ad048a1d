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
 * number of home theaters. Read-only after compilation.
 */
final class TheaterGraph {

  private final int nT;
  private final boolean[] adj; // [t*nT+u], symmetric, not reflexive
  private final int[][] neighbours; // [t]: the theaters adjacent to t, ascending
  private final int[] control0;
  private final int[] home;
  private final double[] terrainMult;
  private final int[] homeCount; // per actor
  // routes, in file order: their ends, transit time in steps and capacity (thousands; infinite
  // when the scenario gives none)
  private final int[] routeFrom;
  private final int[] routeTo;
  private final int[] routeSteps;
  private final double[] routeCapacity;
  private final String[] routeMode;
  private final int[][] routesAt; // [t]: the routes with an end at t, in file order
  private final int transitSlots; // longest transit + 1: the ring of arrival weeks a run keeps

  TheaterGraph(Scenario sc, ModelConstants c) {
    int nA = sc.actors().size();
    int nT = sc.theaters().size();
    this.nT = nT;
    adj = new boolean[nT * nT];
    neighbours = new int[nT][];
    control0 = new int[nT];
    home = new int[nT];
    terrainMult = new double[nT];
    homeCount = new int[nA];
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

  /** Whether theaters t and u are adjacent (symmetric; a theater is not adjacent to itself). */
  boolean adjacent(int t, int u) {
    return adj[t * nT + u];
  }

  /** Number of theaters adjacent to t. */
  int neighbourCount(int t) {
    return neighbours[t].length;
  }

  /** The j-th theater adjacent to t, in ascending order. */
  int neighbour(int t, int j) {
    return neighbours[t][j];
  }

  /** The controller of theater t at week 0, or -1. */
  int control0(int t) {
    return control0[t];
  }

  /** Copies the controller of each theater at week 0 (-1: none) into dst. */
  void copyControl0Into(int[] dst) {
    System.arraycopy(control0, 0, dst, 0, control0.length);
  }

  /** The actor whose home theater t is, or -1. */
  int home(int t) {
    return home[t];
  }

  /** The defender's terrain multiplier of theater t. */
  double terrainMult(int t) {
    return terrainMult[t];
  }

  /** Number of home theaters of actor a. */
  int homeCount(int a) {
    return homeCount[a];
  }

  /** Number of declared routes. */
  int routeCount() {
    return routeFrom.length;
  }

  /** Transit time of route r, steps (at least 1). */
  int routeSteps(int r) {
    return routeSteps[r];
  }

  /** Capacity of route r, thousands of troops per week (infinite when the scenario gives none). */
  double routeCapacity(int r) {
    return routeCapacity[r];
  }

  /** The mode of route r, lower case ("sea", "air" or "land"). */
  String routeMode(int r) {
    return routeMode[r];
  }

  /** Number of routes with an end at theater t. */
  int routeCountAt(int t) {
    return routesAt[t].length;
  }

  /** The j-th route with an end at theater t, in file order. */
  int routeAt(int t, int j) {
    return routesAt[t][j];
  }

  /** The ring of arrival weeks a run keeps: the longest transit + 1. */
  int transitSlots() {
    return transitSlots;
  }

  /** The other end of route r seen from theater t (an end of it). */
  int otherEnd(int r, int t) {
    return routeFrom[r] == t ? routeTo[r] : routeFrom[r];
  }
}
