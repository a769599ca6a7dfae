package dev.flow.spi;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes run ids: a random 48-bit prefix drawn once per generator, then a counter. Ids are unique
 * across parallel instances and restarts, and cost a few nanoseconds each.
 *
 * <p>An id is the prefix in hexadecimal, a dash and the counter in base 36. The counter's digits
 * are kept as text and counted up in place, so each id is one string made from one buffer.
 */
public final class RunIds implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The prefix, the dash and the counter's digits; the digits fill {@code text[digits, len)}. */
  private transient byte[] text;

  private transient int digits;
  private transient int len;

  /** The next run id. */
  public String next() {
    if (text == null) {
      String prefix =
          Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16 | (1L << 47)) + "-";
      text = Arrays.copyOf(prefix.getBytes(StandardCharsets.ISO_8859_1), prefix.length() + 8);
      digits = prefix.length();
      len = digits;
    }
    increment();
    return new String(text, 0, len, StandardCharsets.ISO_8859_1);
  }

  /** Adds one to the base-36 counter held as lower-case digits (none at first, meaning zero). */
  private void increment() {
    for (int k = len - 1; k >= digits; k--) {
      byte d = text[k];
      if (d == '9') {
        text[k] = 'a';
        return;
      }
      if (d != 'z') {
        text[k] = (byte) (d + 1);
        return;
      }
      text[k] = '0';
    }
    // Every digit carried over (or there were none): one more digit in front.
    if (len == text.length) {
      text = Arrays.copyOf(text, text.length + 8);
    }
    System.arraycopy(text, digits, text, digits + 1, len - digits);
    text[digits] = '1';
    len++;
  }
}
