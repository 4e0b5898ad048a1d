package org.detente.engine;

import static org.detente.engine.Compilation.actor;
import static org.detente.engine.Compilation.clamp01;

import java.util.Arrays;
import org.detente.scenario.Alliance;
import org.detente.scenario.AllianceMember;
import org.detente.scenario.Principals;
import org.detente.scenario.Relation;
import org.detente.scenario.Scenario;

/**
 * Relations at week 0: hostility, rhetoric, channels and mediators per pair, alliance
 * credibilities, and the principal adversaries (declared, else the most hostile pair,
 * nuclear-armed pairs first: {@link Principals}) with each actor's side. Read-only after
 * compilation.
 */
final class Relations {

  final double[] hostility0; // [a*nA+b]
  final double[] rhetoric0;
  final int[] channel0; // Channel ordinal
  final int[] mediator; // actor index or -1
  final double[] cred; // [c*nA+a] credibility that c defends a
  final boolean[] allied; // [a*nA+b]
  final int principalA;
  final int principalB;
  final int[] side; // 0 none, 1 side of A, 2 side of B

  Relations(Scenario sc) {
    final int nA = sc.actors().size();
    hostility0 = new double[nA * nA];
    rhetoric0 = new double[nA * nA];
    channel0 = new int[nA * nA];
    mediator = new int[nA * nA];
    Arrays.fill(mediator, -1);
    for (Relation r : sc.relations()) {
      int a = actor(sc, r.a(), "relation");
      int b = actor(sc, r.b(), "relation");
      double h = clamp01(r.hostility());
      double rh = clamp01(r.rhetoric());
      int ch = r.channel() == null ? 0 : r.channel().ordinal();
      int md = r.mediator() == null ? -1 : actor(sc, r.mediator(), "relation mediator");
      for (int[] pr : new int[][] {{a, b}, {b, a}}) {
        int ij = pr[0] * nA + pr[1];
        hostility0[ij] = h;
        rhetoric0[ij] = rh;
        channel0[ij] = ch;
        mediator[ij] = md;
      }
    }
    cred = new double[nA * nA];
    allied = new boolean[nA * nA];
    for (Alliance al : sc.alliances()) {
      for (AllianceMember c : al.members()) {
        int ci = actor(sc, c.actor(), "alliance " + al.id());
        for (AllianceMember d : al.members()) {
          int di = actor(sc, d.actor(), "alliance " + al.id());
          if (ci != di) {
            cred[ci * nA + di] = Math.max(cred[ci * nA + di], clamp01(c.credibility()));
            allied[ci * nA + di] = true;
          }
        }
      }
    }

    // principals: declared in the scenario, else the guess (the most hostile pair, nuclear-armed
    // pairs first)
    Principals principals = Principals.of(sc);
    int pa = principals.a();
    int pb = principals.b();
    principalA = pa;
    principalB = pb;
    side = new int[nA];
    for (int a = 0; a < nA; a++) {
      boolean sa = a == pa || allied[a * nA + pa];
      boolean sb = a == pb || allied[a * nA + pb];
      side[a] = sa && !sb ? 1 : sb && !sa ? 2 : 0;
    }
  }
}
