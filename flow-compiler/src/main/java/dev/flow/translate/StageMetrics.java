package dev.flow.translate;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The per-stage counters, registered under {@code stage=<name>} so that every metric reporter,
 * Prometheus included, speaks the stage's name: records in, out, filtered, errors, and the
 * processing latency in microseconds (sampled).
 */
final class StageMetrics {
  static final String GROUP = "stage";

  final MetricGroup group;
  final Counter in;
  final Counter out;
  final Counter filtered;
  final Counter errors;
  final Histogram latencyMicros;

  StageMetrics(MetricGroup operatorGroup, String stageName) {
    this.group = operatorGroup.addGroup(GROUP, stageName);
    this.in = group.counter("recordsIn");
    this.out = group.counter("recordsOut");
    this.filtered = group.counter("recordsFiltered");
    this.errors = group.counter("errors");
    this.latencyMicros = group.histogram("latencyMicros", new DescriptiveStatisticsHistogram(1024));
  }
}
