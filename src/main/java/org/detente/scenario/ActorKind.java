package org.detente.scenario;

/**
 * What an actor is. States hold forces and arsenals of their own; a non-state actor (a militia,
 * an insurgency, an armed group) holds forces but no arsenal, makes no formal treaty or alliance
 * in its own name and has no embassy channel to break; alliances, blocs and regions hold
 * nothing of their own.
 */
public enum ActorKind {
  STATE,
  NON_STATE,
  ALLIANCE,
  BLOC,
  REGION;

  /** Whether the actor holds forces of its own (a state or a non-state armed group). */
  public boolean armed() {
    return this == STATE || this == NON_STATE;
  }
}
