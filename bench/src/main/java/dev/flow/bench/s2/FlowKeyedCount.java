package dev.flow.bench.s2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.record.Json;
import dev.flow.spi.StageContext;
import dev.flow.spi.TransformFactory;
import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code Bench Keyed Count}: S2's aggregate as a Flow stage over {@link FlowRecord}s, keyed by
 * {@code user.id} across a network exchange that uses Flow's record serializer. It stands in for
 * the Reduce action, which does not exist yet.
 */
public final class FlowKeyedCount implements TransformFactory<FlowKeyedCount.None> {
  private static final FieldPath USER_ID = FieldPath.parse("user.id");
  private static final FieldPath AMOUNT = FieldPath.parse("amount");

  /** No props. */
  public record None() implements Serializable {}

  @Override
  public String name() {
    return "Bench Keyed Count";
  }

  @Override
  public String description() {
    return "Count and sum of amount per user.id (benchmarks only).";
  }

  @Override
  public Class<None> optionsClass() {
    return None.class;
  }

  @Override
  public DataStream<FlowRecord> apply(
      DataStream<FlowRecord> input, None options, StageContext ctx) {
    return input
        .keyBy(r -> r.get(USER_ID).asText(), Types.STRING)
        .process(new Count())
        .returns(FlowRecordTypeInfo.INSTANCE)
        .uid(ctx.uid())
        .name(ctx.stageName())
        .setParallelism(ctx.parallelism());
  }

  /** The aggregate over Flow records. */
  static final class Count extends KeyedCount<FlowRecord, FlowRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    protected double amount(FlowRecord r) {
      return r.get(AMOUNT).asDouble();
    }

    @Override
    protected FlowRecord result(String key, long count, double sum) {
      ObjectNode n = Json.NODES.objectNode();
      n.put("key", key);
      n.put("count", count);
      n.put("sum", sum);
      return FlowRecord.of(n);
    }
  }
}
