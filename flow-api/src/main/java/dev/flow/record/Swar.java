package dev.flow.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next special byte of a JSON string eight bytes at a time ("SIMD within a register"):
 * each byte of a long is tested at once with carry-free arithmetic. Little-endian loads make the
 * lowest flagged bit mark the first match.
 */
final class Swar {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * 0x20;

  private Swar() {}

  /** Flags the bytes of {@code x} equal to the byte repeated in {@code pattern}. */
  private static long equal(long x, long pattern) {
    long v = x ^ pattern;
    return (v - ONES) & ~v & HIGHS;
  }

  /** The first position at or after {@code i}, below {@code end}, of '"' or '\\', or end. */
  static int quoteOrBackslash(byte[] b, int i, int end) {
    while (i + 8 <= end) {
      long x = (long) LONGS.get(b, i);
      long m = equal(x, QUOTES) | equal(x, BACKSLASHES);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
      i += 8;
    }
    while (i < end && b[i] != '"' && b[i] != '\\') {
      i++;
    }
    return i;
  }

  /**
   * The first position at or after {@code i}, below {@code end}, of '"', '\\', a control character
   * or a non-ASCII byte, or end.
   */
  static int stringSpecial(byte[] b, int i, int end) {
    while (i + 8 <= end) {
      long x = (long) LONGS.get(b, i);
      // Bytes below 0x20 or from 0x80 have the high bit set in (x - SPACES) | x (a borrow only
      // runs upwards from such a byte, so the lowest flag is exact); then quotes and backslashes.
      long q = x ^ QUOTES;
      long bs = x ^ BACKSLASHES;
      long m = ((x - SPACES) | x | ((q - ONES) & ~q) | ((bs - ONES) & ~bs)) & HIGHS;
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
      i += 8;
    }
    while (i < end) {
      int c = b[i];
      if (c == '"' || c == '\\' || c < 0x20) { // non-ASCII bytes are negative
        return i;
      }
      i++;
    }
    return i;
  }
}
