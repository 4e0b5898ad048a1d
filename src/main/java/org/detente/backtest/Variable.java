package org.detente.backtest;

import java.util.List;

/**
 * The four ICB variables the back-test forecasts, each with four categories in ICB's order
 * (docs/backtest.md gives the mapping of ICB codes and of runs to categories).
 */
public enum Variable {
  /** ICB viol: no violence, minor clashes, serious clashes, full-scale war. */
  VIOLENCE("violence", true, List.of("none", "minor clashes", "serious clashes", "full-scale war")),
  /**
   * ICB system-level form of outcome, grouped: agreement (formal, semi-formal, tacit),
   * unilateral act, imposed, faded or other.
   */
  OUTCOME_FORM("outcomeForm", false,
      List.of("agreement", "unilateral act", "imposed", "faded or other")),
  /** ICB duration (trigger to termination), in four bands. */
  DURATION("duration", true, List.of("<= 31 days", "32-91 days", "92-182 days", "> 182 days")),
  /** ICB actor-level outcome of each crisis actor on a side. */
  ACTOR_OUTCOME("actorOutcome", true,
      List.of("victory", "compromise", "stalemate", "defeat"));

  /** Number of categories of every variable. */
  public static final int K = 4;

  private final String key;
  private final boolean ordered;
  private final List<String> categories;

  Variable(String key, boolean ordered, List<String> categories) {
    this.key = key;
    this.ordered = ordered;
    this.categories = categories;
  }

  /** Key in JSON and file names. */
  public String key() {
    return key;
  }

  /** Whether the categories are ordered (an ordered logit baseline) or not (multinomial). */
  public boolean ordered() {
    return ordered;
  }

  /** Category labels. */
  public List<String> categories() {
    return categories;
  }

  /** ICB violence code (1-4) to category, or -1. */
  public static int violenceCategory(int viol) {
    return viol >= 1 && viol <= 4 ? viol - 1 : -1;
  }

  /**
   * ICB system-level form of outcome (forout: 1 formal agreement, 2 semi-formal agreement,
   * 3 tacit understanding, 4 unilateral act, 5 imposed agreement, 6 faded, 7 other) to category,
   * or -1.
   */
  public static int outcomeFormCategory(int forout) {
    return switch (forout) {
      case 1, 2, 3 -> 0;
      case 4 -> 1;
      case 5 -> 2;
      case 6, 7 -> 3;
      default -> -1;
    };
  }

  /** Duration in days to category, or -1 (missing, or ICB's 999). */
  public static int durationCategory(int days) {
    if (days < 0 || days == 999) {
      return -1;
    }
    return days <= 31 ? 0 : days <= 91 ? 1 : days <= 182 ? 2 : 3;
  }

  /** ICB actor outcome (outcom: 1 victory, 2 compromise, 3 stalemate, 4 defeat) or -1. */
  public static int actorOutcomeCategory(int outcom) {
    return outcom >= 1 && outcom <= 4 ? outcom - 1 : -1;
  }
}
