package org.detente.analysis;

import java.util.SplittableRandom;
import org.detente.model.Action;
import org.detente.engine.CasualtyKind;
import org.detente.model.Outcome;

/** A synthetic ensemble with an escalation ladder, casualties and control, for report tests. */
public final class SyntheticRuns {
  private SyntheticRuns() {}

  /**
   * Runs whose per-run uniforms depend only on the run index (common random numbers); a policy
   * with {@code calm} &gt; 0 lowers each escalation step's probability by that amount.
   */
  public static EnsembleRunner runner(int runs, double calm) {
    return sink -> {
      for (int i = 0; i < runs; i++) {
        SplittableRandom rng = new SplittableRandom(7919L * i + 17);
        SyntheticRun r = new SyntheticRun();
        r.index = i;
        r.seed = 7919L * i + 17;
        r.control = new int[] {0, 1};
        r.questions = new boolean[1];
        int week = 0;
        r.event(0, 1, 0, Action.INSULT, -1);
        double[] pStep = {0.7, 0.5, 0.45, 0.35, 0.25};
        Action[] steps = {Action.THREATEN, Action.MOBILIZE, Action.ATTACK,
            Action.NUCLEAR_STRIKE_FORCES, Action.STRATEGIC_COUNTERVALUE};
        int reached = -1;
        for (int k = 0; k < steps.length; k++) {
          if (rng.nextDouble() >= pStep[k] - calm) {
            break;
          }
          week += 1 + rng.nextInt(20);
          int theater = k >= 2 ? 1 : -1;
          r.event(Math.min(week, 104), 0, 1, steps[k], theater);
          reached = k;
        }
        if (reached >= 2) {
          r.deaths[0][CasualtyKind.MILITARY.ordinal()] = 1000 + rng.nextInt(50_000);
          r.deaths[1][CasualtyKind.MILITARY.ordinal()] = 1000 + rng.nextInt(40_000);
          r.deaths[1][CasualtyKind.CIVILIAN.ordinal()] = rng.nextInt(20_000);
          if (rng.nextDouble() < 0.5) {
            r.control[1] = 0;
          }
        }
        if (reached >= 3) {
          r.deaths[1][CasualtyKind.NUCLEAR.ordinal()] = 20_000 + rng.nextInt(200_000);
          r.questions[0] = true;
        }
        if (reached >= 4) {
          r.deaths[1][CasualtyKind.NUCLEAR.ordinal()] += 5e6 + rng.nextInt(5_000_000);
          r.deaths[0][CasualtyKind.NUCLEAR.ordinal()] += 1e6 + rng.nextInt(5_000_000);
        }
        r.outcome = switch (reached) {
          case 4 -> Outcome.STRATEGIC_NUCLEAR;
          case 3 -> Outcome.LIMITED_NUCLEAR;
          case 2 -> Outcome.CONVENTIONAL_WAR;
          default -> rng.nextDouble() < 0.4 ? Outcome.SETTLEMENT : Outcome.FROZEN;
        };
        r.endWeek = reached >= 3 ? week : 104;
        sink.accept(r);
      }
    };
  }
}
