package org.detente.scenario;

/**
 * An actor's stance on one issue.
 *
 * @param actor      actor id
 * @param position   0–100
 * @param salience   0–100
 * @param capability capability brought to bear on the issue (&gt; 0, any scale)
 */
public record IssuePosition(String actor, double position, double salience, double capability) {}
