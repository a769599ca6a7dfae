package dev.flow.actions.accumulate;

import dev.flow.actions.support.RecordKeys;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageState;
import dev.flow.spi.TransformFactory;
import dev.flow.spi.ValidationContext;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/** {@code Accumulate}: collects records into batches closed by count, size or time. */
public final class AccumulateTransformFactory implements TransformFactory<AccumulateOptions> {

  @Override
  public String name() {
    return "Accumulate";
  }

  @Override
  public List<String> aliases() {
    return List.of("Batch");
  }

  @Override
  public String description() {
    return "Collects records into batches of at most maxRecords records, maxBytes bytes or maxWait"
        + " time, whichever comes first, globally or per key, and emits one record per batch:"
        + " {items, count, firstTime, lastTime, key}. Open batches are checkpointed and flushed"
        + " at the end of bounded input.";
  }

  @Override
  public Class<AccumulateOptions> optionsClass() {
    return AccumulateOptions.class;
  }

  @Override
  public Optional<StageState> state(AccumulateOptions o) {
    return Optional.of(
        StageState.of("open batches, per key")
            .shape("key", o.key() != null ? o.key() : o.keyField())
            .setting("maxRecords", o.maxRecords())
            .setting("maxBytes", o.maxBytes())
            .setting("maxWait", o.maxWait()));
  }

  @Override
  public void validate(AccumulateOptions o, ValidationContext ctx) {
    if (o.maxRecords() == 0 && o.maxBytes() == 0 && o.maxWait().isZero()) {
      ctx.error(
          null, "set at least one of maxRecords, maxBytes and maxWait, or batches never close");
    }
    if (o.key() != null && o.keyField() != null) {
      ctx.error("keyField", "set either 'key' or 'keyField', not both");
    }
  }

  @Override
  public DataStream<FlowRecord> apply(
      DataStream<FlowRecord> input, AccumulateOptions o, StageContext ctx) {
    return RecordKeys.keyBy(input, o.key(), o.keyField(), ctx)
        .process(new BatchFunction(o))
        .returns(FlowRecordTypeInfo.INSTANCE)
        .uid(ctx.uid())
        .name(ctx.stageName())
        .setParallelism(ctx.parallelism());
  }
}
