package org.detente.backtest;

import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.engine.RunView;
import org.detente.model.Action;
import org.detente.model.Outcome;

/**
 * Maps one run to ICB's variables (docs/backtest.md, "From a run to ICB's coding"):
 *
 * <ul>
 *   <li>violence: a nuclear detonation, or 1,000 deaths or more (COW's war threshold) with an
 *       attack -> full-scale war; an attack with 25 deaths or more (UCDP's threshold of an armed
 *       conflict) -> serious clashes; an attack with fewer, or an armed incident -> minor
 *       clashes; else none;
 *   <li>form of outcome: the crisis settled by an agreement of the principals -> agreement; by
 *       one principal's concession -> unilateral act (also after a war: a run's outcome class
 *       is the war, {@link RunView#settled()} tells whether a deal ended it); a theater of one
 *       principal's side held by the other side at the end -> unilateral act (ICB's code for
 *       most conquests: Barbarossa, Cyprus 1974, the fall of Amin); a ceasefire between the
 *       principals that bound (not a proposal turned down) in the week their war began (their
 *       first attack on each other since the last ceasefire), the fighting stopped within the
 *       week it began (a raid, and the side that struck goes home) -> unilateral act (ICB codes
 *       every such crisis of the training years a unilateral act or faded, none an agreement:
 *       docs/backtest.md section 2); a later ceasefire that bound -> agreement; else (the crisis
 *       faded, or ran to the horizon) -> faded or other;
 *   <li>duration: weeks to the end so defined (settlement, the last ceasefire or the deal on its
 *       terms that followed it, the last attack of ground taken and held, the week the crisis
 *       faded), else the horizon, in ICB days (7 per week);
 *   <li>each side's outcome: both compromise on an agreement; victory and defeat on a
 *       concession or ground taken and held; stalemate after a ceasefire, a crisis that faded or
 *       the horizon.
 * </ul>
 */
public final class RunMapping {

  /** Deaths at or above which a war is full-scale (COW's 1,000 battle deaths). */
  public static final double WAR_DEATHS = 1000;

  /**
   * Deaths at or above which fighting is a serious clash: UCDP's 25 battle deaths, the least
   * that counts as an armed conflict (Gleditsch et al. 2002). An attack that kills fewer is a
   * clash with "few or no casualties", ICB's minor clashes.
   */
  public static final double CLASH_DEATHS = 25;

  private final int pa;
  private final int pb;
  private final int[] side;
  private final int[] control0;
  private final int horizon;

  /** The categories of one run, for side 1 and side 2 in {@code sideOutcome}. */
  public record Mapped(int violence, int form, int duration, int side1Outcome, int side2Outcome) {}

  /**
   * @param model the compiled crisis model
   * @param side  side (1, 2, 0 = neither) of each actor index
   */
  public RunMapping(CompiledModel model, int[] side) {
    this.pa = model.principalA();
    this.pb = model.principalB();
    this.side = side.clone();
    this.horizon = model.horizonWeeks();
    int nT = model.theaterCount();
    this.control0 = new int[nT];
    for (int t = 0; t < nT; t++) {
      control0[t] = model.scenario().actorIndex(model.scenario().theaters().get(t).control());
    }
  }

  /** Maps a finished run. */
  public Mapped map(RunView run) {
    int incidents = 0;
    int attacks = 0;
    int lastAttackWeek = -1;
    int conceder = -1;
    int ceasefireWeek = -1;
    // whether the last ceasefire that bound came in the week the principals' war began (their
    // first attack on each other since the last ceasefire)
    boolean halt = false;
    int warStartWeek = -1;
    int agreementWeek = -1;
    int n = run.eventCount();
    Action previous = null;
    int prevActor = -1;
    int prevTarget = -1;
    int prevWeek = -1;
    for (int i = 0; i < n; i++) {
      Action a = run.eventAction(i);
      int w = run.eventWeek(i);
      int x = run.eventActor(i);
      int y = run.eventTarget(i);
      boolean principals = (x == pa && y == pb) || (x == pb && y == pa);
      switch (a) {
        case INCIDENT -> incidents++;
        case ATTACK -> {
          attacks++;
          lastAttackWeek = w;
          if (principals && warStartWeek < 0) {
            warStartWeek = w;
          }
        }
        case AGREEMENT -> {
          if (principals) {
            agreementWeek = w;
            // a concession its own side stands by is logged as the concession, then an agreement
            boolean conceded = previous == Action.CONCEDE && prevActor == x && prevTarget == y
                && prevWeek == w;
            conceder = conceded ? x : -1;
          }
        }
        case CEASEFIRE -> {
          // a ceasefire that bound (it ended the war) is logged right after its proposal or the
          // deal that ended the war, by the same pair in the same week; a proposal alone, turned
          // down or never heard, ends nothing
          boolean bound = (previous == Action.CEASEFIRE || previous == Action.AGREEMENT
              || previous == Action.NEGOTIATE || previous == Action.OFFER)
              && prevActor == x && prevTarget == y && prevWeek == w;
          if (principals && bound) {
            ceasefireWeek = w;
            halt = w == warStartWeek;
            warStartWeek = -1;
          }
        }
        default -> { }
      }
      previous = a;
      prevActor = x;
      prevTarget = y;
      prevWeek = w;
    }
    double deaths = 0;
    for (int a = 0; a < side.length; a++) {
      for (CasualtyKind k : CasualtyKind.values()) {
        double d = run.deaths(a, k);
        if (Double.isFinite(d)) {
          deaths += d;
        }
      }
    }
    int violence;
    if (run.highestRung() >= Action.NUCLEAR_DEMONSTRATION.rung()
        || (attacks > 0 && deaths >= WAR_DEATHS)) {
      violence = 3;
    } else if (attacks > 0 && deaths >= CLASH_DEATHS) {
      violence = 2;
    } else if (attacks > 0 || incidents > 0) {
      violence = 1;
    } else {
      violence = 0;
    }
    int sidePa = side[pa];
    int sidePb = side[pb];
    // territory taken: a theater held at the start by one principal's side, at the end by the other's
    int gainer = 0;
    for (int t = 0; t < control0.length; t++) {
      int s0 = control0[t] >= 0 ? side[control0[t]] : 0;
      int ctl = run.finalController(t);
      int s1 = ctl >= 0 ? side[ctl] : 0;
      if (s0 != 0 && s1 != 0 && s0 != s1) {
        gainer = s1;
      }
    }
    int form;
    int endWeek;
    int out1;
    int out2;
    boolean settled = run.settled();
    if (settled && conceder >= 0) {
      form = 1;
      endWeek = run.endWeek();
      int loser = side[conceder] == 0 ? (conceder == pa ? sidePa : sidePb) : side[conceder];
      out1 = loser == 1 ? 3 : 0;
      out2 = loser == 2 ? 3 : 0;
    } else if (settled) {
      form = 0;
      endWeek = run.endWeek();
      out1 = 1;
      out2 = 1;
    } else if (gainer != 0) {
      // ground taken by force and held to the end: ICB codes such an end a unilateral act far
      // more often than an imposed agreement (docs/backtest.md section 2)
      form = 1;
      endWeek = lastAttackWeek >= 0 ? lastAttackWeek : horizon;
      out1 = gainer == 1 ? 0 : 3;
      out2 = gainer == 2 ? 0 : 3;
    } else if (ceasefireWeek >= 0 && halt) {
      // the fighting stopped in the week it began, and no deal followed: a raid that ended by
      // one side's act, not by an agreement (ICB: a unilateral act; each side's outcome, as
      // after a ceasefire, a stalemate, ICB's most frequent code for such crises)
      form = 1;
      endWeek = ceasefireWeek;
      out1 = 2;
      out2 = 2;
    } else if (ceasefireWeek >= 0) {
      // ended by the ceasefire, or by the deal on its terms that followed it
      form = 0;
      endWeek = Math.max(ceasefireWeek, agreementWeek);
      out1 = 2;
      out2 = 2;
    } else {
      form = 3;
      // a crisis that faded (its hostility fell below the crisis level) ends in its week; one
      // that ran to the horizon ends there
      endWeek = run.outcome() == Outcome.CONVENTIONAL_WAR ? horizon : run.endWeek();
      out1 = 2;
      out2 = 2;
    }
    int duration = endWeek >= horizon ? 3 : Variable.durationCategory(endWeek * 7);
    return new Mapped(violence, form, duration, out1, out2);
  }
}
