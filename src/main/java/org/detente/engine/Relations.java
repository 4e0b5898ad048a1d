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

  private final double[] hostility0; // [a*nA+b]
  private final double[] rhetoric0;
  private final int[] channel0; // Channel ordinal
  private final int[] mediator; // actor index or -1
  private final double[] cred; // [c*nA+a] credibility that c defends a
  private final boolean[] allied; // [a*nA+b]
  private final int principalA;
  private final int principalB;
  private final int[] side; // 0 none, 1 side of A, 2 side of B

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

  /** Copies the hostility of each pair at week 0 ([a*nA+b], 0..1) into dst. */
  void copyHostility0Into(double[] dst) {
    System.arraycopy(hostility0, 0, dst, 0, hostility0.length);
  }

  /** Copies the rhetoric of each pair at week 0 ([a*nA+b], 0..1) into dst. */
  void copyRhetoric0Into(double[] dst) {
    System.arraycopy(rhetoric0, 0, dst, 0, rhetoric0.length);
  }

  /** Copies the channel of each pair at week 0 ([a*nA+b], Channel ordinal) into dst. */
  void copyChannel0Into(int[] dst) {
    System.arraycopy(channel0, 0, dst, 0, channel0.length);
  }

  /** Copies the credibility that c defends a ([c*nA+a]) at week 0 into dst. */
  void copyCredibilityInto(double[] dst) {
    System.arraycopy(cred, 0, dst, 0, cred.length);
  }

  /** Copies whether a and b are allied ([a*nA+b]) at week 0 into dst. */
  void copyAlliedInto(boolean[] dst) {
    System.arraycopy(allied, 0, dst, 0, allied.length);
  }

  /** The mediator of pair ab (index a*nA+b), or -1. */
  int mediator(int ab) {
    return mediator[ab];
  }

  /** Index of the first principal adversary. */
  int principalA() {
    return principalA;
  }

  /** Index of the second principal adversary. */
  int principalB() {
    return principalB;
  }

  /** Actor a's side: 0 none, 1 the first principal's, 2 the second's. */
  int side(int a) {
    return side[a];
  }
}
