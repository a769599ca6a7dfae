package dev.flow.actions.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses generator specs such as {@code int(1,100)} into {@link FieldGenerator}s. */
final class GeneratorSpecs {

  static final String KNOWN =
      "seq, seq(start), seq(start,step), int(min,max), double(min,max), double(min,max,decimals),"
          + " bool, choice(a,b,...), uuid, string(length), now, millis, const(text)";

  private static final Pattern CALL =
      Pattern.compile("([A-Za-z]+)\\s*(?:\\((.*)\\))?", Pattern.DOTALL);
  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private GeneratorSpecs() {}

  /**
   * The generator for {@code spec}; throws {@link IllegalArgumentException} saying what's wrong.
   */
  static FieldGenerator parse(JsonNode spec) {
    if (spec == null || !spec.isTextual()) {
      JsonNode constant = spec == null ? Json.NODES.nullNode() : spec.deepCopy();
      return (i, r, now) -> constant.deepCopy();
    }
    String text = spec.textValue().trim();
    Matcher m = CALL.matcher(text);
    if (!m.matches()) {
      throw unknown(text);
    }
    String name = m.group(1);
    String argText = m.group(2);
    List<String> args = argText == null ? List.of() : splitArgs(argText);
    switch (name) {
      case "seq":
        arity(text, args, 0, 2);
        long start = args.size() > 0 ? longArg(text, args.get(0)) : 0;
        long step = args.size() > 1 ? longArg(text, args.get(1)) : 1;
        return (i, r, now) -> Json.NODES.numberNode(start + i * step);
      case "int":
        arity(text, args, 2, 2);
        long min = longArg(text, args.get(0));
        long max = longArg(text, args.get(1));
        order(text, min, max);
        return (i, r, now) -> Json.NODES.numberNode(r.nextLong(min, max + 1));
      case "double":
        arity(text, args, 2, 3);
        double lo = doubleArg(text, args.get(0));
        double hi = doubleArg(text, args.get(1));
        int decimals = args.size() > 2 ? (int) longArg(text, args.get(2)) : -1;
        if (!(lo < hi)) {
          throw new IllegalArgumentException("'" + text + "': min must be less than max");
        }
        return (i, r, now) -> doubleValue(r.nextDouble(lo, hi), decimals);
      case "bool":
        arity(text, args, 0, 0);
        return (i, r, now) -> Json.NODES.booleanNode(r.nextBoolean());
      case "choice":
        if (args.isEmpty()) {
          throw new IllegalArgumentException("'" + text + "' needs at least one value to choose");
        }
        List<JsonNode> values = new ArrayList<>();
        for (String a : args) {
          values.add(literal(a));
        }
        return (i, r, now) -> values.get(r.nextInt(values.size())).deepCopy();
      case "uuid":
        arity(text, args, 0, 0);
        return (i, r, now) -> Json.NODES.textNode(uuid(r));
      case "string":
        arity(text, args, 1, 1);
        long length = longArg(text, args.get(0));
        if (length < 0 || length > 1 << 20) {
          throw new IllegalArgumentException("'" + text + "': length must be 0 to 1048576");
        }
        return (i, r, now) -> Json.NODES.textNode(randomString(r, (int) length));
      case "now":
        arity(text, args, 0, 0);
        return (i, r, now) -> Json.NODES.textNode(Instant.ofEpochMilli(now).toString());
      case "millis":
        arity(text, args, 0, 0);
        return (i, r, now) -> Json.NODES.numberNode(now);
      case "const":
        String value = argText == null ? "" : argText;
        return (i, r, now) -> Json.NODES.textNode(value);
      default:
        throw unknown(text);
    }
  }

  private static IllegalArgumentException unknown(String text) {
    return new IllegalArgumentException(
        "unknown generator '" + text + "'; use one of " + KNOWN + ", or a non-text constant");
  }

  private static List<String> splitArgs(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      out.add(part.trim());
    }
    return out.size() == 1 && out.get(0).isEmpty() ? List.of() : out;
  }

  private static void arity(String text, List<String> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      String want = min == max ? String.valueOf(min) : min + " to " + max;
      throw new IllegalArgumentException(
          "'" + text + "' takes " + want + " arguments, not " + args.size());
    }
  }

  private static void order(String text, long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("'" + text + "': min must not be greater than max");
    }
  }

  private static long longArg(String text, String arg) {
    try {
      return Long.parseLong(arg);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': '" + arg + "' is not a whole number");
    }
  }

  private static double doubleArg(String text, String arg) {
    try {
      return Double.parseDouble(arg);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': '" + arg + "' is not a number");
    }
  }

  /** A choice value: JSON if it parses as a JSON scalar (1, 2.5, true, "x"), else the text. */
  private static JsonNode literal(String text) {
    try {
      JsonNode n = Json.MAPPER.readTree(text);
      if (n != null && n.isValueNode() && !n.isMissingNode()) {
        return n;
      }
    } catch (Exception notJson) {
      // plain text
    }
    return Json.NODES.textNode(text);
  }

  private static JsonNode doubleValue(double v, int decimals) {
    if (decimals < 0) {
      return Json.NODES.numberNode(v);
    }
    return Json.NODES.numberNode(BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP));
  }

  private static String uuid(java.util.SplittableRandom r) {
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(hi, lo).toString();
  }

  private static String randomString(java.util.SplittableRandom r, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
    }
    return new String(c);
  }
}
