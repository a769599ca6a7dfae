package dev.flow.actions.deduplicate;

import dev.flow.actions.support.RecordKeys;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageState;
import dev.flow.spi.TransformFactory;
import dev.flow.spi.ValidationContext;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** {@code Deduplicate}: drops repeats of a key within a time-to-live. */
public final class DeduplicateTransformFactory implements TransformFactory<DeduplicateOptions> {

  @Override
  public String name() {
    return "Deduplicate";
  }

  @Override
  public List<String> aliases() {
    return List.of("Distinct");
  }

  @Override
  public String description() {
    return "Passes the first record of each key and drops repeats seen within ttl of it; keys are"
        + " kept in checkpointed state that expires after ttl.";
  }

  @Override
  public Class<DeduplicateOptions> optionsClass() {
    return DeduplicateOptions.class;
  }

  @Override
  public Optional<StageState> state(DeduplicateOptions o) {
    // The TTL's length is not part of the state's layout: Flink restores state whose TTL changed.
    return Optional.of(
        StageState.of("the keys seen within ttl")
            .shape("key", o.key() != null ? o.key() : o.keyField())
            .setting("ttl", o.ttl()));
  }

  @Override
  public void validate(DeduplicateOptions o, ValidationContext ctx) {
    if ((o.key() == null) == (o.keyField() == null)) {
      ctx.error(null, "set exactly one of 'key' and 'keyField'");
    }
  }

  @Override
  public DataStream<FlowRecord> apply(
      DataStream<FlowRecord> input, DeduplicateOptions o, StageContext ctx) {
    return ctx.processKeyed(
        RecordKeys.keyBy(input, o.key(), o.keyField(), ctx), new FirstOfKey(o.ttl().toMillis()));
  }

  /** Emits a record when its key has no live entry in state. */
  static final class FirstOfKey extends KeyedProcessFunction<String, FlowRecord, FlowRecord> {
    private static final long serialVersionUID = 1L;
    private final long ttlMillis;
    private transient ValueState<Boolean> seen;

    FirstOfKey(long ttlMillis) {
      this.ttlMillis = ttlMillis;
    }

    @Override
    public void open(OpenContext openContext) {
      ValueStateDescriptor<Boolean> d = new ValueStateDescriptor<>("seen", Types.BOOLEAN);
      d.enableTimeToLive(
          StateTtlConfig.newBuilder(java.time.Duration.ofMillis(ttlMillis))
              .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
              .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
              .build());
      seen = getRuntimeContext().getState(d);
    }

    @Override
    public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out)
        throws Exception {
      RecordKeys.take(r);
      if (seen.value() == null) {
        seen.update(Boolean.TRUE);
        out.collect(r);
      }
    }
  }

  /** Passes records on as they are. */
  @Override
  public FieldEffects fields(DeduplicateOptions o) {
    return FieldEffects.UNCHANGED;
  }
}
