package org.jstilt.io.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt keys: the valid key at the smallest edit distance, if close enough. */
final class KeySuggestions {
  private KeySuggestions() {}

  /**
   * The nearest valid key: an exact match ignoring case and {@code -}/{@code _}, else the key with the
   * smallest Damerau-Levenshtein distance (adjacent swaps count 1) when that distance is at most 1 for
   * keys up to 4 characters, 2 up to 8, 3 beyond.
   */
  static Optional<String> nearest(String key, Collection<String> valid) {
    String norm = normal(key);
    for (String v : valid) {
      if (normal(v).equals(norm)) {
        return Optional.of(v);
      }
    }
    int limit = key.length() <= 4 ? 1 : key.length() <= 8 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String v : valid) {
      int d = distance(key.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = v;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
