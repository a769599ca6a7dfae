package dev.flow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Throughput of one remap-and-filter pipeline over synthetic JSON events: the Jackson tree model,
 * the same logic through {@link FlowRecord}, and plain byte copying as the floor. Not a test: run
 * it as a main, e.g. {@code java -cp ... dev.flow.record.RecordBench [events] [rounds]}.
 *
 * <p>The pipeline: rename {@code type} to {@code event_type}, drop {@code debug}, add {@code total
 * = amount * qty}, keep events with {@code amount >= 20}, and write the kept ones as bytes.
 */
public final class RecordBench {
  private static final FieldPath TYPE = FieldPath.parse("type");
  private static final FieldPath EVENT_TYPE = FieldPath.parse("event_type");
  private static final FieldPath DEBUG = FieldPath.parse("debug");
  private static final FieldPath AMOUNT = FieldPath.parse("amount");
  private static final FieldPath QTY = FieldPath.parse("qty");
  private static final FieldPath TOTAL = FieldPath.parse("total");

  private static final int CHUNK = 50_000;

  private static long sink;

  private RecordBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    byte[][] events = events(n);
    long total = 0;
    for (byte[] e : events) {
      total += e.length;
    }
    System.out.printf("%d events, %.0f bytes each on average%n", n, (double) total / n);
    checkSameOutput(events);

    Map<String, Variant> variants = new LinkedHashMap<>();
    variants.put("jackson tree", RecordBench::tree);
    variants.put("FlowRecord.parseJson", e -> flow(FlowRecord.parseJson(e)));
    variants.put("FlowRecord.ofJsonBytes", e -> flow(FlowRecord.ofJsonBytes(e)));
    variants.put("FlowRecord.parseJson + copy()", e -> flow(FlowRecord.parseJson(e).copy()));
    variants.put("copy bytes (floor)", e -> Arrays.copyOf(e, e.length).length);
    if (args.length > 2) { // a subset, for profiling: names containing any of these words
      List<String> only = List.of(args[2].split(","));
      variants.keySet().removeIf(k -> only.stream().noneMatch(k::contains));
      variants.putIfAbsent("jackson tree", RecordBench::tree);
    }
    // Variants alternate every CHUNK events, so load changes on a shared machine hit all alike;
    // thread CPU time is reported beside wall time, as it is steadier when cores are contended.
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> cpuRates = new LinkedHashMap<>();
    Map<String, List<Double>> wallRates = new LinkedHashMap<>();
    for (int r = 0; r <= rounds; r++) {
      Map<String, long[]> spent = new LinkedHashMap<>();
      for (int from = 0; from < n; from += CHUNK) {
        int to = Math.min(n, from + CHUNK);
        for (Map.Entry<String, Variant> v : variants.entrySet()) {
          Variant run = v.getValue();
          long c0 = mx.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          long s = 0;
          for (int i = from; i < to; i++) {
            s += run.run(events[i]);
          }
          long t1 = System.nanoTime();
          long c1 = mx.getCurrentThreadCpuTime();
          sink += s;
          long[] acc = spent.computeIfAbsent(v.getKey(), k -> new long[2]);
          acc[0] += c1 - c0;
          acc[1] += t1 - t0;
        }
      }
      for (Map.Entry<String, long[]> e : spent.entrySet()) {
        double cpu = n / (e.getValue()[0] / 1e9);
        double wall = n / (e.getValue()[1] / 1e9);
        System.out.printf(
            "round %d  %-32s %,12.0f records/s cpu %,12.0f wall%n", r, e.getKey(), cpu, wall);
        if (r > 0) { // round 0 warms up
          cpuRates.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(cpu);
          wallRates.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(wall);
        }
      }
    }
    double base = median(cpuRates.get("jackson tree"));
    double wallBase = median(wallRates.get("jackson tree"));
    System.out.println();
    System.out.printf(
        "%-32s %14s %8s %14s %8s%n",
        "variant (median)", "rec/s (cpu)", "x tree", "rec/s (wall)", "x tree");
    for (String k : cpuRates.keySet()) {
      double m = median(cpuRates.get(k));
      double w = median(wallRates.get(k));
      System.out.printf("%-32s %,14.0f %8.2f %,14.0f %8.2f%n", k, m, m / base, w, w / wallBase);
    }
    System.out.println("(checksum " + sink + ")");
  }

  /** One pipeline run over one event; returns the output length, or 0 when filtered out. */
  private interface Variant {
    int run(byte[] event) throws Exception;
  }

  private static int tree(byte[] e) throws Exception {
    ObjectNode n = (ObjectNode) Json.MAPPER.readTree(e);
    JsonNode type = n.remove("type");
    if (type != null) {
      n.set("event_type", type);
    }
    n.remove("debug");
    double amount = n.get("amount").doubleValue();
    n.set("total", DoubleNode.valueOf(amount * n.get("qty").intValue()));
    if (amount < 20) {
      return 0;
    }
    return Json.MAPPER.writeValueAsBytes(n).length;
  }

  private static int flow(FlowRecord r) {
    r.rename(TYPE, EVENT_TYPE);
    r.remove(DEBUG);
    double amount = r.get(AMOUNT).doubleValue();
    r.set(TOTAL, DoubleNode.valueOf(amount * r.get(QTY).intValue()));
    if (amount < 20) {
      return 0;
    }
    return r.toJsonBytes().length;
  }

  private static void checkSameOutput(byte[][] events) throws Exception {
    for (int i = 0; i < 1000; i++) {
      ObjectNode a = (ObjectNode) Json.MAPPER.readTree(events[i]);
      FlowRecord r = FlowRecord.parseJson(events[i]);
      flow(r);
      tree(events[i]);
      JsonNode type = a.remove("type");
      a.set("event_type", type);
      a.remove("debug");
      a.set("total", DoubleNode.valueOf(a.get("amount").doubleValue() * a.get("qty").intValue()));
      byte[] mine = r.toJsonBytes();
      if (!Json.MAPPER.readTree(mine).equals(a)
          || !new String(mine, StandardCharsets.UTF_8)
              .equals(new String(Json.MAPPER.writeValueAsBytes(a), StandardCharsets.UTF_8))) {
        throw new AssertionError("outputs differ: " + new String(mine, StandardCharsets.UTF_8));
      }
    }
  }

  static byte[][] events(int n) {
    Random rnd = new Random(42);
    String[] types = {"purchase", "view", "click", "refund"};
    String[] countries = {"DE", "FR", "US", "JP", "BR"};
    byte[][] out = new byte[n][];
    StringBuilder b = new StringBuilder(400);
    for (int i = 0; i < n; i++) {
      b.setLength(0);
      b.append("{\"event_id\":\"e-").append(100000 + i).append('"');
      b.append(",\"ts\":").append(1732350000000L + i * 17L);
      b.append(",\"type\":\"").append(types[rnd.nextInt(types.length)]).append('"');
      b.append(",\"user\":{\"id\":").append(rnd.nextInt(1_000_000));
      b.append(",\"name\":\"user ").append(rnd.nextInt(100000)).append('"');
      b.append(",\"country\":\"").append(countries[rnd.nextInt(countries.length)]).append('"');
      b.append(",\"tier\":\"gold\"}");
      b.append(",\"amount\":").append(rnd.nextInt(10000) / 100.0);
      b.append(",\"qty\":").append(1 + rnd.nextInt(5));
      b.append(",\"items\":[{\"sku\":\"A-").append(rnd.nextInt(1000)).append("\",\"price\":10.5}");
      b.append(",{\"sku\":\"B-").append(rnd.nextInt(1000)).append("\",\"price\":3}]");
      b.append(",\"debug\":\"trace-").append(Long.toHexString(rnd.nextLong())).append('"');
      b.append(",\"tags\":[\"new\",\"mobile\"],\"source\":\"web\",\"session\":\"s-");
      b.append(Long.toHexString(rnd.nextLong())).append("\"}");
      out[i] = b.toString().getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
