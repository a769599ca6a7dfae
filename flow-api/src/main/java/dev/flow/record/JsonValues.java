package dev.flow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one JSON value held as raw bytes into the same {@link JsonNode} that {@link Json#MAPPER}
 * would build. Scalars are decoded here; objects and arrays, and anything unusual, go to Jackson.
 */
final class JsonValues {
  /** Jackson's default limit on the length of a number. */
  private static final int MAX_NUMBER_LENGTH = 1000;

  private JsonValues() {}

  /** The value in {@code buf[s, e)}. */
  static JsonNode parse(byte[] buf, int s, int e) {
    switch (buf[s]) {
      case '"':
        return string(buf, s, e);
      case 't':
        return literal(buf, s, e, "true") ? BooleanNode.TRUE : jackson(buf, s, e);
      case 'f':
        return literal(buf, s, e, "false") ? BooleanNode.FALSE : jackson(buf, s, e);
      case 'n':
        return literal(buf, s, e, "null") ? NullNode.instance : jackson(buf, s, e);
      case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        return number(buf, s, e);
      default:
        return jackson(buf, s, e);
    }
  }

  private static boolean literal(byte[] buf, int s, int e, String word) {
    if (e - s != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (buf[s + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode string(byte[] buf, int s, int e) {
    if (e - s < 2 || buf[e - 1] != '"') {
      return jackson(buf, s, e);
    }
    for (int i = s + 1; i < e - 1; i++) {
      int c = buf[i];
      if (c == '\\' || (c >= 0 && c < 0x20)) {
        return TextNode.valueOf(unescape(buf, s + 1, e - 1));
      }
    }
    return TextNode.valueOf(new String(buf, s + 1, e - s - 2, StandardCharsets.UTF_8));
  }

  private static JsonNode number(byte[] buf, int s, int e) {
    int i = buf[s] == '-' ? s + 1 : s;
    int digits = 0;
    while (i + digits < e && isDigit(buf[i + digits])) {
      digits++;
    }
    if (digits == 0 || (digits > 1 && buf[i] == '0') || e - s > MAX_NUMBER_LENGTH) {
      return jackson(buf, s, e);
    }
    if (i + digits == e) {
      if (digits <= 18) {
        long v = 0;
        for (int k = i; k < e; k++) {
          v = v * 10 + (buf[k] - '0');
        }
        v = i == s ? v : -v;
        return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
      }
      BigInteger big = new BigInteger(new String(buf, s, e - s, StandardCharsets.ISO_8859_1));
      return big.bitLength() < 64 ? LongNode.valueOf(big.longValue()) : BigIntegerNode.valueOf(big);
    }
    int k = i + digits;
    int f = k;
    if (buf[k] == '.') {
      f = ++k;
      while (k < e && isDigit(buf[k])) {
        k++;
      }
      if (k == f) {
        return jackson(buf, s, e);
      }
    }
    int fraction = k - f;
    if (k == e && fraction > 0 && digits + fraction <= 15) {
      return DoubleNode.valueOf(exactDecimal(buf, i, digits, f, fraction, i != s));
    }
    if (k < e && (buf[k] == 'e' || buf[k] == 'E')) {
      k++;
      if (k < e && (buf[k] == '+' || buf[k] == '-')) {
        k++;
      }
      int x = k;
      while (k < e && isDigit(buf[k])) {
        k++;
      }
      if (k == x) {
        return jackson(buf, s, e);
      }
    }
    if (k != e) {
      return jackson(buf, s, e);
    }
    return DoubleNode.valueOf(
        Double.parseDouble(new String(buf, s, e - s, StandardCharsets.ISO_8859_1)));
  }

  /** Powers of ten that doubles hold exactly. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /**
   * The double nearest to a decimal of at most 15 digits with no exponent, as {@link
   * Double#parseDouble} gives it. The digits make an integer below 2^53 and the power of ten is
   * exact, so one division, which IEEE 754 rounds correctly, gives the nearest double.
   */
  private static double exactDecimal(
      byte[] buf, int i, int digits, int f, int fraction, boolean negative) {
    long m = 0;
    for (int k = i; k < i + digits; k++) {
      m = m * 10 + (buf[k] - '0');
    }
    for (int k = f; k < f + fraction; k++) {
      m = m * 10 + (buf[k] - '0');
    }
    double v = m / POWERS_OF_TEN[fraction];
    return negative ? -v : v;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Full Jackson parse of one value, for containers and for anything the fast paths refuse. */
  static JsonNode jackson(byte[] buf, int s, int e) {
    try {
      return Json.MAPPER.readTree(buf, s, e - s);
    } catch (IOException ex) {
      throw new InvalidRecordException(
          "not valid JSON: " + RecordParser.shortMessage(ex) + " in the value at offset " + s, ex);
    }
  }

  /** Decodes the content of a JSON string, {@code buf[s, e)} between the quotes. */
  static String unescape(byte[] buf, int s, int e) {
    StringBuilder b = new StringBuilder(e - s);
    int run = s;
    int i = s;
    while (i < e) {
      int c = buf[i];
      if (c != '\\') {
        if (c >= 0 && c < 0x20) {
          throw new InvalidRecordException(
              "not valid JSON: a control character in a string at offset " + i);
        }
        i++;
        continue;
      }
      b.append(new String(buf, run, i - run, StandardCharsets.UTF_8));
      if (i + 1 >= e) {
        throw badEscape(i);
      }
      byte x = buf[i + 1];
      switch (x) {
        case '"', '\\', '/' -> b.append((char) x);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 6 > e) {
            throw badEscape(i);
          }
          int v = 0;
          for (int k = i + 2; k < i + 6; k++) {
            int d = Character.digit(buf[k], 16);
            if (d < 0) {
              throw badEscape(i);
            }
            v = v * 16 + d;
          }
          b.append((char) v);
          i += 4;
        }
        default -> throw badEscape(i);
      }
      i += 2;
      run = i;
    }
    b.append(new String(buf, run, e - run, StandardCharsets.UTF_8));
    return b.toString();
  }

  private static InvalidRecordException badEscape(int at) {
    return new InvalidRecordException("not valid JSON: a bad escape sequence at offset " + at);
  }
}
