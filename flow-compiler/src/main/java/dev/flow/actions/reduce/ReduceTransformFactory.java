package dev.flow.actions.reduce;

import dev.flow.actions.reduce.ReduceOptions.LateRecords;
import dev.flow.actions.reduce.ReduceOptions.WindowKind;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageState;
import dev.flow.spi.TransformFactory;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.OutputTag;

/** {@code Reduce}: keyed, windowed aggregation in processing or event time. */
public final class ReduceTransformFactory implements TransformFactory<ReduceOptions> {

  @Override
  public String name() {
    return "Reduce";
  }

  @Override
  public List<String> aliases() {
    return List.of("Aggregate", "Window");
  }

  @Override
  public String description() {
    return "Aggregates records per key in tumbling, sliding or session windows, in processing time"
        + " or in event time from timeField, and emits {key, windowStart, windowEnd, aggregates...}"
        + " per window. Records too late for their window go to the error stage or to lateStage.";
  }

  @Override
  public Class<ReduceOptions> optionsClass() {
    return ReduceOptions.class;
  }

  @Override
  public Optional<StageState> state(ReduceOptions o) {
    StageState s =
        StageState.of("open windows and their partial aggregates, per key")
            .shape("key", o.key() != null ? o.key() : o.keyField())
            .shape("window", o.window());
    s =
        switch (o.window()) {
          case TUMBLING -> s.shape("size", o.size());
          case SLIDING -> s.shape("size", o.size()).shape("slide", o.slide());
          case SESSION -> s.shape("gap", o.gap());
        };
    return Optional.of(
        s.shape(
                "time",
                o.timeField() == null ? "processing time" : "event time of " + o.timeField())
            .shape("aggregates", new java.util.TreeMap<>(o.aggregates()))
            .setting("allowedLateness", o.allowedLateness()));
  }

  @Override
  public void validate(ReduceOptions o, ValidationContext ctx) {
    if (o.key() != null && o.keyField() != null) {
      ctx.error("keyField", "set either 'key' or 'keyField', not both");
    }
    if (o.aggregates().isEmpty()) {
      ctx.error("aggregates", "prop 'aggregates' needs at least one output field");
    }
    for (Map.Entry<String, String> e : o.aggregates().entrySet()) {
      try {
        AggregateSpec.parse(e.getKey(), e.getValue());
      } catch (IllegalArgumentException bad) {
        ctx.error("aggregates." + e.getKey(), bad.getMessage());
      }
    }
    if (o.window() == WindowKind.SLIDING) {
      if (o.slide() == null) {
        ctx.error("window", "a sliding window needs 'slide', how often a window starts");
      }
    } else if (o.slide() != null) {
      ctx.error("slide", "'slide' applies only to sliding windows");
    }
    if (o.window() == WindowKind.SESSION) {
      if (o.gap() == null) {
        ctx.error("window", "a session window needs 'gap', the inactivity that closes it");
      }
    } else if (o.gap() != null) {
      ctx.error("gap", "'gap' applies only to session windows");
    }
    if (o.lateRecords() == LateRecords.BRANCH && o.lateStage() == null) {
      ctx.error("lateRecords", "lateRecords: branch needs 'lateStage', the stage to send them to");
    }
    if (o.lateStage() != null && !ctx.outputs().contains(o.lateStage())) {
      ctx.error(
          "lateStage",
          "lateStage '"
              + o.lateStage()
              + "' must be one of the stages in this stage's out: "
              + ctx.outputs());
    }
    if (o.lateRecords() != LateRecords.BRANCH && o.lateStage() != null) {
      ctx.error("lateStage", "'lateStage' needs lateRecords: branch");
    }
    if (o.keyName().isBlank() || o.aggregates().containsKey(o.keyName())) {
      ctx.error("keyName", "prop 'keyName' must be a field name not used by an aggregate");
    }
  }

  @Override
  public DataStream<FlowRecord> apply(
      DataStream<FlowRecord> input, ReduceOptions o, StageContext ctx) {
    List<AggregateSpec> specs = new ArrayList<>();
    o.aggregates().forEach((field, text) -> specs.add(AggregateSpec.parse(field, text)));
    boolean eventTime = o.timeField() != null;
    SingleOutputStreamOperator<FlowRecord> prepared =
        input
            .process(
                new PrepareFunction(
                    o.key(),
                    o.keyField(),
                    specs,
                    o.timeField(),
                    ctx.errorRecords(),
                    ctx.errorTag()))
            .returns(FlowRecordTypeInfo.INSTANCE)
            .uid(ctx.uid("prepare"))
            .name(ctx.stageName() + " (prepare)")
            .setParallelism(input.getParallelism());
    ctx.addErrors(prepared.getSideOutput(ctx.errorTag()));
    DataStream<FlowRecord> timed = prepared;
    if (eventTime) {
      WatermarkStrategy<FlowRecord> wm =
          WatermarkStrategy.<FlowRecord>forBoundedOutOfOrderness(o.maxOutOfOrderness())
              .withTimestampAssigner((r, previous) -> r.eventTime());
      if (!o.idleTimeout().isZero()) {
        wm = wm.withIdleness(o.idleTimeout());
      }
      timed =
          prepared
              .assignTimestampsAndWatermarks(wm)
              .uid(ctx.uid("watermarks"))
              .name(ctx.stageName() + " (event time)")
              .setParallelism(input.getParallelism());
    }
    KeyedStream<FlowRecord, String> keyed = timed.keyBy(r -> r.get("k").asText(), Types.STRING);
    WindowedStream<FlowRecord, String, TimeWindow> windows = keyed.window(assigner(o, eventTime));
    if (!eventTime) {
      windows = windows.trigger(new ProcessingTimeOrEndTrigger());
    }
    OutputTag<FlowRecord> lateTag = new OutputTag<>("late", FlowRecordTypeInfo.INSTANCE);
    windows = windows.allowedLateness(o.allowedLateness()).sideOutputLateData(lateTag);
    SingleOutputStreamOperator<FlowRecord> result =
        windows
            .aggregate(
                new Aggregator(specs),
                new WindowResult(o.keyName()),
                FlowRecordTypeInfo.INSTANCE,
                FlowRecordTypeInfo.INSTANCE,
                FlowRecordTypeInfo.INSTANCE)
            .uid(ctx.uid())
            .name(ctx.stageName())
            .setParallelism(ctx.parallelism());
    ErrorRecordFactory errors = ctx.errorRecords();
    long lateness = o.allowedLateness().toMillis();
    DataStream<FlowRecord> late = result.getSideOutput(lateTag);
    if (o.lateRecords() == LateRecords.BRANCH) {
      ctx.addBranch(
          o.lateStage(),
          late.map(PrepareFunction::original)
              .returns(FlowRecordTypeInfo.INSTANCE)
              .uid(ctx.uid("late"))
              .name(ctx.stageName() + " (late)")
              .setParallelism(ctx.parallelism()));
    } else {
      ctx.addErrors(
          late.map(r -> errors.create(PrepareFunction.original(r), lateMessage(r, lateness)))
              .returns(FlowRecordTypeInfo.INSTANCE)
              .uid(ctx.uid("late"))
              .name(ctx.stageName() + " (late)")
              .setParallelism(ctx.parallelism()));
    }
    return result;
  }

  private static String lateMessage(FlowRecord prepared, long lateness) {
    return "late record: event time "
        + Instant.ofEpochMilli(prepared.eventTime())
        + " is in a window that has closed"
        + (lateness > 0 ? " (allowed lateness " + Duration.ofMillis(lateness) + ")" : "");
  }

  private static WindowAssigner<Object, TimeWindow> assigner(ReduceOptions o, boolean event) {
    return switch (o.window()) {
      case TUMBLING ->
          event
              ? TumblingEventTimeWindows.of(o.size())
              : TumblingProcessingTimeWindows.of(o.size());
      case SLIDING ->
          event
              ? SlidingEventTimeWindows.of(o.size(), o.slide())
              : SlidingProcessingTimeWindows.of(o.size(), o.slide());
      case SESSION ->
          event
              ? EventTimeSessionWindows.withGap(o.gap())
              : ProcessingTimeSessionWindows.withGap(o.gap());
    };
  }

  /** Emits one record per key and window: the key, the window's bounds and the aggregates. */
  @Override
  public FieldEffects fields(ReduceOptions o) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put(o.keyName() == null ? "key" : o.keyName(), "string");
    fields.put("windowStart", "string");
    fields.put("windowEnd", "string");
    if (o.aggregates() != null) {
      o.aggregates().keySet().forEach(a -> fields.put(a, null));
    }
    return FieldEffects.replaced(fields);
  }
}
