package org.detente.scenario;

/**
 * Nuclear doctrine.
 *
 * @param firstUse  when first use is considered
 * @param threshold for {@code EXISTENTIAL} and {@code ESCALATE_TO_DEESCALATE}: the share (0–1) of
 *                  the actor's own or vital theaters lost in a conventional war at which first use
 *                  enters its choice set
 * @param retaliation probability (0–1) of nuclear retaliation in kind after a nuclear attack
 */
public record Doctrine(DoctrineKind firstUse, double threshold, double retaliation) {

  /** A non-nuclear actor's doctrine. */
  public static final Doctrine NONE = new Doctrine(DoctrineKind.NONE, 1.0, 0.0);
}
