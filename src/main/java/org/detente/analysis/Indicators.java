package org.detente.analysis;

import java.util.ArrayList;
import java.util.List;
import org.detente.model.Outcome;
import org.detente.engine.RunView;

/**
 * The binary indicators a comparison looks at in each run: one per outcome class, the composite
 * {@code nuclear_use} (limited or strategic nuclear outcome), and one per scenario question.
 */
public final class Indicators {

  /** Name of the composite indicator "the run ended in limited or strategic nuclear use". */
  public static final String NUCLEAR_USE = "nuclear_use";

  private final List<String> names;
  private final List<String> kinds;
  private final int questionCount;
  private final int outcomeCount = Outcome.values().length;

  /** Indicators for a scenario with these question ids (in scenario order). */
  public Indicators(List<String> questionIds) {
    List<String> n = new ArrayList<>();
    List<String> k = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      n.add(o.id());
      k.add("outcome");
    }
    n.add(NUCLEAR_USE);
    k.add("outcome");
    for (String q : questionIds) {
      n.add(q);
      k.add("question");
    }
    this.names = List.copyOf(n);
    this.kinds = List.copyOf(k);
    this.questionCount = questionIds.size();
  }

  /** Number of indicators. */
  public int size() {
    return names.size();
  }

  /** Indicator names: outcome ids, {@code nuclear_use}, then question ids. */
  public List<String> names() {
    return names;
  }

  /** "outcome" or "question" for each indicator. */
  public String kind(int i) {
    return kinds.get(i);
  }

  /** Index of the indicator with this name, or -1. */
  public int indexOf(String name) {
    return names.indexOf(name);
  }

  /** Whether indicator {@code i} holds in {@code run}. */
  public boolean test(RunView run, int i) {
    if (i < outcomeCount) {
      return run.outcome().ordinal() == i;
    }
    if (i == outcomeCount) {
      Outcome o = run.outcome();
      return o == Outcome.LIMITED_NUCLEAR || o == Outcome.STRATEGIC_NUCLEAR;
    }
    return run.question(i - outcomeCount - 1);
  }

  /** Runs of a summarised ensemble in which indicator {@code i} holds. */
  public long count(EnsembleSummary s, int i) {
    if (i < outcomeCount) {
      return s.outcomeCount(Outcome.values()[i]);
    }
    if (i == outcomeCount) {
      return s.outcomeCount(Outcome.LIMITED_NUCLEAR) + s.outcomeCount(Outcome.STRATEGIC_NUCLEAR);
    }
    return s.questionCount(i - outcomeCount - 1);
  }

  /**
   * The indicator that varies most across a summarised ensemble: the largest variance p(1 − p)
   * of its share p of runs (the first in {@link #names} order on ties), or -1 when every
   * indicator holds in all runs or in none, so that no one-at-a-time analysis of them can show
   * anything but its value.
   */
  public int mostVariable(EnsembleSummary s) {
    long n = s.runs();
    int best = -1;
    long bestVar = 0;
    for (int i = 0; i < names.size(); i++) {
      long k = count(s, i);
      long v = k * (n - k); // n² p(1 − p), exact in integers (n is at most 2³¹)
      if (v > bestVar) {
        bestVar = v;
        best = i;
      }
    }
    return best;
  }

  /** Number of scenario questions. */
  public int questionCount() {
    return questionCount;
  }
}
