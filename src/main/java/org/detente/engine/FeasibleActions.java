package org.detente.engine;

import org.detente.model.Action;
import org.detente.scenario.DoctrineKind;

/**
 * Decision step, part 1: the actions an actor can take toward a counterpart given the channel,
 * war, the forces in contact, partners and proxies, its arsenal and its doctrine. A non-state
 * armed group (docs/model.md, "Non-state actors") makes no treaty, deal or alliance in its own
 * name, has no embassy channel, and does not sanction, blockade or arm others; a state facing one
 * has no channel with it to break and no deal to sign with it, only a ceasefire at war.
 */
final class FeasibleActions {

  private final CompiledModel m;
  private final RunState state;
  private final Situation situation;
  private final Movement movement;
  private final Candidates out = new Candidates();

  FeasibleActions(CompiledModel m, RunState state, Situation situation, Movement movement) {
    this.m = m;
    this.state = state;
    this.situation = situation;
    this.movement = movement;
  }

  /** a's feasible actions toward b (the list is this step's own, refilled on each call). */
  Candidates of(int a, int b, boolean atWar, boolean talk, int ch) {
    out.clear();
    // a non-state armed group makes no formal treaty in its own name, has no embassy channel to
    // break or restore, and neither sanctions nor blockades; nor does a state toward it
    final boolean irregular = m.actors.nonState(a);
    final boolean formal = !irregular && !m.actors.nonState(b);
    out.add(Action.WAIT, -1, -1);
    out.add(Action.INTENT_TO_COOPERATE, -1, -1);
    out.add(Action.INSULT, -1, -1);
    out.add(Action.THREATEN, -1, -1);
    if (formal) {
      out.add(Action.CONCEDE, -1, -1);
    }
    if (talk) {
      out.add(Action.CONSULT, -1, -1);
      if (formal) {
        out.add(Action.NEGOTIATE, -1, -1);
        out.add(Action.OFFER, -1, -1);
      }
      if (atWar) {
        out.add(Action.CEASEFIRE, -1, -1);
      }
    }
    if (formal && ch != RunState.OPEN) {
      out.add(Action.RESTORE_RELATIONS, -1, -1);
    }
    if (formal && ch != RunState.SEVERED) {
      out.add(Action.THREATEN_BREAK_RELATIONS, -1, -1);
      out.add(Action.BREAK_RELATIONS, -1, -1);
    }
    if (!atWar && !irregular) {
      out.add(Action.SANCTION, -1, -1);
    }
    final int front = situation.frontTheater(a, b);
    if (front >= 0) {
      out.add(Action.MOBILIZE, front, -1);
      if (!atWar && !irregular) {
        out.add(Action.BLOCKADE, front, -1);
      }
    }
    final int attackT = situation.attackTheater(a, b);
    if (attackT >= 0) {
      out.add(Action.ATTACK, attackT, -1);
    }
    int deployT = -1;
    double deployGain = 0;
    if (movement.plan(a, b, atWar)) {
      deployT = movement.planTheater;
      deployGain = movement.planGain;
      out.add(Action.DEPLOY, deployT, movement.planSource);
    }
    int proxy = atWar || irregular ? -1 : situation.proxyFor(a, b);
    if (proxy >= 0) {
      out.add(Action.ARM_PROXY, -1, proxy);
    }
    int partner = irregular ? -1 : situation.partnerAgainst(a, b);
    if (partner >= 0) {
      out.add(Action.FORM_ALLIANCE, -1, partner);
    }
    if (state.nuclearArmed(a) && nuclearThreatCredible(a, b)) {
      out.add(Action.THREATEN_NUCLEAR, -1, -1);
    }
    int nucForcesT = -1;
    int cityT = -1;
    final boolean nuclear = situation.nuclearUnlocked(a, b);
    if (nuclear) {
      out.add(Action.NUCLEAR_DEMONSTRATION, -1, -1);
      if (state.ns[a] > 0) {
        nucForcesT = situation.frontTheater(b, a);
        if (nucForcesT >= 0) {
          out.add(Action.NUCLEAR_STRIKE_FORCES, nucForcesT, -1);
        }
        cityT = situation.cityTheaterOf(b, false);
        if (cityT >= 0) {
          out.add(Action.NUCLEAR_STRIKE_CITY, cityT, -1);
        }
      }
    }
    if (situation.strategicUnlocked(a, b)) {
      out.add(Action.STRATEGIC_COUNTERFORCE, -1, -1);
      out.add(Action.STRATEGIC_COUNTERVALUE, -1, -1);
    }

    out.front = front;
    out.attackTheater = attackT;
    out.deployTheater = deployT;
    out.deployGain = deployGain;
    out.nuclearForcesTheater = nucForcesT;
    out.hasNuclear = nuclear; // a demonstration at least
    return out;
  }

  /**
   * Whether a's doctrine lets it threaten b with nuclear use: not without a doctrine, and under
   * no first use only against a nuclear-armed side (b or a state that would retaliate for it) or
   * once a has been struck: a state pledged never to use nuclear weapons first has nothing to
   * threaten a non-nuclear state with.
   */
  private boolean nuclearThreatCredible(int a, int b) {
    final int d = m.actors.doctrine(a);
    if (d == DoctrineKind.NONE.ordinal()) {
      return false;
    }
    if (d != DoctrineKind.NO_FIRST_USE.ordinal() || state.struck[a]) {
      return true;
    }
    return state.nuclearArmed(b) || situation.retaliationBy(b) > 0;
  }
}
