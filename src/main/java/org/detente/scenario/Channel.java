package org.detente.scenario;

/** State of the diplomatic channel between two actors. */
public enum Channel {
  /** Ambassadors and leader-level contacts work: intentions can be stated and incidents clarified. */
  OPEN,
  /** Reduced: embassies cut down, contacts intermittent. */
  DEGRADED,
  /** Broken off: signals are read through the press. */
  SEVERED
}
