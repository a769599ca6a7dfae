package dev.flow.connectors.http;

import dev.flow.record.FlowRecord;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Follows an async I/O operator, which cannot write to a side output: records it marked as failed
 * go to the error stage, the rest on. The framework counts both where the stage adds them.
 */
final class ErrorRouter extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  /** The meta field that marks an error record made by the async operator. */
  static final String MARK = "__flowFailed";

  private final OutputTag<FlowRecord> errorTag;

  ErrorRouter(OutputTag<FlowRecord> errorTag) {
    this.errorTag = errorTag;
  }

  /** Marks {@code errorRecord} for the router. */
  static FlowRecord mark(FlowRecord errorRecord) {
    errorRecord.metaForWrite().put(MARK, true);
    return errorRecord;
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> collector) {
    if (r.meta() != null && r.meta().remove(MARK) != null) {
      ctx.output(errorTag, r);
    } else {
      collector.collect(r);
    }
  }
}
