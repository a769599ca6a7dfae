package dev.flow.translate;

import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorRecordFactory;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Runs right after a trigger's source, chained to it, the {@link TriggerCheck} of a trigger whose
 * records do not go on into a run of record stages; the stage context counts the error records it
 * sends to {@code errorTag}.
 */
final class TriggerOutputFunction extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final TriggerCheck check;
  private final OutputTag<FlowRecord> errorTag;

  TriggerOutputFunction(
      String stageName, ErrorRecordFactory errors, OutputTag<FlowRecord> errorTag) {
    this.check = new TriggerCheck(stageName, errors, false);
    this.errorTag = errorTag;
  }

  @Override
  public void open(OpenContext openContext) {
    check.open(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
    FlowRecord checked = check.check(r, ctx, errorTag);
    if (checked != null) {
      out.collect(checked);
    }
  }
}
