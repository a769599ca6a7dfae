package dev.flow.connectors.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * The webhook's metrics under {@code stage=<name>}: requests accepted, records accepted, requests
 * refused (in total and by status, e.g. {@code refused503}), and the records held in its queue.
 * Counted from the server's threads, so the counters are thread-safe.
 */
final class WebhookMetrics {
  private final MetricGroup group;
  private final Counter requests;
  private final Counter records;
  private final Counter refused;
  private final Map<Integer, Counter> byStatus = new ConcurrentHashMap<>();

  WebhookMetrics(MetricGroup operatorGroup, String stageName, Inbox inbox) {
    this.group = operatorGroup.addGroup("stage", stageName);
    this.requests = group.counter("requestsAccepted", new ThreadSafeSimpleCounter());
    this.records = group.counter("recordsAccepted", new ThreadSafeSimpleCounter());
    this.refused = group.counter("requestsRefused", new ThreadSafeSimpleCounter());
    group.gauge("queued", (Gauge<Integer>) inbox::held);
  }

  void accepted(int recordCount) {
    requests.inc();
    records.inc(recordCount);
  }

  void refused(int status) {
    refused.inc();
    byStatus
        .computeIfAbsent(status, s -> group.counter("refused" + s, new ThreadSafeSimpleCounter()))
        .inc();
  }
}
