package dev.flow.connectors.jdbc;

import dev.flow.record.FlowRecord;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Sends the error records the poll source marked (rows that could not become JSON) aside. */
final class PollErrorRouter extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  /** The meta field that marks an error record made by the source. */
  static final String MARK = "__flowPollFailed";

  private final OutputTag<FlowRecord> errorTag;

  PollErrorRouter(OutputTag<FlowRecord> errorTag) {
    this.errorTag = errorTag;
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
    if (r.meta() != null && r.meta().remove(MARK) != null) {
      ctx.output(errorTag, r);
    } else {
      out.collect(r);
    }
  }
}
