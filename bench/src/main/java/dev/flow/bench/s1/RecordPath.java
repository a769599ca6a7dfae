package dev.flow.bench.s1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.bench.Events;
import dev.flow.record.FlowRecord;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.RunIds;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;

/**
 * S1's record path on one thread, without Flink: what the trigger check, the real {@code Remap
 * Fields} and {@code Filter} processors of bench/flows/s1-remap-filter.yaml and the publisher's
 * serialization cost per event, beside the plain Jackson loop. Variants alternate in chunks of
 * 50,000 events and the figure is the median thread CPU time per event, which holds up better than
 * wall time when other jobs share the cores.
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * dev.flow.bench.s1.RecordPath [events] [rounds]}.
 */
public final class RecordPath {
  private static final int CHUNK = 50_000;
  private static long sink;

  private RecordPath() {}

  /** One variant run over one event: the output length, or 0 when filtered out. */
  private interface Step {
    int run(byte[] event) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Events.prepare(n);
    String dir = System.getProperty("bench.dir", "bench");
    ValidatedFlow flow = FlowVariant.validated(dir + "/flows/s1-remap-filter.yaml");
    RecordProcessor remap = processor(flow.stage("remap"));
    RecordProcessor filter = processor(flow.stage("filter"));
    RunIds ids = new RunIds();
    Last last = new Last();
    Collector<FlowRecord> toFilter =
        new Collector<>() {
          @Override
          public void collect(FlowRecord r) {
            try {
              filter.process(r, last);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public void close() {}
        };
    Step flowPath =
        e -> {
          FlowRecord r = FlowRecord.ofJsonBytes(e);
          ids.assign(r);
          r.triggerTime(System.currentTimeMillis());
          r.validate();
          last.out = null;
          remap.process(r, toFilter);
          return last.out == null ? 0 : last.out.toJsonBytes().length;
        };
    Step loop =
        e -> {
          ObjectNode tree = (ObjectNode) RemapFilter.MAPPER.readTree(e);
          RemapFilter.remap(tree);
          return RemapFilter.keep(tree) ? RemapFilter.MAPPER.writeValueAsBytes(tree).length : 0;
        };
    Step validate =
        e -> {
          FlowRecord r = FlowRecord.ofJsonBytes(e);
          r.validate();
          return 1;
        };
    check(n, remap, toFilter, last, ids);

    Map<String, Step> steps = new LinkedHashMap<>();
    steps.put("jackson loop", loop);
    steps.put("flow record path", flowPath);
    steps.put("trigger check only", validate);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> perEvent = new LinkedHashMap<>();
    for (int r = 0; r <= rounds; r++) {
      Map<String, Long> spent = new LinkedHashMap<>();
      for (int from = 0; from < n; from += CHUNK) {
        int to = Math.min(n, from + CHUNK);
        for (Map.Entry<String, Step> s : steps.entrySet()) {
          Step step = s.getValue();
          long c0 = mx.getCurrentThreadCpuTime();
          long acc = 0;
          for (int i = from; i < to; i++) {
            acc += step.run(Events.bytes(i));
          }
          long c1 = mx.getCurrentThreadCpuTime();
          sink += acc;
          spent.merge(s.getKey(), c1 - c0, Long::sum);
        }
      }
      StringBuilder line = new StringBuilder("round " + r);
      for (Map.Entry<String, Long> e : spent.entrySet()) {
        double us = e.getValue() / 1e3 / n;
        line.append(String.format("  %s %.3f µs", e.getKey(), us));
        if (r > 0) { // round 0 warms up
          perEvent.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(us);
        }
      }
      System.out.println(line);
    }
    double base = median(perEvent.get("jackson loop"));
    for (Map.Entry<String, List<Double>> e : perEvent.entrySet()) {
      double m = median(e.getValue());
      System.out.printf(
          "%-22s %.3f µs per event (median thread CPU), loop/this %.2f%n", e.getKey(), m, base / m);
    }
    System.out.println("(checksum " + sink + ")");
  }

  /** Fails unless the flow path writes exactly the loop's bytes for every kept event. */
  private static void check(
      int n, RecordProcessor remap, Collector<FlowRecord> toFilter, Last last, RunIds ids)
      throws Exception {
    int kept = 0;
    for (int i = 0; i < n; i++) {
      ObjectNode tree = (ObjectNode) RemapFilter.MAPPER.readTree(Events.bytes(i));
      RemapFilter.remap(tree);
      byte[] want = RemapFilter.keep(tree) ? RemapFilter.MAPPER.writeValueAsBytes(tree) : null;
      FlowRecord r = FlowRecord.ofJsonBytes(Events.bytes(i));
      ids.assign(r);
      r.validate();
      last.out = null;
      remap.process(r, toFilter);
      byte[] got = last.out == null ? null : last.out.toJsonBytes();
      if (!Arrays.equals(want, got)) {
        throw new AssertionError(
            "event " + i + ": the flow wrote " + (got == null ? "nothing" : new String(got)));
      }
      kept += got == null ? 0 : 1;
    }
    System.out.printf("%,d events, %,d kept, the same bytes as the loop%n", n, kept);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RecordProcessor processor(ResolvedStage s) throws Exception {
    RecordProcessor p = ((RecordTransformFactory) s.factory()).createProcessor(s.options(), null);
    p.open(null);
    return p;
  }

  private static final class Last implements Collector<FlowRecord> {
    FlowRecord out;

    @Override
    public void collect(FlowRecord r) {
      out = r;
    }

    @Override
    public void close() {}
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
