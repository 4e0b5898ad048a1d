package org.detente.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * How decisive an actor's decisions were, as {@code run --decision-stats}, {@code explain} and
 * {@code bench engine} print it: of all decisions, the share that were close calls (the chosen
 * action's probability under twice that of the most probable other action), the share where an
 * action of higher expected utility was available, and the share chosen outside the three actions
 * of highest expected utility ("chosen by quantal-response noise" in {@code explain}).
 */
final class DecisionStatsText {

  private DecisionStatsText() {}

  /** One line from {decisions, close, not best, noise} over {@code runs} runs. */
  static String line(long[] s, long runs) {
    long n = s[0];
    return String.format(Locale.ROOT,
        "%d (%.1f per run); chosen with under twice the runner-up's probability:"
            + " %s; a better action available: %s; chosen by quantal-response noise (outside"
            + " the 3 best): %s",
        n, runs > 0 ? (double) n / runs : 0.0, pct(s[1], n), pct(s[2], n), pct(s[3], n));
  }

  /** The same figures as JSON fields of {@code node}. */
  static void put(ObjectNode node, long[] s, long runs) {
    long n = s[0];
    node.put("decisions", n);
    node.put("perRun", runs > 0 ? Math.round((double) n / runs * 10) / 10.0 : 0.0);
    node.put("closeShare", share(s[1], n));
    node.put("notBestShare", share(s[2], n));
    node.put("noiseShare", share(s[3], n));
  }

  private static String pct(long k, long n) {
    return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * k / n);
  }

  private static double share(long k, long n) {
    return n == 0 ? 0.0 : Math.round(1e4 * k / (double) n) / 1e4;
  }
}
