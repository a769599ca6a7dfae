package dev.flow.testing;

import dev.flow.model.FlowDef;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.StageDef;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.record.Json;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Builds flows by hand, without the parser: a trigger of JSON lines, a transform that sets a field,
 * a slow transform, a publisher into a {@link CollectSink}, a builder of a {@link ValidatedFlow},
 * and settings for checkpoints and failures.
 */
public final class TestFlows {
  private TestFlows() {}

  /** Props of {@link CollectPublisher}. */
  public record Collect(String name) implements java.io.Serializable {}

  /** Collects into a {@link CollectSink} under a name. */
  public static final class CollectPublisher implements PublisherFactory<Collect> {
    @Override
    public String name() {
      return "Collect";
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public Class<Collect> optionsClass() {
      return Collect.class;
    }

    @Override
    public void publish(DataStream<FlowRecord> input, Collect o, StageContext ctx) {
      input.sinkTo(new CollectSink(o.name())).uid(ctx.uid()).name(ctx.stageName());
    }
  }

  /** Props of {@link LinesTrigger}. */
  public record Lines(List<String> lines) implements java.io.Serializable {}

  /** A bounded trigger that emits each line as a record. */
  public static final class LinesTrigger implements TriggerFactory<Lines> {
    @Override
    public String name() {
      return "Lines";
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public Class<Lines> optionsClass() {
      return Lines.class;
    }

    @Override
    public boolean isBounded(Lines o) {
      return true;
    }

    @Override
    public DataStream<FlowRecord> create(Lines o, TriggerContext ctx) {
      List<FlowRecord> records = new ArrayList<>();
      for (String l : o.lines()) {
        records.add(FlowRecord.ofJsonBytes(l.getBytes(StandardCharsets.UTF_8)));
      }
      return ctx.env()
          .fromData(records, FlowRecordTypeInfo.INSTANCE)
          .uid(ctx.uid())
          .name(ctx.stageName())
          .setParallelism(1);
    }
  }

  /** Props of {@link SetFieldTransform}. */
  public record SetField(String field, String value, String failOn)
      implements java.io.Serializable {}

  /** Sets a field to a text; throws for records whose {@code id} equals {@code failOn}. */
  public static final class SetFieldTransform extends RecordTransformFactory<SetField> {
    @Override
    public String name() {
      return "Set Field";
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public Class<SetField> optionsClass() {
      return SetField.class;
    }

    @Override
    public RecordProcessor createProcessor(SetField o, StageContext ctx) {
      FieldPath path = FieldPath.parse(o.field());
      return (record, out) -> {
        var id = record.get("id");
        if (o.failOn() != null && id != null && id.asText().equals(o.failOn())) {
          throw new IllegalStateException("refusing id " + o.failOn());
        }
        record.set(path, Json.NODES.textNode(o.value()));
        out.collect(record);
      };
    }
  }

  /** Props of {@link SlowTransform}. */
  public record Slow(long micros) implements java.io.Serializable {}

  /** Passes records on after busy-waiting, to make a pipeline slower than its input. */
  public static final class SlowTransform extends RecordTransformFactory<Slow> {
    @Override
    public String name() {
      return "Slow";
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public Class<Slow> optionsClass() {
      return Slow.class;
    }

    @Override
    public RecordProcessor createProcessor(Slow o, StageContext ctx) {
      long nanos = o.micros() * 1000;
      return (record, out) -> {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
          Thread.onSpinWait();
        }
        out.collect(record);
      };
    }
  }

  /** Settings with checkpoints every {@code interval}. */
  public static FlowSettings checkpointEvery(Duration interval) {
    FlowSettings d = FlowSettings.defaults();
    var c = d.checkpointing();
    return new FlowSettings(
        1,
        128,
        new FlowSettings.Checkpointing(
            FlowSettings.Toggle.ON, interval, c.mode(), c.timeout(), null, null, false),
        d.restart(),
        d.stateBackend(),
        d.errors());
  }

  /** Default settings, but a failure fails the job at once instead of restarting it. */
  public static FlowSettings noRestart() {
    FlowSettings d = FlowSettings.defaults();
    var r = d.restart();
    return new FlowSettings(
        d.parallelism(),
        d.maxParallelism(),
        d.checkpointing(),
        new FlowSettings.Restart(
            FlowSettings.Restart.Strategy.NONE,
            r.initialDelay(),
            r.maxDelay(),
            r.multiplier(),
            r.resetAfter(),
            r.jitter(),
            r.attempts(),
            r.delay(),
            r.failureInterval()),
        d.stateBackend(),
        d.errors());
  }

  /** A port free right now on the loopback interface. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Builds a {@link ValidatedFlow} stage by stage, in topological order. */
  public static final class Builder {
    private final String name;
    private final List<ResolvedStage> stages = new ArrayList<>();
    private final Map<String, List<String>> outs = new LinkedHashMap<>();
    private FlowSettings settings = FlowSettings.defaults();
    private ResolvedStage errorStage;

    public Builder(String name) {
      this.name = name;
    }

    public Builder settings(FlowSettings s) {
      this.settings = s;
      return this;
    }

    public Builder stage(String stageName, ActionFactory<?> f, Record options, String... out) {
      return stage(stageName, f, options, 0, out);
    }

    public Builder stage(
        String stageName, ActionFactory<?> f, Record options, int parallelism, String... out) {
      outs.put(stageName, List.of(out));
      List<String> inputs = new ArrayList<>();
      outs.forEach(
          (from, tos) -> {
            if (tos.contains(stageName)) {
              inputs.add(from);
            }
          });
      stages.add(
          new ResolvedStage(stageDef(stageName, f.name(), out), f, options, parallelism, inputs));
      return this;
    }

    /** Sends error records to a {@link CollectSink} of this name. */
    public Builder errors(String collectName) {
      errorStage =
          new ResolvedStage(
              stageDef("errors", "Collect"),
              new CollectPublisher(),
              new Collect(collectName),
              0,
              List.of());
      return this;
    }

    public ValidatedFlow build() {
      FlowDef def =
          new FlowDef(
              name,
              null,
              stages.stream().map(ResolvedStage::def).toList(),
              new Node.MapNode(Map.of(), Map.of(), Location.UNKNOWN),
              "<test>",
              Location.UNKNOWN);
      return new ValidatedFlow(def, settings, stages, errorStage, List.of());
    }

    private static StageDef stageDef(String n, String action, String... out) {
      List<StageDef.Ref> refs = new ArrayList<>();
      for (String o : out) {
        refs.add(new StageDef.Ref(o, Location.UNKNOWN));
      }
      return new StageDef(
          n,
          action,
          new Node.MapNode(Map.of(), Map.of(), Location.UNKNOWN),
          refs,
          Location.UNKNOWN,
          Location.UNKNOWN,
          Location.UNKNOWN);
    }
  }
}
