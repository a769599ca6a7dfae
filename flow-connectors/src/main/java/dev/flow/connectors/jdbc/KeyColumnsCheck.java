package dev.flow.connectors.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorRecordFactory;
import java.util.List;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Sends records without a value for every key column to the error stage, before the sink. */
final class KeyColumnsCheck extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final List<FieldPath> keys;
  private final ErrorRecordFactory errors;
  private final OutputTag<FlowRecord> errorTag;

  KeyColumnsCheck(List<FieldPath> keys, ErrorRecordFactory errors, OutputTag<FlowRecord> errorTag) {
    this.keys = keys;
    this.errors = errors;
    this.errorTag = errorTag;
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
    for (FieldPath k : keys) {
      JsonNode v = r.get(k);
      if (v == null || v.isNull()) {
        ctx.output(errorTag, errors.create(r, "the key field '" + k + "' is missing"));
        return;
      }
    }
    out.collect(r);
  }
}
