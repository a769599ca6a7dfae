package dev.flow.record;

import dev.flow.record.JsonValidator.Failure;

/** Strict checks of one JSON string held as UTF-8 bytes: escapes, control characters, UTF-8. */
final class JsonStrings {
  private JsonStrings() {}

  /** Checks the string whose opening quote is at {@code s}; returns the position after it. */
  static int check(byte[] b, int s, int len) throws Failure {
    int end = checkFlagged(b, s, len);
    return end < 0 ? ~end : end;
  }

  /**
   * Like {@link #check}, but returns the position after the string complemented ({@code ~end}, a
   * negative number) when the string holds an escape sequence, so that a caller indexing names need
   * not scan the name again.
   */
  static int checkFlagged(byte[] b, int s, int len) throws Failure {
    int i = s + 1;
    boolean escaped = false;
    while (true) {
      i = Swar.stringSpecial(b, i, len);
      if (i >= len) {
        throw new Failure("a string that never ends", s, false);
      }
      byte c = b[i];
      if (c == '"') {
        return escaped ? ~(i + 1) : i + 1;
      }
      if (c == '\\') {
        escaped = true;
        i = escape(b, i, len);
      } else if (c >= 0) {
        throw new Failure("a control character in a string", i, false);
      } else {
        int e = utf8End(b, i, len);
        if (e < 0) {
          throw new Failure("invalid UTF-8", i, false);
        }
        i = e;
      }
    }
  }

  /** Checks the escape sequence at {@code i}; returns the position after it. */
  private static int escape(byte[] b, int i, int len) throws Failure {
    if (i + 1 >= len) {
      throw new Failure("a bad escape sequence", i, false);
    }
    switch (b[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return i + 2;
      }
      case 'u' -> {
        for (int k = i + 2; k < i + 6; k++) {
          if (k >= len || Character.digit(b[k], 16) < 0) {
            throw new Failure("a bad \\u escape", i, false);
          }
        }
        return i + 6;
      }
      default -> throw new Failure("a bad escape sequence", i, false);
    }
  }

  /** The end of the valid multi-byte UTF-8 sequence at {@code i}, or -1 (strict: no overlongs). */
  static int utf8End(byte[] b, int i, int len) {
    int c = b[i] & 0xFF;
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return -1;
    }
    if (i + n >= len) {
      return -1;
    }
    int c1 = b[i + 1] & 0xFF;
    if (c1 < lo || c1 > hi) {
      return -1;
    }
    for (int k = 2; k <= n; k++) {
      if ((b[i + k] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return i + n + 1;
  }
}
