package dev.flow.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The synthetic events every scenario reads: about 300-byte JSON objects with nested fields,
 * generated from a fixed seed so that every variant and every run sees the same bytes.
 */
public final class Events {
  /** Distinct customers, the key of the keyed scenario. */
  public static final int CUSTOMERS = 1000;

  private static final String[] TYPES = {"purchase", "refund", "view", "cart"};
  private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "NL", "PL", "ES", "IT"};
  private static final String[] TIERS = {"gold", "silver", "bronze"};
  private static final String[] OS = {"android", "ios", "web"};

  private static volatile byte[][] bytes = new byte[0][];
  private static volatile String[] strings;

  private Events() {}

  /** Makes {@code n} events available through {@link #bytes(long)}; a no-op when already there. */
  public static synchronized void prepare(int n) {
    if (bytes.length == n) {
      return;
    }
    byte[][] b = new byte[n][];
    SplittableRandom rnd = new SplittableRandom(42);
    for (int i = 0; i < n; i++) {
      b[i] = event(i, rnd).getBytes(StandardCharsets.UTF_8);
    }
    bytes = b;
    strings = null;
  }

  /** How many events are prepared. */
  public static int count() {
    return bytes.length;
  }

  /** Event {@code i} as UTF-8 JSON bytes (shared; never change them). */
  public static byte[] bytes(long i) {
    return bytes[(int) i];
  }

  /** Event {@code i} as a string, built once on first use (for the SQL variant). */
  public static String string(long i) {
    String[] s = strings;
    if (s == null) {
      s = stringsOnce();
    }
    return s[(int) i];
  }

  private static synchronized String[] stringsOnce() {
    if (strings == null) {
      byte[][] b = bytes;
      String[] s = new String[b.length];
      for (int i = 0; i < b.length; i++) {
        s[i] = new String(b[i], StandardCharsets.UTF_8);
      }
      strings = s;
    }
    return strings;
  }

  /** The average size of the prepared events in bytes. */
  public static double averageSize() {
    long total = 0;
    for (byte[] b : bytes) {
      total += b.length;
    }
    return bytes.length == 0 ? 0 : (double) total / bytes.length;
  }

  static String event(int i, SplittableRandom rnd) {
    int customer = rnd.nextInt(CUSTOMERS);
    StringBuilder s = new StringBuilder(360);
    s.append("{\"id\":\"evt-").append(i).append('"');
    s.append(",\"ts\":").append(1_763_800_000_000L + i * 7L);
    s.append(",\"type\":\"").append(TYPES[rnd.nextInt(TYPES.length)]).append('"');
    s.append(",\"user\":{\"id\":\"u-").append(customer).append('"');
    s.append(",\"country\":\"").append(COUNTRIES[customer % COUNTRIES.length]).append('"');
    s.append(",\"tier\":\"").append(TIERS[customer % TIERS.length]).append('"');
    s.append(",\"email\":\"user").append(customer).append("@example.com\"}");
    // Two decimals, 0.00 to 99.99: the filter keeps about half.
    s.append(",\"amount\":").append(rnd.nextInt(10_000) / 100.0);
    s.append(",\"currency\":\"EUR\"");
    s.append(",\"items\":[");
    int items = 1 + rnd.nextInt(2);
    for (int k = 0; k < items; k++) {
      if (k > 0) {
        s.append(',');
      }
      s.append("{\"sku\":\"SKU-").append(rnd.nextInt(5000)).append('"');
      s.append(",\"qty\":").append(1 + rnd.nextInt(4)).append('}');
    }
    s.append(']');
    s.append(",\"device\":{\"os\":\"").append(OS[rnd.nextInt(OS.length)]).append('"');
    s.append(",\"version\":\"").append(10 + rnd.nextInt(8)).append('.').append(rnd.nextInt(10));
    s.append("\"}");
    s.append(",\"debug\":\"trace=").append(Long.toHexString(rnd.nextLong())).append('"');
    s.append('}');
    return s.toString();
  }
}
