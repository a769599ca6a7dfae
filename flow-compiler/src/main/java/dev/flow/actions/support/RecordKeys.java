package dev.flow.actions.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.StageContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keys records for stateful stages: a key expression, a key field or one constant key. The key is
 * computed once, in a chained operator that sends records whose key fails to the error stage, and
 * carried in the record's metadata until the keyed operator takes it off with {@link #take}.
 */
public final class RecordKeys {
  /** The metadata field that carries the key between the key operator and the keyed operator. */
  public static final String META = "$flowKey";

  private RecordKeys() {}

  /** Keys {@code input} by {@code key}, else {@code keyField}, else one constant key. */
  public static KeyedStream<FlowRecord, String> keyBy(
      DataStream<FlowRecord> input, Expression key, FieldPath keyField, StageContext ctx) {
    SingleOutputStreamOperator<FlowRecord> tagged =
        input
            .process(new KeyTagger(key, keyField, ctx.errorRecords(), ctx.errorTag()))
            .returns(FlowRecordTypeInfo.INSTANCE)
            .uid(ctx.uid("key"))
            .name(ctx.stageName() + " (key)")
            .setParallelism(input.getParallelism());
    ctx.addErrors(tagged.getSideOutput(ctx.errorTag()));
    return tagged.keyBy(new KeyOf(), Types.STRING);
  }

  /** Removes the carried key from {@code record}'s metadata and returns it. */
  public static String take(FlowRecord record) {
    if (record.meta() == null || !record.meta().has(META)) {
      return "";
    }
    String k = record.meta().get(META).asText();
    record.metaForWrite().remove(META);
    if (record.meta().isEmpty()) {
      record.meta(null);
    }
    return k;
  }

  /** The text of a key value: strings as they are, other values as JSON. */
  public static String text(JsonNode v) {
    return v.isTextual() ? v.asText() : v.toString();
  }

  /** Reads the carried key. */
  static final class KeyOf implements KeySelector<FlowRecord, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(FlowRecord r) {
      return r.meta() == null || !r.meta().has(META) ? "" : r.meta().get(META).asText();
    }
  }

  /** Computes the key of each record and puts it in the record's metadata. */
  static final class KeyTagger extends ProcessFunction<FlowRecord, FlowRecord> {
    private static final long serialVersionUID = 1L;
    private final Expression key;
    private final FieldPath keyField;
    private final ErrorRecordFactory errors;
    private final OutputTag<FlowRecord> errorTag;

    KeyTagger(
        Expression key, FieldPath keyField, ErrorRecordFactory errors, OutputTag<FlowRecord> tag) {
      this.key = key;
      this.keyField = keyField;
      this.errors = errors;
      this.errorTag = tag;
    }

    @Override
    public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
      String k;
      try {
        k = keyOf(r);
      } catch (RuntimeException e) {
        ctx.output(errorTag, errors.create(r, e));
        return;
      }
      r.metaForWrite().put(META, k);
      out.collect(r);
    }

    private String keyOf(FlowRecord r) {
      if (key != null) {
        return text(key.evaluateJson(r));
      }
      if (keyField != null) {
        JsonNode v = r.get(keyField);
        if (v == null || v.isMissingNode() || v.isNull()) {
          throw new IllegalArgumentException("no key field '" + keyField + "' in the record");
        }
        return text(v);
      }
      return "";
    }
  }
}
