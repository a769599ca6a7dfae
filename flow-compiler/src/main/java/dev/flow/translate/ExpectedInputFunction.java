package dev.flow.translate;

import dev.flow.jsonschema.CompiledSchema;
import dev.flow.jsonschema.ExpectedInput.OnMismatch;
import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorRecordFactory;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a stage's input against its {@code expectedInput} schema: a mismatch is counted in the
 * stage's {@code inputMismatches} metric and logged (at most one sample per interval), then the
 * record goes on, or to the error stage when the stage rejects mismatches.
 */
final class ExpectedInputFunction extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ExpectedInputFunction.class);
  static final long LOG_INTERVAL_MS = 10_000;

  private final String flowName;
  private final String stageName;
  private final CompiledSchema schema;
  private final OnMismatch onMismatch;
  private final ErrorRecordFactory errors;
  private final OutputTag<FlowRecord> errorTag;
  private transient Counter mismatches;
  private transient long lastLog;
  private transient long suppressed;

  ExpectedInputFunction(
      String flowName,
      String stageName,
      CompiledSchema schema,
      OnMismatch onMismatch,
      ErrorRecordFactory errors,
      OutputTag<FlowRecord> errorTag) {
    this.flowName = flowName;
    this.stageName = stageName;
    this.schema = schema;
    this.onMismatch = onMismatch;
    this.errors = errors;
    this.errorTag = errorTag;
  }

  @Override
  public void open(OpenContext openContext) {
    mismatches =
        getRuntimeContext()
            .getMetricGroup()
            .addGroup(StageMetrics.GROUP, stageName)
            .counter("inputMismatches");
    lastLog = Long.MIN_VALUE;
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
    List<String> problems = schema.check(r.asObjectNode());
    if (problems.isEmpty()) {
      out.collect(r);
      return;
    }
    mismatches.inc();
    String message = "record does not match the expected input: " + String.join("; ", problems);
    long now = System.currentTimeMillis();
    if (lastLog == Long.MIN_VALUE || now - lastLog >= LOG_INTERVAL_MS) {
      LOG.warn(
          "flow '{}' stage '{}': {} ({} more mismatches since the last sample)",
          flowName,
          stageName,
          message,
          suppressed);
      lastLog = now;
      suppressed = 0;
    } else {
      suppressed++;
    }
    if (onMismatch == OnMismatch.REJECT) {
      ctx.output(errorTag, errors.create(r, message));
    } else {
      out.collect(r);
    }
  }
}
