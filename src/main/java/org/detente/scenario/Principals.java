package org.detente.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.detente.model.ParameterCatalog;

/**
 * The principal adversaries of a scenario: the pair of actors its outcome classes are about
 * (docs/model.md §5). A scenario declares them with {@code principals: [A, B]}; otherwise they
 * are guessed as the pair with the highest hostility plus one when both are
 * nuclear-armed (ties: the first pair in file order). A guess is doubtful, and {@link
 * #warnings()} says why, when a more hostile pair exists (e.g. a nuclear-armed pair chosen over
 * the nuclear and non-nuclear states actually in conflict) or when the guessed pair is not
 * hostile at all. A sponsored actor is never guessed: its hostility toward another actor counts
 * as its sponsor's (a militia's attack makes a crisis between the victim and the sponsor).
 *
 * @param a        index of the first principal in {@link Scenario#actors()}
 * @param b        index of the second principal
 * @param declared whether the scenario declares them
 * @param warnings why a guess is doubtful (empty when declared or when the guess is clear)
 */
public record Principals(int a, int b, boolean declared, List<String> warnings) {

  public Principals {
    warnings = List.copyOf(warnings);
  }

  /** The declared principals, else the guess with its warnings. */
  public static Principals of(Scenario sc) {
    List<Actor> actors = sc.actors();
    int nA = actors.size();
    if (sc.principals().size() == 2) {
      int a = sc.actorIndex(sc.principals().get(0));
      int b = sc.actorIndex(sc.principals().get(1));
      if (a >= 0 && b >= 0 && a != b) {
        return new Principals(a, b, true, List.of());
      }
    }
    if (nA < 2) {
      return new Principals(0, 1, false, List.of());
    }
    double[] h = hostility(sc);
    // a sponsored client's conflicts are its sponsor's: the pair is the victim and the sponsor
    boolean[] client = new boolean[nA];
    for (int c = 0; c < nA; c++) {
      int s = actors.get(c).sponsor() == null ? -1 : sc.actorIndex(actors.get(c).sponsor());
      if (s < 0 || s == c) {
        continue;
      }
      client[c] = true;
      for (int b = 0; b < nA; b++) {
        if (b != s && b != c) {
          double v = Math.max(h[s * nA + b], h[c * nA + b]);
          h[s * nA + b] = v;
          h[b * nA + s] = v;
        }
      }
    }
    // (when every pair has a client in it, as with a sponsor and its client alone, guess anyway)
    boolean onlyClients = true;
    for (int a = 0; a < nA && onlyClients; a++) {
      for (int b = a + 1; b < nA && onlyClients; b++) {
        onlyClients = client[a] || client[b];
      }
    }
    int pa = -1;
    int pb = -1;
    double best = -1;
    int ma = -1;
    int mb = -1;
    double most = -1;
    for (int a = 0; a < nA; a++) {
      for (int b = a + 1; b < nA; b++) {
        if ((client[a] || client[b]) && !onlyClients) {
          continue;
        }
        double hab = h[a * nA + b];
        double s = hab + (nuclear(actors.get(a)) && nuclear(actors.get(b)) ? 1.0 : 0.0);
        if (s > best + 1e-12) {
          best = s;
          pa = a;
          pb = b;
        }
        if (hab > most + 1e-12) {
          most = hab;
          ma = a;
          mb = b;
        }
      }
    }
    List<String> warnings = new ArrayList<>();
    double hp = h[pa * nA + pb];
    String guess = "guessed as " + pair(actors, pa, pb)
        + String.format(Locale.ROOT, " (hostility %.2f%s)", hp,
            nuclear(actors.get(pa)) && nuclear(actors.get(pb)) ? ", both nuclear-armed" : "");
    if (most > hp + 1e-12) {
      String why = nuclear(actors.get(ma)) != nuclear(actors.get(mb))
          ? "; " + (nuclear(actors.get(ma)) ? id(actors, ma) : id(actors, mb))
              + " is nuclear-armed and " + (nuclear(actors.get(ma)) ? id(actors, mb)
              : id(actors, ma)) + " is not"
          : "";
      warnings.add(guess + ", but " + pair(actors, ma, mb) + " are more hostile"
          + String.format(Locale.ROOT, " (%.2f)", most) + why + "; declare 'principals: ["
          + id(actors, ma) + ", " + id(actors, mb) + "]' (or the pair the crisis is about)");
    }
    double threshold = hostileThreshold(sc);
    if (hp < threshold) {
      warnings.add(guess + String.format(Locale.ROOT, ", below the hostility of an active pair"
          + " (%.2f): the guessed pair is not in conflict; declare 'principals: [A, B]'",
          threshold));
    }
    return new Principals(pa, pb, false, warnings);
  }

  /** Week-0 hostility of every ordered pair, [a*nA+b], clamped to [0, 1]. */
  private static double[] hostility(Scenario sc) {
    int nA = sc.actors().size();
    double[] h = new double[nA * nA];
    for (Relation r : sc.relations()) {
      int a = sc.actorIndex(r.a());
      int b = sc.actorIndex(r.b());
      if (a >= 0 && b >= 0) {
        double v = Math.max(0, Math.min(1, r.hostility()));
        h[a * nA + b] = v;
        h[b * nA + a] = v;
      }
    }
    return h;
  }

  private static double hostileThreshold(Scenario sc) {
    for (Parameter p : sc.parameters()) {
      if (p.name().equals("hostileThreshold")) {
        return p.value();
      }
    }
    return ParameterCatalog.byName("hostileThreshold").defaultValue();
  }

  private static boolean nuclear(Actor a) {
    return a.arsenal().nuclear();
  }

  private static String id(List<Actor> actors, int i) {
    return actors.get(i).id();
  }

  private static String pair(List<Actor> actors, int a, int b) {
    return id(actors, a) + " and " + id(actors, b);
  }
}
