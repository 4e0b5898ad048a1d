package org.detente.engine;

import static org.detente.engine.Compilation.theater;

import org.detente.scenario.Actor;
import org.detente.scenario.Force;
import org.detente.scenario.Scenario;

/**
 * The actors' means at week 0: forces and their effectiveness per theater, arsenals, nuclear
 * doctrines, risk attitudes, populations and the reserve each can still call up. Read-only
 * after compilation.
 */
final class Actors {

  final double[] forces0; // [a*nT+t] thousands of troops
  final double[] eff0; // [a*nT+t]
  final int[] nsWarheads;
  final double[] nsYieldKt;
  final int[] stWarheads;
  final double[] stYieldKt;
  final int[] doctrine; // DoctrineKind ordinal
  final double[] doctrineThreshold;
  final double[] retaliation;
  final double[] riskWeight; // 2^riskAttitude
  final double[] population; // millions
  // thousands of people an actor can still call up beyond its forces at week 0: the
  // mobilisation ceiling's share of its population less those forces (0 without a population)
  final double[] reserve0;

  Actors(Scenario sc, ModelConstants c) {
    int nA = sc.actors().size();
    int nT = sc.theaters().size();
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
      double deployed = 0;
      for (int t = 0; t < nT; t++) {
        deployed += forces0[a * nT + t];
      }
      reserve0[a] = Math.max(0, c.mobilizationCeiling() * population[a] * 1000 - deployed);
    }
  }
}
