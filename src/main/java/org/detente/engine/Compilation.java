package org.detente.engine;

import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.scenario.Scenario;

/** Shared rules of compilation: index lookups with clear errors, clamping, normalisation. */
final class Compilation {

  private Compilation() {}

  static double[] normalise(double[] x) {
    double s = 0;
    for (double v : x) {
      s += Math.max(0, v);
    }
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = s > 0 ? Math.max(0, x[i]) / s : 1.0 / x.length;
    }
    return r;
  }

  static double clamp01(double v) {
    return clamp(v, 0, 1);
  }

  static double clamp(double v, double lo, double hi) {
    return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
  }

  static int actor(Scenario sc, String id, String where) {
    int i = sc.actorIndex(id);
    if (i < 0) {
      throw new InvalidInputException(Message.UNKNOWN_REFERENCE, where, "actor", id);
    }
    return i;
  }

  static int theater(Scenario sc, String id, String where) {
    int i = sc.theaterIndex(id);
    if (i < 0) {
      throw new InvalidInputException(Message.UNKNOWN_REFERENCE, where, "theater", id);
    }
    return i;
  }

  static int issue(Scenario sc, String id) {
    for (int i = 0; i < sc.issues().size(); i++) {
      if (sc.issues().get(i).id().equals(id)) {
        return i;
      }
    }
    throw new InvalidInputException(Message.UNKNOWN_REFERENCE, "motive issue stake", "issue", id);
  }
}
