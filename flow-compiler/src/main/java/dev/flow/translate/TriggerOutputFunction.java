package dev.flow.translate;

import dev.flow.record.FlowRecord;
import dev.flow.record.InvalidRecordException;
import dev.flow.spi.ErrorPolicy;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.RunIds;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Runs right after a trigger's source, chained to it: gives each record a run id and trigger time
 * when the trigger did not, checks that its payload is a JSON object (sending it to the error stage
 * with its raw bytes when not), keeps the original bytes under the ORIGINAL_RECORD policy, and
 * counts the trigger's records in and out (the stage context counts the error records).
 */
final class TriggerOutputFunction extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final String stageName;
  private final ErrorRecordFactory errors;
  private final OutputTag<FlowRecord> errorTag;
  private final RunIds runIds = new RunIds();

  private transient StageMetrics metrics;

  TriggerOutputFunction(
      String stageName, ErrorRecordFactory errors, OutputTag<FlowRecord> errorTag) {
    this.stageName = stageName;
    this.errors = errors;
    this.errorTag = errorTag;
  }

  @Override
  public void open(OpenContext openContext) {
    metrics = new StageMetrics(getRuntimeContext().getMetricGroup(), stageName);
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
    metrics.in.inc();
    if (!r.hasRunId()) {
      runIds.assign(r);
    }
    if (r.triggerTime() == 0L) {
      r.triggerTime(System.currentTimeMillis());
    }
    boolean keepOriginal = errors.policy() == ErrorPolicy.ORIGINAL_RECORD;
    if (r.isUnparsed()) {
      byte[] raw = r.toJsonBytes();
      try {
        r.validate();
      } catch (InvalidRecordException e) {
        byte[] bad = r.original() != null ? r.original() : raw;
        ctx.output(
            errorTag, errors.createRaw(bad, r.runId(), r.triggerTime(), e.getMessage(), r.meta()));
        return;
      }
      if (keepOriginal && r.original() == null) {
        r.original(raw);
      }
    } else if (keepOriginal && r.original() == null) {
      r.original(r.toJsonBytes());
    }
    metrics.out.inc();
    out.collect(r);
  }
}
