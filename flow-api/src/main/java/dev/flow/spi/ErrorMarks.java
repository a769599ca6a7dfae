package dev.flow.spi;

import dev.flow.record.FlowRecord;
import java.util.List;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Error records from an operator that cannot write to a side output, such as an async function or a
 * source: it marks each error record and emits it with its other records, and {@link
 * StageContext#routeMarkedErrors} sends the marked ones to the error stage.
 */
public final class ErrorMarks {
  private ErrorMarks() {}

  /** The meta field that marks an error record. */
  static final String MARK = "__flowFailed";

  /** Marks {@code errorRecord} (made with {@link ErrorRecordFactory}) for the error stage. */
  public static FlowRecord mark(FlowRecord errorRecord) {
    errorRecord.metaForWrite().put(MARK, true);
    return errorRecord;
  }

  /**
   * Completes an async function's {@code result} with {@code errorRecord} (made with {@link
   * ErrorRecordFactory}) alone, marked for the error stage.
   */
  public static void completeWithError(ResultFuture<FlowRecord> result, FlowRecord errorRecord) {
    result.complete(List.of(mark(errorRecord)));
  }

  /** True when {@code r} is a marked error record. */
  public static boolean isMarked(FlowRecord r) {
    return r.builtMeta() != null && r.builtMeta().has(MARK);
  }

  /**
   * Takes the mark off {@code r}, leaving its metadata as it was before {@link #mark} (no metadata
   * when the mark was all it held).
   */
  public static void unmark(FlowRecord r) {
    if (r.builtMeta() != null && r.builtMeta().remove(MARK) != null && r.builtMeta().isEmpty()) {
      r.meta(null);
    }
  }

  /** Sends the records {@link #mark} marked to {@code errorTag}, without the mark; the rest on. */
  static final class Router extends ProcessFunction<FlowRecord, FlowRecord> {
    private static final long serialVersionUID = 1L;
    private final OutputTag<FlowRecord> errorTag;

    Router(OutputTag<FlowRecord> errorTag) {
      this.errorTag = errorTag;
    }

    @Override
    public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
      if (r.builtMeta() != null && r.builtMeta().remove(MARK) != null) {
        ctx.output(errorTag, r);
      } else {
        out.collect(r);
      }
    }
  }
}
