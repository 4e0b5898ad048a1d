package org.detente.scenario;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by Levenshtein distance. */
final class Suggest {

  private Suggest() {}

  /**
   * Edit distance between two strings: insertions, deletions, substitutions and transpositions
   * of adjacent characters each count 1 (Levenshtein distance extended with transpositions, the
   * "optimal string alignment" variant).
   */
  static int levenshtein(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }

  /** The closest candidate within a sensible distance, or null. */
  static String closest(String word, Collection<String> candidates) {
    if (word == null) {
      return null;
    }
    if (word.length() > 200) {
      return null;
    }
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.length() > 200) {
        continue;
      }
      int d = levenshtein(w, c.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    int limit = w.length() <= 4 ? 1 : Math.max(2, w.length() / 3);
    return best != null && bestD <= limit ? best : null;
  }

  /** " (did you mean 'x'?)" or "". */
  static String didYouMean(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? "" : " (did you mean '" + c + "'?)";
  }
}
