package dev.flow.connectors.counts;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A metric reporter that keeps every counter registered under a stage, as any reporter of a
 * deployment sees it, and sums them over operators and parallel instances.
 */
public final class StageCounters implements MetricReporter {
  private static final Map<String, Map<String, CopyOnWriteArrayList<Counter>>> COUNTERS =
      new ConcurrentHashMap<>();

  /** The configuration that registers this reporter on a MiniCluster. */
  public static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.setString("metrics.reporter.stagecounts.factory.class", Factory.class.getName());
    conf.setString("metrics.reporter.stagecounts.interval", "1 s");
    return conf;
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    String stage = group.getAllVariables().get("<stage>");
    if (stage != null && metric instanceof Counter c) {
      COUNTERS
          .computeIfAbsent(stage, k -> new ConcurrentHashMap<>())
          .computeIfAbsent(name, k -> new CopyOnWriteArrayList<>())
          .add(c);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {}

  /** The sum of counter {@code name} of {@code stage}. */
  public static long get(String stage, String name) {
    var byName = COUNTERS.get(stage);
    var list = byName == null ? null : byName.get(name);
    return list == null ? 0 : list.stream().mapToLong(Counter::getCount).sum();
  }

  /** The four record counters of {@code stage}: in, out, filtered, errors. */
  public static Counts of(String stage) {
    return new Counts(
        get(stage, "recordsIn"),
        get(stage, "recordsOut"),
        get(stage, "recordsFiltered"),
        get(stage, "errors"));
  }

  /** Every stage's counters. */
  public static Map<String, Counts> all() {
    Map<String, Counts> out = new TreeMap<>();
    COUNTERS.keySet().forEach(s -> out.put(s, of(s)));
    return out;
  }

  public static void reset() {
    COUNTERS.clear();
  }

  /** A stage's record counters. */
  public record Counts(long in, long out, long filtered, long errors) {
    @Override
    public String toString() {
      return "in " + in + " out " + out + " filtered " + filtered + " errors " + errors;
    }
  }

  /** Creates the reporter; named in the configuration. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new StageCounters();
    }
  }
}
