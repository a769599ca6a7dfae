package dev.flow.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.model.FlowDef;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.StageDef;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.record.Json;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.testing.CollectSink;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Small actions and a flow builder for translator tests, without the parser. */
final class TestStages {

  record Lines(List<String> lines) implements java.io.Serializable {}

  /** Emits each line as a record, unchecked, so bad JSON reaches the trigger check. */
  static final class LinesTrigger implements TriggerFactory<Lines> {
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

  record SetField(String field, String value, String failOn) implements java.io.Serializable {}

  /** Sets a field; throws for records whose {@code id} equals {@code failOn}. */
  static final class SetFieldTransform extends RecordTransformFactory<SetField> {
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

  record Collect(String name) implements java.io.Serializable {}

  /** Collects into a {@link CollectSink}. */
  static final class CollectPublisher implements PublisherFactory<Collect> {
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

  /** Builds a ValidatedFlow by hand, stage by stage, in topological order. */
  static final class FlowBuilder {
    private final String name;
    private final List<ResolvedStage> stages = new ArrayList<>();
    private final Map<String, List<String>> outs = new LinkedHashMap<>();
    private FlowSettings settings = FlowSettings.defaults();
    private ResolvedStage errorStage;

    FlowBuilder(String name) {
      this.name = name;
    }

    FlowBuilder settings(FlowSettings s) {
      this.settings = s;
      return this;
    }

    FlowBuilder stage(
        String stageName,
        dev.flow.spi.ActionFactory<?> f,
        Record options,
        int parallelism,
        String... out) {
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

    FlowBuilder errors(String collectName) {
      errorStage =
          new ResolvedStage(
              stageDef("errors", "Collect"),
              new CollectPublisher(),
              new Collect(collectName),
              0,
              List.of());
      return this;
    }

    ValidatedFlow build() {
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

  static ObjectNode obj(String json) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(json);
  }

  private TestStages() {}
}
