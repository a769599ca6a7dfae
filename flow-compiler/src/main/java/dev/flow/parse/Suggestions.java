package dev.flow.parse;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints: the closest known name by edit distance, when it is close enough. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code word}, compared loosely (case, spaces, dashes and underscores
   * ignored), or null when none is close.
   */
  public static String closest(String word, Collection<String> candidates) {
    if (word == null) {
      return null;
    }
    String w = loose(word);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      String l = loose(c);
      int limit = Math.max(1, Math.min(3, Math.max(w.length(), l.length()) / 3));
      int d = distance(w, l, limit);
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** {@code did you mean 'x'?}, or null when nothing is close. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? null : "did you mean '" + c + "'?";
  }

  /** The name in lower case without spaces, dashes and underscores. */
  public static String loose(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '-' && c != '_' && c != '\t') {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance with transpositions, or {@code limit + 1} when it exceeds the limit. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev2 = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
