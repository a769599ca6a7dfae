package dev.flow.job.local;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter for local runs that keeps the per-stage counters in memory, so the
 * command line can show live progress. It sees exactly what Prometheus or any other reporter sees.
 */
public final class ProgressReporter implements MetricReporter {

  private static final Map<String, Map<String, CopyOnWriteArrayList<Counter>>> COUNTERS =
      new ConcurrentHashMap<>();

  /** The config entries that register this reporter on a local Flink. */
  public static Map<String, String> configuration() {
    return Map.of(
        "metrics.reporter.flowprogress.factory.class",
        Factory.class.getName(),
        "metrics.reporter.flowprogress.interval",
        "1 s");
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    String stage = group.getAllVariables().get("<stage>");
    if (stage != null && metric instanceof Counter c) {
      COUNTERS
          .computeIfAbsent(stage, k -> new ConcurrentHashMap<>())
          .computeIfAbsent(metricName, k -> new CopyOnWriteArrayList<>())
          .add(c);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    // Counters stay so that the final summary still shows them after the job ends.
  }

  /** Stage → counter name → the sum over all parallel instances. */
  public static Map<String, Map<String, Long>> snapshot() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    COUNTERS.forEach(
        (stage, byName) -> {
          Map<String, Long> sums = new TreeMap<>();
          byName.forEach(
              (name, list) -> sums.put(name, list.stream().mapToLong(Counter::getCount).sum()));
          out.put(stage, sums);
        });
    return out;
  }

  /** Forgets all counters, before a new run in the same process. */
  public static void reset() {
    COUNTERS.clear();
  }

  /** Creates the reporter; named in the Flink configuration. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new ProgressReporter();
    }
  }
}
