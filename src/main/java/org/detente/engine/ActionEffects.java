package org.detente.engine;

import org.detente.model.Action;

/**
 * Action step: what each action does once taken (decided or scripted): proposals go to {@link
 * Bargaining}, attacks to {@link Combat}, nuclear use to {@link NuclearExchange}; rhetoric,
 * channels, sanctions and blockades, mobilisation from the reserve, concessions, arms to a
 * proxy and alliances are applied here.
 */
final class ActionEffects {

  private final CompiledModel m;
  private final ModelConstants constants;
  private final RunState state;
  private final EventLog log;
  private final Bargaining bargaining;
  private final Combat combat;
  private final NuclearExchange nuclear;
  private final Movement movement;
  private final Trace trace;

  ActionEffects(CompiledModel m, RunState state, EventLog log, Bargaining bargaining,
      Combat combat, NuclearExchange nuclear, Movement movement, Trace trace) {
    this.m = m;
    this.constants = m.constants;
    this.state = state;
    this.log = log;
    this.bargaining = bargaining;
    this.combat = combat;
    this.nuclear = nuclear;
    this.movement = movement;
    this.trace = trace;
  }

  /** Applies pending decision p (after its target has observed it). */
  void applyDecision(PendingDecisions pending, int p) {
    int a = pending.actor[p];
    int b = pending.target[p];
    Action act = pending.action[p];
    if (act == Action.WAIT) {
      return;
    }
    if (act == Action.NEGOTIATE || act == Action.OFFER || act == Action.CEASEFIRE) {
      bargaining.propose(a, b, act);
      return;
    }
    int aux = pending.aux[p];
    if (act == Action.DEPLOY) {
      deploy(a, b, pending.theater[p], aux);
      return;
    }
    if (act == Action.ARM_PROXY || act == Action.FORM_ALLIANCE) {
      apply(a, aux, act, -1, b);
      return;
    }
    apply(a, b, act, pending.theater[p], -1);
    if (act == Action.SANCTION && aux >= 0) {
      // a third party's sanctions on b in support of aux weigh on b's holding out against aux,
      // and stand until a deal between them
      state.pressure[aux * m.nA + b] += constants.coercionPain();
      state.standing[aux * m.nA + b] += constants.coercionPain();
    }
  }

  /** Applies scripted event e of the model's schedule. */
  void scripted(int e) {
    int a = m.events.actor(e);
    int b = m.events.target(e);
    Action act = m.events.action(e);
    int t = m.events.theater(e);
    if (b < 0) {
      b = act == Action.ATTACK && t >= 0 ? state.control[t] : -1;
    }
    if (trace.on()) {
      trace.note(state.week, "scripted event: " + m.events.description(e));
    }
    if (act == Action.NEGOTIATE || act == Action.OFFER || act == Action.CEASEFIRE) {
      if (b >= 0) {
        bargaining.propose(a, b, act);
      } else {
        log.record(a, b, act, t);
      }
      return;
    }
    apply(a, b, act, t, -1);
  }

  /** Applies one action with its effects, records it, and handles responses. */
  void apply(int a, int b, Action act, int t, int against) {
    int nA = m.nA;
    int nT = m.nT;
    if (act == Action.ATTACK) {
      if (t < 0 || b < 0 || b == a) {
        log.record(a, b, act, t);
        return;
      }
      combat.attack(a, b, t);
      return;
    }
    if (act == Action.DEPLOY) {
      deploy(a, b, t, -1);
      return;
    }
    if (act.nuclear()) {
      if (b < 0) {
        log.record(a, b, act, t);
        return;
      }
      nuclear.strike(a, b, act, t, true);
      return;
    }
    log.record(a, b, act, t);
    if (b < 0) {
      return;
    }
    int ab = a * nA + b;
    double gd = act.goldstein();
    if (act != Action.ARM_PROXY && act != Action.FORM_ALLIANCE) {
      state.addHostilityBy(m.actors, a, b, -gd * constants.goldsteinHostility());
    }
    if (act == Action.INSULT || act == Action.THREATEN || act == Action.THREATEN_BREAK_RELATIONS
        || act == Action.THREATEN_NUCLEAR) {
      state.rhetoric[ab] = Math.min(1.0, state.rhetoric[ab] + constants.rhetoricStep());
    } else if (act == Action.BREAK_RELATIONS) {
      int ch = Math.min(RunState.SEVERED, state.channel[ab] + 1);
      setChannel(a, b, ch);
    } else if (act == Action.RESTORE_RELATIONS) {
      int ch = Math.max(RunState.OPEN, state.channel[ab] - 1);
      setChannel(a, b, ch);
    } else if (act == Action.SANCTION) {
      state.pressure[ab] += constants.coercionPain();
    } else if (act == Action.BLOCKADE) {
      state.pressure[ab] += 2 * constants.coercionPain();
    } else if (act == Action.MOBILIZE && t >= 0) {
      // the call-up draws on the actor's remaining reserve, which the fallen do not refill
      double f = state.forces[a * nT + t];
      double add = f * constants.mobilizeShare();
      if (add <= state.reserve[a]) {
        state.forces[a * nT + t] = f * (1 + constants.mobilizeShare());
        state.reserve[a] -= add;
      } else {
        add = state.reserve[a];
        state.forces[a * nT + t] = f + add;
        state.reserve[a] = 0;
      }
      if (trace.on()) {
        trace.note(state.week, String.format(java.util.Locale.ROOT,
            "%s mobilises %.1fk troops in %s (%.1fk there now; reserve left %.1fk%s)",
            m.actorId(a), add, m.theaterId(t), state.forces[a * nT + t], state.reserve[a],
            state.reserve[a] == 0 ? ", exhausted" : ""));
      }
    } else if (act == Action.CONCEDE) {
      // its own side stands by it only inside its range (a government does not sign away
      // what it values above holding on)
      boolean ratified = bargaining.concessionRatification(a, b) == 1.0;
      if (trace.on()) {
        trace.note(state.week, m.actorId(a) + "'s concession to " + m.actorId(b)
            + (ratified ? " stands" : " is disowned at home") + bargaining.lastRating());
      }
      if (ratified) {
        bargaining.deal(a, b, b);
      }
    } else if (act == Action.ARM_PROXY) {
      // b is the recipient here; raise its effectiveness where it fights
      for (int u = 0; u < nT; u++) {
        if (state.forces[b * nT + u] > 0) {
          state.eff[b * nT + u] =
              Math.min(3.0, state.eff[b * nT + u] * (1 + constants.proxyBoost()));
        }
      }
      // a standing aid commitment: a share of a's strength counts on b's side from now on
      state.support[a * nA + b] = Math.max(state.support[a * nA + b], constants.aidShare());
      if (against >= 0) {
        state.addHostility(a, against, constants.goldsteinHostility() * 4);
      }
    } else if (act == Action.FORM_ALLIANCE) {
      state.cred[ab] = Math.max(state.cred[ab], constants.allianceCredibility());
      state.cred[b * nA + a] = Math.max(state.cred[b * nA + a], constants.allianceCredibility());
      state.allied[ab] = true;
      state.allied[b * nA + a] = true;
      state.addHostility(a, b, -gd * constants.goldsteinHostility());
    }
  }

  /**
   * a deploys forces to theater t (from theater {@code from}, or the one that sends the most):
   * logged as a deployment toward b, seen by b, raising hostility by its Goldstein value.
   */
  private void deploy(int a, int b, int t, int from) {
    log.record(a, b, Action.DEPLOY, t);
    if (b >= 0) {
      state.addHostilityBy(m.actors, a, b,
          -Action.DEPLOY.goldstein() * constants.goldsteinHostility());
    }
    movement.deploy(a, t, from);
  }

  private void setChannel(int a, int b, int ch) {
    int nA = m.nA;
    if (state.channel[a * nA + b] != ch && trace.on()) {
      trace.note(state.week, "channel " + m.actorId(a) + "–" + m.actorId(b) + ": "
          + channelName(state.channel[a * nA + b]) + " → " + channelName(ch));
    }
    state.channel[a * nA + b] = ch;
    state.channel[b * nA + a] = ch;
  }

  /** Name of a channel state. */
  static String channelName(int ch) {
    return ch == RunState.OPEN ? "open" : ch == RunState.DEGRADED ? "degraded" : "severed";
  }
}
