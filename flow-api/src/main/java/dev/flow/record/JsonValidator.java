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

  private JsonValidator(byte[] b) {
    this.b = b;
    this.len = b.length;
  }

  /** Validates {@code b} as one JSON object and returns the index of its top-level fields. */
  static ObjectIndex validate(byte[] b) throws Failure {
    return new JsonValidator(b).document();
  }

  private ObjectIndex document() throws Failure {
    int i = ws(0);
    if (i == len) {
      throw new Failure("empty input where a JSON object was expected", -1, Kind.SHAPE);
    }
    if (b[i] != '{') {
      // An error path: tell a value of the wrong shape from input that is not JSON at all.
      try {
        Json.MAPPER.readTree(b);
      } catch (java.io.IOException notJson) {
        throw new Failure("not valid JSON: expected a JSON object", i, Kind.SHAPE);
      }
      throw new Failure("expected a JSON object but found " + describe(b[i]), i, Kind.SHAPE);
    }
    ObjectIndex idx = ObjectIndex.forSpan(len - i);
    idx.start = i;
    i = object(i, idx);
    idx.end = i;
    i = ws(i);
    if (i != len) {
      throw new Failure("trailing content after the JSON object", i, Kind.SHAPE);
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

  private Failure error(int i, String what) {
    if (i >= len) {
      return new Failure("unexpected end of input, " + what, len, false);
    }
    return new Failure(what + ", found " + describe(b[i]), i, false);
  }

  /** The first position at or after {@code i} that is not whitespace. */
  private int ws(int i) {
    byte[] b = this.b;
    while (i < len) {
      int c = b[i] & 0xFF;
      if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
        return i;
      }
      i++;
    }
    return i;
  }

  /**
   * Checks the top-level object whose brace is at {@code i}, indexing its fields into {@code idx}.
   */
  private int object(int i, ObjectIndex idx) throws Failure {
    byte[] b = this.b;
    i = ws(i + 1);
    if (i < len && b[i] == '}') {
      return i + 1;
    }
    while (true) {
      int nameStart = i;
      int flagged = name(i);
      boolean escaped = flagged < 0;
      int nameEnd = escaped ? ~flagged : flagged;
      i = colon(nameEnd);
      int vs = ws(i + 1);
      i = value(vs, 1);
      int hash = escaped ? 0 : ObjectIndex.hash(b, nameStart + 1, nameEnd - 1);
      idx.add(b, nameStart, nameEnd, hash, escaped, vs, i);
      i = afterField(i);
      if (b[i] == '}') {
        return i + 1;
      }
      i = ws(i + 1);
    }
  }

  /** Checks a nested object whose brace is at {@code i}; returns the position after it. */
  private int nested(int i, int depth) throws Failure {
    byte[] b = this.b;
    i = ws(i + 1);
    if (i < len && b[i] == '}') {
      return i + 1;
    }
    while (true) {
      int flagged = name(i);
      i = afterField(value(ws(colon(flagged < 0 ? ~flagged : flagged) + 1), depth));
      if (b[i] == '}') {
        return i + 1;
      }
      i = ws(i + 1);
    }
  }

  /**
   * Checks the field name whose quote should be at {@code i}; returns the position after it, or
   * that position complemented when the name holds an escape (see {@link
   * JsonStrings#checkFlagged}).
   */
  private int name(int i) throws Failure {
    if (i >= len || b[i] != '"') {
      throw error(i, "expected a field name in double quotes");
    }
    int flagged = JsonStrings.checkFlagged(b, i, len);
    if ((flagged < 0 ? ~flagged : flagged) - i > MAX_NAME_LENGTH) {
      throw new Failure("a very long field name", i, true);
    }
    return flagged;
  }

  /** The position of the ':' after a field name ending before {@code i}. */
  private int colon(int i) throws Failure {
    if (i < len && b[i] == ':') {
      return i; // most JSON has no spaces
    }
    i = ws(i);
    if (i >= len || b[i] != ':') {
      throw error(i, "expected ':' after a field name");
    }
    return i;
  }

  /** The position of the ',' or '}' after a field's value ending before {@code i}. */
  private int afterField(int i) throws Failure {
    if (i >= len || b[i] != ',' && b[i] != '}') {
      i = ws(i);
      if (i >= len || b[i] != ',' && b[i] != '}') {
        throw error(i, "expected ',' or '}' after a field");
      }
    }
    return i;
  }

  private int array(int i, int depth) throws Failure {
    byte[] b = this.b;
    i = ws(i + 1);
    if (i < len && b[i] == ']') {
      return i + 1;
    }
    while (true) {
      i = ws(value(i, depth));
      if (i < len && b[i] == ',') {
        i = ws(i + 1);
      } else if (i < len && b[i] == ']') {
        return i + 1;
      } else {
        throw error(i, "expected ',' or ']' in an array");
      }
    }
  }

  /** Checks the value at {@code i}; returns the position after it. */
  private int value(int i, int depth) throws Failure {
    if (i >= len) {
      throw error(i, "expected a value");
    }
    switch (b[i]) {
      case '"' -> {
        int e = JsonStrings.check(b, i, len);
        if (e - i > MAX_STRING_LENGTH) {
          throw new Failure("a very long string", i, true);
        }
        return e;
      }
      case '{', '[' -> {
        if (depth >= MAX_DEPTH) {
          throw new Failure("very deep nesting", i, true);
        }
        return b[i] == '{' ? nested(i, depth + 1) : array(i, depth + 1);
      }
      case 't' -> {
        return literal(i, "true");
      }
      case 'f' -> {
        return literal(i, "false");
      }
      case 'n' -> {
        return literal(i, "null");
      }
      case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
        return number(i);
      }
      default -> throw error(i, "expected a value");
    }
  }

  private int literal(int i, String word) throws Failure {
    for (int k = 0; k < word.length(); k++) {
      if (i + k >= len || b[i + k] != word.charAt(k)) {
        throw new Failure("a misspelled literal, expected '" + word + "'", i, false);
      }
    }
    return i + word.length();
  }

  private int number(int s) throws Failure {
    byte[] b = this.b;
    int i = b[s] == '-' ? s + 1 : s;
    if (i < len && b[i] == '0') {
      i++;
    } else {
      int d = digits(i);
      if (d == i) {
        throw new Failure("a malformed number", s, false);
      }
      i = d;
    }
    if (i < len && b[i] == '.') {
      int d = digits(i + 1);
      if (d == i + 1) {
        throw new Failure("a malformed number", s, false);
      }
      i = d;
    }
    if (i < len && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < len && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int d = digits(i);
      if (d == i) {
        throw new Failure("a malformed number", s, false);
      }
      i = d;
    }
    if (i - s > MAX_NUMBER_LENGTH) {
      throw new Failure("a very long number", s, true);
    }
    return i;
  }

  /** The first position at or after {@code i} that is not a digit. */
  private int digits(int i) {
    byte[] b = this.b;
    while (i < len && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i;
  }
}
