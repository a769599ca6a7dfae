package dev.flow.spi;

import org.apache.flink.metrics.MetricGroup;

/** What a {@link RecordProcessor} may use at run time. */
public interface ProcessorContext {

  String flowName();

  String stageName();

  /** The metric group of this stage; the framework already counts records in, out and errors. */
  MetricGroup metrics();

  int subtaskIndex();

  int parallelism();
}
