package dev.flow.record;

/**
 * A strict validating scanner for a whole JSON document that must be one object. In one pass it
 * checks the grammar (RFC 8259: strings with valid escapes and UTF-8, numbers, literals, nesting)
 * and indexes the top-level fields, decoding nothing.
 *
 * <p>It is at least as strict as Jackson with {@link Json#MAPPER}'s settings. Input near Jackson's
 * limits (very deep nesting, very long numbers, names or strings) is reported as unusual, so the
 * caller can let Jackson decide.
 */
final class JsonValidator {
  private static final int MAX_DEPTH = 500;
  private static final int MAX_NUMBER_LENGTH = 1000;
  private static final int MAX_NAME_LENGTH = 50_000;
  private static final int MAX_STRING_LENGTH = 16 << 20;

  /** Why a document was refused. */
  enum Kind {
    /** Not JSON. */
    SYNTAX,
    /** JSON, but not one object. */
    SHAPE,
    /** Near Jackson's limits: Jackson should decide. */
    UNUSUAL
  }

  /** A refusal with its reason and byte offset (-1 when there is none). */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;
    final Kind kind;

    Failure(String message, int offset, Kind kind) {
      super(message, null, false, false);
      this.offset = offset;
      this.kind = kind;
    }

    Failure(String message, int offset, boolean unusual) {
      this(message, offset, unusual ? Kind.UNUSUAL : Kind.SYNTAX);
    }
  }

  private final byte[] b;
  private final int len;
  private int pos;
  private int nameHash;
  private boolean nameEscaped;

  private JsonValidator(byte[] b) {
    this.b = b;
    this.len = b.length;
  }

  /** Validates {@code b} as one JSON object and returns the index of its top-level fields. */
  static ObjectIndex validate(byte[] b) throws Failure {
    return new JsonValidator(b).document();
  }

  private ObjectIndex document() throws Failure {
    ws();
    if (pos == len) {
      throw new Failure("empty input where a JSON object was expected", -1, Kind.SHAPE);
    }
    if (b[pos] != '{') {
      throw new Failure("expected a JSON object but found " + describe(b[pos]), pos, Kind.SHAPE);
    }
    ObjectIndex idx = new ObjectIndex(16);
    idx.start = pos;
    object(1, idx);
    idx.end = pos;
    ws();
    if (pos != len) {
      throw new Failure("trailing content after the JSON object", pos, Kind.SHAPE);
    }
    return idx;
  }

  private static String describe(byte c) {
    return switch (c) {
      case '[' -> "an array";
      case '"' -> "a string";
      case 't', 'f' -> "a boolean";
      case 'n' -> "null";
      case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> "a number";
      default -> "'" + (c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : "\\x" + hex(c)) + "'";
    };
  }

  private static String hex(byte c) {
    return Integer.toHexString((c & 0xFF) | 0x100).substring(1);
  }

  private Failure error(String what) {
    if (pos >= len) {
      return new Failure("unexpected end of input, " + what, len, false);
    }
    return new Failure(what + ", found " + describe(b[pos]), pos, false);
  }

  private void ws() {
    while (pos < len) {
      byte c = b[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private void object(int depth, ObjectIndex idx) throws Failure {
    pos++;
    ws();
    if (pos < len && b[pos] == '}') {
      pos++;
      return;
    }
    while (true) {
      if (pos >= len || b[pos] != '"') {
        throw error("expected a field name in double quotes");
      }
      int nameStart = pos;
      string(true);
      int nameEnd = pos;
      int hash = nameHash; // read before the value: nested names overwrite it
      boolean escaped = nameEscaped;
      if (nameEnd - nameStart > MAX_NAME_LENGTH) {
        throw new Failure("a very long field name", nameStart, true);
      }
      ws();
      if (pos >= len || b[pos] != ':') {
        throw error("expected ':' after a field name");
      }
      pos++;
      ws();
      int vs = pos;
      value(depth);
      if (idx != null) {
        idx.add(b, nameStart, nameEnd, hash, escaped, vs, pos);
      }
      ws();
      if (pos < len && b[pos] == ',') {
        pos++;
        ws();
      } else if (pos < len && b[pos] == '}') {
        pos++;
        return;
      } else {
        throw error("expected ',' or '}' after a field");
      }
    }
  }

  private void array(int depth) throws Failure {
    pos++;
    ws();
    if (pos < len && b[pos] == ']') {
      pos++;
      return;
    }
    while (true) {
      value(depth);
      ws();
      if (pos < len && b[pos] == ',') {
        pos++;
        ws();
      } else if (pos < len && b[pos] == ']') {
        pos++;
        return;
      } else {
        throw error("expected ',' or ']' in an array");
      }
    }
  }

  private void value(int depth) throws Failure {
    if (pos >= len) {
      throw error("expected a value");
    }
    switch (b[pos]) {
      case '{', '[' -> {
        if (depth >= MAX_DEPTH) {
          throw new Failure("very deep nesting", pos, true);
        }
        if (b[pos] == '{') {
          object(depth + 1, null);
        } else {
          array(depth + 1);
        }
      }
      case '"' -> {
        int s = pos;
        string(false);
        if (pos - s > MAX_STRING_LENGTH) {
          throw new Failure("a very long string", s, true);
        }
      }
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
      default -> throw error("expected a value");
    }
  }

  private void literal(String word) throws Failure {
    for (int i = 0; i < word.length(); i++) {
      if (pos + i >= len || b[pos + i] != word.charAt(i)) {
        throw new Failure("a misspelled literal, expected '" + word + "'", pos, false);
      }
    }
    pos += word.length();
  }

  private void number() throws Failure {
    int s = pos;
    if (b[pos] == '-') {
      pos++;
    }
    if (pos < len && b[pos] == '0') {
      pos++;
    } else if (digits() == 0) {
      throw new Failure("a malformed number", s, false);
    }
    if (pos < len && b[pos] == '.') {
      pos++;
      if (digits() == 0) {
        throw new Failure("a malformed number", s, false);
      }
    }
    if (pos < len && (b[pos] == 'e' || b[pos] == 'E')) {
      pos++;
      if (pos < len && (b[pos] == '+' || b[pos] == '-')) {
        pos++;
      }
      if (digits() == 0) {
        throw new Failure("a malformed number", s, false);
      }
    }
    if (pos - s > MAX_NUMBER_LENGTH) {
      throw new Failure("a very long number", s, true);
    }
  }

  private int digits() {
    int s = pos;
    while (pos < len && b[pos] >= '0' && b[pos] <= '9') {
      pos++;
    }
    return pos - s;
  }

  /** Checks the string whose opening quote is at {@code pos}; for a name, hashes it too. */
  private void string(boolean name) throws Failure {
    int s = pos;
    int i = s + 1;
    boolean escaped = false;
    while (true) {
      i = Swar.stringSpecial(b, i, len);
      if (i >= len) {
        throw new Failure("a string that never ends", s, false);
      }
      byte c = b[i];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        escaped = true;
        pos = i;
        escape();
        i = pos;
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
    pos = i + 1;
    if (name) {
      nameHash = escaped ? 0 : ObjectIndex.hash(b, s + 1, i);
      nameEscaped = escaped;
    }
  }

  private void escape() throws Failure {
    int s = pos;
    if (pos + 1 >= len) {
      throw new Failure("a bad escape sequence", s, false);
    }
    switch (b[pos + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> pos += 2;
      case 'u' -> {
        for (int i = pos + 2; i < pos + 6; i++) {
          if (i >= len || Character.digit(b[i], 16) < 0) {
            throw new Failure("a bad \\u escape", s, false);
          }
        }
        pos += 6;
      }
      default -> throw new Failure("a bad escape sequence", s, false);
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
