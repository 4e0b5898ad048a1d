package org.detente.scenario;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by Levenshtein distance. */
final class Suggest {

  private Suggest() {}

  /** Edit distance between two strings (insertions, deletions, substitutions). */
  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The closest candidate within a sensible distance, or null. */
  static String closest(String word, Collection<String> candidates) {
    if (word == null) {
      return null;
    }
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = levenshtein(w, c.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    int limit = Math.max(2, w.length() / 3);
    return best != null && bestD <= limit ? best : null;
  }

  /** " (did you mean 'x'?)" or "". */
  static String didYouMean(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? "" : " (did you mean '" + c + "'?)";
  }
}
