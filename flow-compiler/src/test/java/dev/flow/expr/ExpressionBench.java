package dev.flow.expr;

import dev.flow.record.FlowRecord;
import java.nio.charset.StandardCharsets;

/**
 * A micro-benchmark of expression evaluation on 1M records of about 300 bytes; run by hand with
 * {@code java -cp ... dev.flow.expr.ExpressionBench}, not as a test.
 */
public final class ExpressionBench {
  private static final int N = 1_000_000;

  /** Distinct records; evaluations cycle through them so the heap stays small. */
  private static final int DISTINCT = 50_000;

  private ExpressionBench() {}

  public static void main(String[] args) throws Exception {
    byte[][] raw = new byte[DISTINCT][];
    long bytes = 0;
    for (int i = 0; i < DISTINCT; i++) {
      String json =
          "{\"id\":\"order-"
              + (100000 + i)
              + "\",\"amount\":"
              + (i % 250)
              + ".5,\"country\":\""
              + (i % 3 == 0 ? "DE" : "FR")
              + "\",\"qty\":"
              + (1 + i % 7)
              + ",\"price\":"
              + (i % 90)
              + ".25,\"customer\":{\"name\":\"Customer "
              + i
              + "\",\"email\":\"c"
              + i
              + "@example.com\",\"address\":{\"street\":\"Main Street 1\",\"city\":\"Berlin\","
              + "\"zip\":\"10115\"}},\"tags\":[\"new\",\"web\",\"promo\"],\"created\":"
              + "\"2024-05-01T12:00:00Z\",\"channel\":\"web\",\"note\":\"deliver after 6pm\"}";
      raw[i] = json.getBytes(StandardCharsets.UTF_8);
      bytes += raw[i].length;
    }
    System.out.printf(
        "%d evaluations over %d distinct records of %d bytes on average%n",
        N, DISTINCT, bytes / DISTINCT);
    Condition filter = Condition.compile("amount > 100 && country == \"DE\"");
    Expression computed = Expression.compile("price * double(qty)");
    FlowRecord[] parsed = new FlowRecord[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      parsed[i] = FlowRecord.parseJson(raw[i]);
    }
    for (int round = 1; round <= 5; round++) {
      long t0 = System.nanoTime();
      int matched = 0;
      for (int i = 0; i < N; i++) {
        if (filter.test(parsed[i % DISTINCT])) {
          matched++;
        }
      }
      long t1 = System.nanoTime();
      double sum = 0;
      for (int i = 0; i < N; i++) {
        sum += computed.evaluateJson(parsed[i % DISTINCT]).doubleValue();
      }
      long t2 = System.nanoTime();
      int matchedRaw = 0;
      for (int i = 0; i < N; i++) {
        if (filter.test(FlowRecord.ofJsonBytes(raw[i % DISTINCT]))) {
          matchedRaw++;
        }
      }
      long t3 = System.nanoTime();
      // Plain Java on the same trees, as a yardstick for this machine's current speed.
      int matchedJava = 0;
      for (int i = 0; i < N; i++) {
        FlowRecord r = parsed[i % DISTINCT];
        if (r.get("amount").doubleValue() > 100 && "DE".equals(r.get("country").textValue())) {
          matchedJava++;
        }
      }
      long t4 = System.nanoTime();
      int matchedCel = 0;
      for (int i = 0; i < N; i++) {
        if (filter.testWithCel(parsed[i % DISTINCT], java.util.Map.of())) {
          matchedCel++;
        }
      }
      long t5 = System.nanoTime();
      System.out.printf(
          "round %d: filter %.0f/s (matched %d), computed %.0f/s (sum %.1f),"
              + " filter incl. JSON parse %.0f/s (matched %d), plain Java filter %.0f/s (%d),"
              + " filter by CEL alone %.0f/s (%d)%n",
          round,
          N * 1e9 / (t1 - t0),
          matched,
          N * 1e9 / (t2 - t1),
          sum,
          N * 1e9 / (t3 - t2),
          matchedRaw,
          N * 1e9 / (t4 - t3),
          matchedJava,
          N * 1e9 / (t5 - t4),
          matchedCel);
    }
  }
}
