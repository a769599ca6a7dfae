package dev.flow.record;

/**
 * A fast, non-validating scanner that indexes one JSON object held as UTF-8 bytes: it finds each
 * field's name and the byte range of its value, skipping over values without decoding them.
 *
 * <p>It trusts its input: it is used on bytes already validated by {@link JsonValidator}, on bytes
 * a record wrote itself, and on bytes given to {@link FlowRecord#ofJsonBytes}. When the bytes do
 * not have the shape it expects it returns null, and the caller falls back to the full parser.
 */
final class JsonScanner {
  private JsonScanner() {}

  /**
   * Indexes the object whose opening brace is at {@code start}, or returns null if malformed;
   * {@code span} is its length in bytes, or an upper bound, to size the index.
   */
  static ObjectIndex index(byte[] b, int start, int span) {
    try {
      return scan(b, start, span);
    } catch (ArrayIndexOutOfBoundsException e) {
      return null; // truncated input
    }
  }

  private static ObjectIndex scan(byte[] b, int start, int span) {
    if (b[start] != '{') {
      return null;
    }
    ObjectIndex idx = ObjectIndex.forSpan(span);
    idx.start = start;
    int i = skipWs(b, start + 1);
    if (b[i] == '}') {
      idx.end = i + 1;
      return idx;
    }
    while (true) {
      if (b[i] != '"') {
        return null;
      }
      int nameStart = i;
      boolean escaped = false;
      i = Swar.quoteOrBackslash(b, i + 1, b.length);
      while (b[i] != '"') {
        escaped = true; // a backslash: skip the escaped byte and look on
        i = Swar.quoteOrBackslash(b, i + 2, b.length);
      }
      int h = escaped ? 0 : ObjectIndex.hash(b, nameStart + 1, i);
      int nameEnd = ++i;
      i = skipWs(b, i);
      if (b[i] != ':') {
        return null;
      }
      int vs = skipWs(b, i + 1);
      int ve = skipValue(b, vs);
      if (ve < 0) {
        return null;
      }
      idx.add(b, nameStart, nameEnd, h, escaped, vs, ve);
      i = skipWs(b, ve);
      if (b[i] == ',') {
        i = skipWs(b, i + 1);
      } else if (b[i] == '}') {
        idx.end = i + 1;
        return idx;
      } else {
        return null;
      }
    }
  }

  static int skipWs(byte[] b, int i) {
    while (true) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return i;
      }
      i++;
    }
  }

  /** The position just after the value starting at {@code i}, or -1. */
  private static int skipValue(byte[] b, int i) {
    byte c = b[i];
    if (c == '"') {
      return skipString(b, i);
    }
    if (c == '{' || c == '[') {
      return skipContainer(b, i);
    }
    int k = i;
    while (!SCALAR_STOP[b[k] & 0xFF]) {
      k++;
    }
    c = b[k];
    if (k == i || c == '"' || c == '{' || c == '[' || c == ':') {
      return -1;
    }
    return k;
  }

  /** The position just after the string whose opening quote is at {@code i}. */
  private static int skipString(byte[] b, int i) {
    i = Swar.quoteOrBackslash(b, i + 1, b.length);
    while (b[i] != '"') {
      i = Swar.quoteOrBackslash(b, i + 2, b.length);
    }
    return i + 1;
  }

  /** Bytes that matter inside a container: quotes and brackets. */
  private static final boolean[] STRUCTURAL = new boolean[256];

  /** Bytes that end a number or literal, or must not appear in one. */
  private static final boolean[] SCALAR_STOP = new boolean[256];

  static {
    for (char c : "\"{}[]".toCharArray()) {
      STRUCTURAL[c] = true;
    }
    for (char c : ",}] \n\r\t\"{[:".toCharArray()) {
      SCALAR_STOP[c] = true;
    }
  }

  private static int skipContainer(byte[] b, int i) {
    int depth = 0;
    while (true) {
      byte c = b[i];
      while (!STRUCTURAL[c & 0xFF]) {
        c = b[++i];
      }
      if (c == '"') {
        i = skipString(b, i);
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if (--depth == 0) {
        return i + 1;
      }
      i++;
    }
  }
}
