package org.detente.scenario;

/** What an actor is. Only states hold forces and arsenals of their own. */
public enum ActorKind {
  STATE,
  ALLIANCE,
  BLOC,
  REGION
}
