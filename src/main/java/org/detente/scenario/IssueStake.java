package org.detente.scenario;

/**
 * A motive's position on an issue.
 *
 * @param issue    issue id
 * @param position ideal point on the issue's 0–100 scale
 * @param salience 0–100
 */
public record IssueStake(String issue, double position, double salience) {}
