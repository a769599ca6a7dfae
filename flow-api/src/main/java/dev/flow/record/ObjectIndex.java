package dev.flow.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields of one JSON object held as raw bytes: for each field the byte range of its quoted name
 * and of its value, in order of first appearance. Values are never decoded here.
 *
 * <p>A repeated name keeps the position of its first appearance and the value of its last, as
 * Jackson's tree model does. An index is filled by a scanner and never changes afterwards, so
 * copies of a record share it.
 */
final class ObjectIndex {
  private static final int[] NO_INTS = new int[0];

  /**
   * Per field, five ints: start of the quoted name, end of it (after the quote), value start, value
   * end, and the name's hash. One array, so an index costs two allocations (itself and this).
   */
  private int[] fields;

  /** The unescaped UTF-8 name of a field whose raw name holds escapes, else null; lazily made. */
  private byte[][] decoded;

  private int size;

  /** One bit per name hash seen, so most names skip the search for an earlier equal name. */
  private long seen;

  /**
   * True when a name was repeated: a field's name and value may then be apart, so they cannot be
   * copied as one span.
   */
  boolean repeated;

  /** The position of the opening brace. */
  int start;

  /** The position just after the closing brace. */
  int end;

  ObjectIndex(int capacity) {
    fields = capacity == 0 ? NO_INTS : new int[capacity * 5];
  }

  /**
   * An index sized for an object spanning {@code bytes} bytes: about one field per 16 bytes, at
   * least 2 and at most 16 (it grows when needed), so small nested objects stay small.
   */
  static ObjectIndex forSpan(int bytes) {
    return new ObjectIndex(Math.min(16, 2 + (bytes >>> 4)));
  }

  /**
   * The hash used to match names: the same on raw bytes and on a path's UTF-8 segment. It reads
   * only the length and three bytes, as names are few and short; equal hashes are then compared.
   */
  static int hash(byte[] b, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return 0;
    }
    return n * 0x9E3779B1 ^ b[from] << 8 ^ b[from + (n >> 1)] << 16 ^ b[to - 1];
  }

  int size() {
    return size;
  }

  int nameStart(int k) {
    return fields[k * 5];
  }

  int nameEnd(int k) {
    return fields[k * 5 + 1];
  }

  int valueStart(int k) {
    return fields[k * 5 + 2];
  }

  int valueEnd(int k) {
    return fields[k * 5 + 3];
  }

  private int hashAt(int k) {
    return fields[k * 5 + 4];
  }

  /**
   * Adds a field. {@code hash} covers the raw name bytes between the quotes; {@code escaped} says
   * whether they hold a backslash, in which case the name is decoded and hashed again here.
   */
  void add(byte[] buf, int nameStart, int nameEnd, int hash, boolean escaped, int vs, int ve) {
    byte[] dec = null;
    if (escaped) {
      dec = JsonValues.unescape(buf, nameStart + 1, nameEnd - 1).getBytes(StandardCharsets.UTF_8);
      hash = hash(dec, 0, dec.length);
    }
    long bit = 1L << hash;
    for (int k = (seen & bit) == 0 ? size : 0; k < size; k++) {
      if (hashAt(k) == hash && sameName(buf, k, dec, nameStart, nameEnd)) {
        repeated = true;
        fields[k * 5 + 2] = vs; // a repeated name: the last value wins, the first position stays
        fields[k * 5 + 3] = ve;
        return;
      }
    }
    int r = size * 5;
    if (r == fields.length) {
      fields = Arrays.copyOf(fields, Math.max(8, size * 2) * 5);
    }
    if (dec != null) {
      int cap = fields.length / 5;
      if (decoded == null) {
        decoded = new byte[cap][];
      } else if (decoded.length < cap) {
        decoded = Arrays.copyOf(decoded, cap);
      }
      decoded[size] = dec;
    }
    seen |= bit;
    int[] f = fields;
    f[r] = nameStart;
    f[r + 1] = nameEnd;
    f[r + 2] = vs;
    f[r + 3] = ve;
    f[r + 4] = hash;
    size++;
  }

  private boolean sameName(byte[] buf, int k, byte[] dec, int nameStart, int nameEnd) {
    if (dec != null) {
      return matches(buf, k, dec);
    }
    byte[] other = decodedName(k);
    if (other != null) {
      return Arrays.equals(other, 0, other.length, buf, nameStart + 1, nameEnd - 1);
    }
    return Arrays.equals(buf, nameStart(k) + 1, nameEnd(k) - 1, buf, nameStart + 1, nameEnd - 1);
  }

  private byte[] decodedName(int k) {
    return decoded == null || k >= decoded.length ? null : decoded[k];
  }

  private boolean matches(byte[] buf, int k, byte[] utf8) {
    byte[] dec = decodedName(k);
    if (dec != null) {
      return Arrays.equals(dec, utf8);
    }
    int s = nameStart(k) + 1;
    int n = utf8.length;
    if (nameEnd(k) - 1 - s != n) {
      return false;
    }
    for (int i = 0; i < n; i++) { // names are short: a plain loop beats a vectorized compare
      if (buf[s + i] != utf8[i]) {
        return false;
      }
    }
    return true;
  }

  /** The position of the field whose name has these UTF-8 bytes, or -1. */
  int find(byte[] buf, byte[] utf8, int hash) {
    int[] f = fields;
    for (int k = 0; k < size; k++) {
      if (f[k * 5 + 4] == hash && matches(buf, k, utf8)) {
        return k;
      }
    }
    return -1;
  }

  /** The decoded name of field {@code k}. */
  String name(byte[] buf, int k) {
    byte[] dec = decodedName(k);
    if (dec != null) {
      return new String(dec, StandardCharsets.UTF_8);
    }
    int s = nameStart(k) + 1;
    return new String(buf, s, nameEnd(k) - 1 - s, StandardCharsets.UTF_8);
  }
}
