package dev.flow.validate;

import dev.flow.model.Node;
import dev.flow.parse.Suggestions;
import dev.flow.record.FieldPath;
import dev.flow.spi.DataSize;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Converts scalar nodes to prop values: text, numbers, booleans, durations, sizes, instants, field
 * paths, regular expressions and enums.
 */
final class Scalars {

  /** A scalar of the wrong kind: what was expected, and an optional hint. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;
    final String expected;
    final String hint;

    Mismatch(String expected, String hint) {
      super(expected, null, false, false);
      this.expected = expected;
      this.hint = hint;
    }
  }

  /**
   * A scalar of the right kind whose value is not valid for its type (a field path with an empty
   * segment, a regular expression that does not compile): the reason, in words.
   */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String reason) {
      super(reason, null, false, false);
    }
  }

  static final String DURATION = "a duration such as 500ms, 10s, 5m, 1h or 2d";

  /** Flink and Flow take durations as milliseconds in a long. */
  private static final String LONGEST =
      "a duration up to "
          + (Long.MAX_VALUE / 86_400_000L)
          + "d (the most milliseconds a long holds)";

  /** {@code d} as written in a flow: 0s, 5ms, 10s, 5m, 1h, 2d. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    for (var unit :
        List.of(
            java.util.Map.entry("d", 86_400_000L),
            java.util.Map.entry("h", 3_600_000L),
            java.util.Map.entry("m", 60_000L),
            java.util.Map.entry("s", 1_000L))) {
      if (ms % unit.getValue() == 0) {
        return ms / unit.getValue() + unit.getKey();
      }
    }
    return ms + "ms";
  }

  private static final Pattern DURATION_TEXT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  private Scalars() {}

  /** True when {@code type} is converted from a scalar by this class. */
  static boolean handles(Class<?> type) {
    return type == String.class
        || type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == double.class
        || type == Double.class
        || type == boolean.class
        || type == Boolean.class
        || type == Duration.class
        || type == DataSize.class
        || type == FieldPath.class
        || type == Pattern.class
        || type == Instant.class
        || type.isEnum();
  }

  static Object convert(Class<?> type, Node.ScalarNode s) throws Mismatch, Invalid {
    Object v = s.value();
    boolean fromParameter = s.style() == Node.ScalarNode.Style.SYNTHETIC;
    if (type == String.class) {
      return s.text();
    }
    if (type == int.class || type == Integer.class) {
      long l = whole(v, fromParameter, "a whole number");
      if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        throw new Mismatch("a whole number from -2147483648 to 2147483647", null);
      }
      return (int) l;
    }
    if (type == long.class || type == Long.class) {
      return whole(v, fromParameter, "a whole number");
    }
    if (type == double.class || type == Double.class) {
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      if (fromParameter && v instanceof String t) {
        try {
          return Double.parseDouble(t.trim());
        } catch (NumberFormatException e) {
          throw new Mismatch("a number", null);
        }
      }
      throw new Mismatch("a number", null);
    }
    if (type == boolean.class || type == Boolean.class) {
      if (v instanceof Boolean b) {
        return b;
      }
      if (fromParameter && v instanceof String t) {
        if (t.trim().equalsIgnoreCase("true")) {
          return true;
        }
        if (t.trim().equalsIgnoreCase("false")) {
          return false;
        }
      }
      throw new Mismatch("true or false", null);
    }
    if (type == Duration.class) {
      return duration(v);
    }
    if (type.isEnum()) {
      return enumValue(type, s.text());
    }
    if (type == Instant.class) {
      return instant(s.text());
    }
    if (type == FieldPath.class || type == Pattern.class || type == DataSize.class) {
      return parsed(type, s.text()); // as for a string, any scalar's text
    }
    throw new IllegalArgumentException("not a scalar type: " + type.getName());
  }

  /** A field path, regular expression or size from its text. */
  static Object parsed(Class<?> type, String text) throws Invalid {
    try {
      if (type == FieldPath.class) {
        return FieldPath.parse(text);
      }
      if (type == Pattern.class) {
        return Pattern.compile(text);
      }
      return DataSize.parse(text);
    } catch (PatternSyntaxException e) {
      throw new Invalid("not a valid regular expression: " + e.getDescription());
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage());
    }
  }

  /** An instant from epoch milliseconds or ISO-8601 text such as 2024-05-01T00:00:00Z. */
  static Instant instant(String text) throws Invalid {
    String t = text.trim();
    try {
      return Instant.ofEpochMilli(Long.parseLong(t));
    } catch (NumberFormatException notDigits) {
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e) {
        throw new Invalid(
            "'"
                + text
                + "' is neither epoch milliseconds nor an ISO-8601 instant such as"
                + " 2024-05-01T00:00:00Z");
      }
    }
  }

  private static long whole(Object v, boolean fromParameter, String expected) throws Mismatch {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof BigInteger) {
      throw new Mismatch(expected + " from -9223372036854775808 to 9223372036854775807", null);
    }
    if (fromParameter && v instanceof String t) {
      try {
        return Long.parseLong(t.trim());
      } catch (NumberFormatException e) {
        throw new Mismatch(expected, null);
      }
    }
    throw new Mismatch(expected, null);
  }

  /** Parses {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601. */
  static Duration duration(Object v) throws Mismatch {
    if (!(v instanceof String text)) {
      throw new Mismatch(DURATION, v instanceof Number ? "add a unit, e.g. '" + v + "s'" : null);
    }
    String t = text.trim();
    Matcher m = DURATION_TEXT.matcher(t);
    if (m.matches()) {
      BigDecimal amount = new BigDecimal(m.group(1));
      long unitMillis =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
          };
      BigDecimal millis = amount.multiply(BigDecimal.valueOf(unitMillis));
      if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new Mismatch(LONGEST, null);
      }
      return Duration.ofMillis(millis.longValue());
    }
    if (t.startsWith("P") || t.startsWith("p")) {
      Duration d;
      try {
        d = Duration.parse(t);
      } catch (DateTimeParseException e) {
        if (e.getCause() instanceof ArithmeticException) {
          throw new Mismatch(LONGEST, null);
        }
        d = null;
      }
      if (d != null && !d.isNegative()) {
        try {
          d.toMillis();
        } catch (ArithmeticException e) {
          throw new Mismatch(LONGEST, null);
        }
        return d;
      }
    }
    throw new Mismatch(DURATION, null);
  }

  /** The constant whose name matches {@code text} loosely: exactly-once = EXACTLY_ONCE. */
  static Object enumValue(Class<?> type, String text) throws Mismatch {
    String want = Suggestions.loose(text);
    for (Object c : type.getEnumConstants()) {
      if (Suggestions.loose(((Enum<?>) c).name()).equals(want)) {
        return c;
      }
    }
    List<String> names = enumNames(type);
    throw new Mismatch("one of " + String.join(", ", names), Suggestions.didYouMean(text, names));
  }

  /** The enum's constants as users write them: EXACTLY_ONCE is exactly-once. */
  static List<String> enumNames(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .toList();
  }
}
