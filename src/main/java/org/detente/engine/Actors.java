package org.detente.engine;

import static org.detente.engine.Compilation.theater;

import org.detente.scenario.Actor;
import org.detente.scenario.ActorKind;
import org.detente.scenario.Force;
import org.detente.scenario.Scenario;

/**
 * The actors' means at week 0: forces and their effectiveness per theater, arsenals, nuclear
 * doctrines, risk attitudes, populations and the reserve each can still call up. Read-only
 * after compilation.
 */
final class Actors {

  private final int nT;
  private final double[] forces0; // [a*nT+t] thousands of troops
  private final double[] eff0; // [a*nT+t]
  private final int[] nsWarheads;
  private final double[] nsYieldKt;
  private final int[] stWarheads;
  private final double[] stYieldKt;
  private final int[] doctrine; // DoctrineKind ordinal
  private final double[] doctrineThreshold;
  private final double[] retaliation;
  private final double[] riskWeight; // 2^riskAttitude
  private final double[] population; // millions
  // thousands of people an actor can still call up beyond its forces at week 0: the
  // mobilisation ceiling's share of its population less those forces (0 without a population)
  private final double[] reserve0;
  // [a]: whether a may back a side as a third party (docs/model.md, "Support"): a state
  private final boolean[] supports;
  // [a]: a non-state armed group (no channel of its own, no treaty, no sanctions)
  private final boolean[] nonState;
  // [a]: the state that sponsors a, or -1; and the share of a's hostile acts blamed on it
  private final int[] sponsor;
  private final double[] attribution;
  private final boolean[] hasClients; // [s]: s sponsors some actor

  Actors(Scenario sc, ModelConstants c) {
    int nA = sc.actors().size();
    int nT = sc.theaters().size();
    this.nT = nT;
    forces0 = new double[nA * nT];
    eff0 = new double[nA * nT];
    nsWarheads = new int[nA];
    nsYieldKt = new double[nA];
    stWarheads = new int[nA];
    stYieldKt = new double[nA];
    doctrine = new int[nA];
    doctrineThreshold = new double[nA];
    retaliation = new double[nA];
    riskWeight = new double[nA];
    population = new double[nA];
    reserve0 = new double[nA];
    supports = new boolean[nA];
    nonState = new boolean[nA];
    sponsor = new int[nA];
    attribution = new double[nA];
    hasClients = new boolean[nA];
    for (int a = 0; a < nA; a++) {
      Actor ac = sc.actors().get(a);
      for (Force f : ac.forces()) {
        int t = theater(sc, f.theater(), "actor " + ac.id() + " forces");
        forces0[a * nT + t] += Math.max(0, f.troopsThousands());
        eff0[a * nT + t] = f.effectiveness() > 0 ? f.effectiveness() : 1.0;
      }
      nsWarheads[a] = ac.arsenal().nonStrategicWarheads();
      nsYieldKt[a] = ac.arsenal().nonStrategicYieldKt();
      stWarheads[a] = ac.arsenal().strategicWarheads();
      stYieldKt[a] = ac.arsenal().strategicYieldKt();
      doctrine[a] = ac.doctrine().firstUse().ordinal();
      doctrineThreshold[a] = ac.doctrine().threshold();
      retaliation[a] = ac.doctrine().retaliation();
      riskWeight[a] = Math.pow(2.0, Math.max(-1, Math.min(1, ac.riskAttitude())));
      population[a] = ac.populationMillions();
      supports[a] = ac.kind() == ActorKind.STATE;
      nonState[a] = ac.kind() == ActorKind.NON_STATE;
      sponsor[a] = ac.sponsor() == null ? -1 : Compilation.actor(sc, ac.sponsor(),
          "actor " + ac.id() + " sponsor");
      attribution[a] = sponsor[a] < 0 ? 0 : Math.max(0, Math.min(1, ac.attribution()));
      if (sponsor[a] >= 0) {
        hasClients[sponsor[a]] = true;
      }
      double deployed = 0;
      for (int t = 0; t < nT; t++) {
        deployed += forces0[a * nT + t];
      }
      reserve0[a] = Math.max(0, c.mobilizationCeiling() * population[a] * 1000 - deployed);
    }
  }

  /** Copies the forces at week 0 ([a*nT+t], thousands of troops) into dst. */
  void copyForces0Into(double[] dst) {
    System.arraycopy(forces0, 0, dst, 0, forces0.length);
  }

  /** Copies the forces' effectiveness at week 0 ([a*nT+t]) into dst. */
  void copyEff0Into(double[] dst) {
    System.arraycopy(eff0, 0, dst, 0, eff0.length);
  }

  /** Copies each actor's non-strategic warheads at week 0 into dst. */
  void copyNonStrategicWarheadsInto(int[] dst) {
    System.arraycopy(nsWarheads, 0, dst, 0, nsWarheads.length);
  }

  /** Copies each actor's strategic warheads at week 0 into dst. */
  void copyStrategicWarheadsInto(int[] dst) {
    System.arraycopy(stWarheads, 0, dst, 0, stWarheads.length);
  }

  /** Copies each actor's reserve at week 0 (thousands of people it can still call up) into dst. */
  void copyReserve0Into(double[] dst) {
    System.arraycopy(reserve0, 0, dst, 0, reserve0.length);
  }

  /** Actor a's forces in theater t at week 0, thousands of troops. */
  double forces0(int a, int t) {
    return forces0[a * nT + t];
  }

  /** Yield of one of actor a's non-strategic warheads, kt (0 without). */
  double nonStrategicYieldKt(int a) {
    return nsYieldKt[a];
  }

  /** Yield of one of actor a's strategic warheads, kt (0 without). */
  double strategicYieldKt(int a) {
    return stYieldKt[a];
  }

  /** Actor a's first-use doctrine ({@link org.detente.scenario.DoctrineKind} ordinal). */
  int doctrine(int a) {
    return doctrine[a];
  }

  /** The loss share at which actor a's doctrine permits first use. */
  double doctrineThreshold(int a) {
    return doctrineThreshold[a];
  }

  /** Probability that actor a retaliates against a nuclear strike. */
  double retaliation(int a) {
    return retaliation[a];
  }

  /** Actor a's weight of catastrophic risk, 2^riskAttitude. */
  double riskWeight(int a) {
    return riskWeight[a];
  }

  /** Whether actor a may back a side as a third party (a state). */
  boolean supports(int a) {
    return supports[a];
  }

  /** Actor a's population, millions. */
  double population(int a) {
    return population[a];
  }

  /** Whether actor a is a non-state armed group. */
  boolean nonState(int a) {
    return nonState[a];
  }

  /** Whether actor s sponsors some actor. */
  boolean sponsors(int s) {
    return hasClients[s];
  }

  /** The state that sponsors actor a, or -1. */
  int sponsor(int a) {
    return sponsor[a];
  }

  /** The share of the hostility a's hostile acts raise that its victim turns toward a's sponsor. */
  double attribution(int a) {
    return attribution[a];
  }
}
