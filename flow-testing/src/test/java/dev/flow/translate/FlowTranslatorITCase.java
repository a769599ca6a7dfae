package dev.flow.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.Json;
import dev.flow.spi.FlowSettings;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.TestFlows.Builder;
import dev.flow.testing.TestFlows.Collect;
import dev.flow.testing.TestFlows.CollectPublisher;
import dev.flow.testing.TestFlows.Lines;
import dev.flow.testing.TestFlows.LinesTrigger;
import dev.flow.testing.TestFlows.SetField;
import dev.flow.testing.TestFlows.SetFieldTransform;
import dev.flow.validate.ValidatedFlow;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs hand-built flows on a MiniCluster and checks the exact records at the sinks. */
class FlowTranslatorITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  private static void run(ValidatedFlow flow) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    assertThat(env.getConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
    env.execute(flow.def().name());
  }

  @Test
  void fanOutBranchesCannotSeeEachOthersChanges() throws Exception {
    ValidatedFlow flow =
        new Builder("fan-out")
            .stage(
                "in",
                new LinesTrigger(),
                new Lines(List.of("{\"id\":1}", "{\"id\":2}")),
                0,
                "a",
                "b")
            .stage("a", new SetFieldTransform(), new SetField("a", "A", null), 0, "outA")
            .stage("b", new SetFieldTransform(), new SetField("b", "B", null), 0, "outB")
            .stage("outA", new CollectPublisher(), new Collect("fan-a"), 0)
            .stage("outB", new CollectPublisher(), new Collect("fan-b"), 0)
            .errors("fan-errors")
            .build();
    run(flow);
    assertThat(CollectSink.payloads("fan-a"))
        .containsExactly("{\"id\":1,\"a\":\"A\"}", "{\"id\":2,\"a\":\"A\"}");
    assertThat(CollectSink.payloads("fan-b"))
        .containsExactly("{\"id\":1,\"b\":\"B\"}", "{\"id\":2,\"b\":\"B\"}");
    assertThat(CollectSink.payloads("fan-errors")).isEmpty();
  }

  @Test
  void recordsCrossANetworkExchangeWithGenericTypesDisabled() throws Exception {
    // The trigger runs at parallelism 1 and the transform at 3: records are rebalanced over the
    // network, which needs Flow's serializer, since Kryo is disabled.
    ValidatedFlow flow =
        new Builder("exchange")
            .settings(FlowSettings.defaults())
            .stage("in", new LinesTrigger(), new Lines(numbered(50)), 1, "wide")
            .stage("wide", new SetFieldTransform(), new SetField("seen", "yes", null), 3, "out")
            .stage("out", new CollectPublisher(), new Collect("exchange-out"), 1)
            .errors("exchange-errors")
            .build();
    run(flow);
    List<String> out = CollectSink.payloads("exchange-out");
    assertThat(out).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(out).contains("{\"id\":" + i + ",\"seen\":\"yes\"}");
    }
  }

  @Test
  void failedAndMalformedRecordsReachTheErrorStageWithContext() throws Exception {
    ValidatedFlow flow =
        new Builder("errors")
            .stage(
                "in",
                new LinesTrigger(),
                new Lines(List.of("{\"id\":\"ok\"}", "not json", "{\"id\":\"bad\"}")),
                0,
                "tag")
            .stage("tag", new SetFieldTransform(), new SetField("t", "x", "bad"), 0, "out")
            .stage("out", new CollectPublisher(), new Collect("err-out"), 0)
            .errors("err-errors")
            .build();
    run(flow);
    assertThat(CollectSink.payloads("err-out")).containsExactly("{\"id\":\"ok\",\"t\":\"x\"}");
    List<JsonNode> errors =
        CollectSink.received("err-errors").stream().map(r -> (JsonNode) r.asObjectNode()).toList();
    assertThat(errors).hasSize(2);
    JsonNode malformed =
        errors.stream().filter(e -> e.get("stage").asText().equals("in")).findFirst().orElseThrow();
    assertThat(malformed.get("record").asText()).isEqualTo("not json");
    assertThat(malformed.get("recordEncoding").asText()).isEqualTo("utf8");
    assertThat(malformed.get("error").asText()).startsWith("not valid JSON");
    JsonNode refused =
        errors.stream()
            .filter(e -> e.get("stage").asText().equals("tag"))
            .findFirst()
            .orElseThrow();
    assertThat(refused.get("error").asText()).isEqualTo("refusing id bad");
    assertThat(refused.get("action").asText()).isEqualTo("Set Field");
    assertThat(refused.get("flow").asText()).isEqualTo("errors");
    assertThat(refused.get("record")).isEqualTo(Json.MAPPER.readTree("{\"id\":\"bad\"}"));
    assertThat(refused.get("runId").asText()).isNotBlank();
    assertThat(refused.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void aChainOfRecordStagesGivesTheErrorStageOneInputWithEveryStagesErrors() throws Exception {
    ValidatedFlow flow =
        new Builder("chain")
            .stage(
                "in",
                new LinesTrigger(),
                new Lines(List.of("{\"id\":\"1\"}", "{\"id\":\"2\"}", "{\"id\":\"3\"}", "x")),
                0,
                "a")
            .stage("a", new SetFieldTransform(), new SetField("a", "A", "1"), 0, "b")
            .stage("b", new SetFieldTransform(), new SetField("b", "B", "2"), 0, "c")
            .stage("c", new SetFieldTransform(), new SetField("c", "C", "3"), 0, "out")
            .stage("out", new CollectPublisher(), new Collect("chain-out"), 0)
            .errors("chain-errors")
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    // The run a -> b -> c checks the trigger's records itself, so the error stage reads one
    // stream, the run's error output, holding every stage's error records: not one stream per
    // stage (Flink's stream graph walks the predecessors of every input of a union), and no
    // union at all, so that Flink chains the error stage into the one task of the flow.
    assertThat(errorCounters(env)).isEmpty();
    assertThat(env.getTransformations().stream().flatMap(t -> t.getInputs().stream()))
        .noneMatch(
            t -> t instanceof org.apache.flink.streaming.api.transformations.UnionTransformation);
    List<String> tasks = new java.util.ArrayList<>();
    env.getStreamGraph(false).getJobGraph().getVertices().forEach(v -> tasks.add(v.getName()));
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0)).startsWith("Source: in -> a -> b -> c -> (");
    // The run also counts the publisher's records in, so that takes no operator of its own.
    assertThat(env.getTransformations().stream().map(t -> t.getName())).doesNotContain("out (in)");
    // The run is one operator: its stages run one after the other in it, each under its own name.
    assertThat(env.getTransformations().stream().map(t -> t.getName()))
        .contains("a -> b -> c")
        .doesNotContain("a", "b", "c");
    env.execute(flow.def().name());

    assertThat(CollectSink.payloads("chain-out")).isEmpty();
    List<String> errors =
        CollectSink.received("chain-errors").stream()
            .map(r -> r.asObjectNode())
            .map(
                e ->
                    e.get("stage").asText() + " " + e.get("record") + " " + e.get("error").asText())
            .sorted()
            .toList();
    assertThat(errors)
        .hasSize(4)
        .startsWith(
            "a {\"id\":\"1\"} refusing id 1",
            "b {\"id\":\"2\"} refusing id 2",
            "c {\"id\":\"3\"} refusing id 3");
    assertThat(errors.get(3)).startsWith("in \"x\" not valid JSON");
    for (var r : CollectSink.received("chain-errors")) {
      assertThat(r.meta()).isNull();
    }
  }

  private static ValidatedFlow chainOfThree(String name) {
    return new Builder(name)
        .stage(
            "in",
            new LinesTrigger(),
            new Lines(List.of("{\"id\":\"1\"}", "{\"id\":\"2\"}", "{\"id\":\"3\"}")),
            0,
            "a")
        .stage("a", new SetFieldTransform(), new SetField("a", "A", "1"), 0, "b")
        .stage("b", new SetFieldTransform(), new SetField("b", "B", "2"), 0, "c")
        .stage("c", new SetFieldTransform(), new SetField("c", "C", "3"), 0, "out")
        .stage("out", new CollectPublisher(), new Collect(name + "-out"), 0)
        .errors(name + "-errors")
        .build();
  }

  private static List<String> errorCounters(StreamExecutionEnvironment env) {
    return env.getTransformations().stream()
        .map(t -> t.getName())
        .filter(n -> n.endsWith("(count errors)"))
        .toList();
  }

  private static List<String> stageErrors(String collectName) {
    return CollectSink.received(collectName).stream()
        .map(r -> r.asObjectNode())
        .map(e -> e.get("stage").asText() + " " + e.get("error").asText())
        .sorted()
        .toList();
  }

  @Test
  void aChainCarriesItsErrorsWhenOnlyThePublishersAreReplaced() throws Exception {
    ValidatedFlow flow = chainOfThree("captured-chain");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(
        flow,
        env,
        Translators.standard()
            .withPublisher(
                (stage, input, ctx) -> input.sinkTo(new CollectSink("captured-chain-captured"))));
    // No error records are counted apart: the run a -> b -> c checks the trigger's records and
    // counts every stage's errors, the trigger's too.
    assertThat(errorCounters(env)).isEmpty();
    env.execute(flow.def().name());

    assertThat(CollectSink.payloads("captured-chain-captured")).isEmpty();
    assertThat(CollectSink.payloads("captured-chain-out")).isEmpty();
    assertThat(stageErrors("captured-chain-errors"))
        .containsExactly("a refusing id 1", "b refusing id 2", "c refusing id 3");
  }

  @Test
  void aTransformBuiltByAnotherTranslatorIsCountedAndRoutedByTheFramework() throws Exception {
    ValidatedFlow flow = chainOfThree("decorated-chain");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    List<String> built = new java.util.ArrayList<>();
    Translators standard = Translators.standard();
    FlowTranslator.translate(
        flow,
        env,
        standard.withTransform(
            (stage, input, ctx) -> {
              built.add(stage.name());
              return standard.transform().translate(stage, input, ctx);
            }));
    assertThat(built).containsExactly("a", "b", "c");
    // Not the standard transform translator: no carry, each stage's errors are counted where made.
    assertThat(errorCounters(env))
        .containsExactly(
            "in (count errors)", "a (count errors)", "b (count errors)", "c (count errors)");
    env.execute(flow.def().name());

    assertThat(CollectSink.payloads("decorated-chain-out")).isEmpty();
    assertThat(stageErrors("decorated-chain-errors"))
        .containsExactly("a refusing id 1", "b refusing id 2", "c refusing id 3");
  }

  /** Props of {@link Tag}. */
  record NoProps() implements java.io.Serializable {}

  /**
   * Appends its letter to field {@code tags}, through an anonymous processor: it captures this
   * factory, which is not serializable, as processors written this way do.
   */
  static final class Tag extends dev.flow.spi.RecordTransformFactory<NoProps> {
    private final String letter;
    private final Object notSerializable = new Object();

    Tag(String letter) {
      this.letter = letter;
    }

    @Override
    public String name() {
      return "Tag " + letter;
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public Class<NoProps> optionsClass() {
      return NoProps.class;
    }

    @Override
    public dev.flow.spi.RecordProcessor createProcessor(NoProps o, dev.flow.spi.StageContext ctx) {
      String add = letter; // the processor reads a local, not the factory
      return new dev.flow.spi.RecordProcessor() {
        @Override
        public void process(
            dev.flow.record.FlowRecord record,
            org.apache.flink.util.Collector<dev.flow.record.FlowRecord> out) {
          JsonNode tags = record.get("tags");
          record.set(
              dev.flow.record.FieldPath.parse("tags"),
              Json.NODES.textNode((tags == null ? "" : tags.asText()) + add));
          out.collect(record);
        }
      };
    }
  }

  @Test
  void aRunOfStagesWhoseProcessorsAreAnonymousClassesRuns() throws Exception {
    ValidatedFlow flow =
        new Builder("anonymous-run")
            .stage("in", new LinesTrigger(), new Lines(List.of("{\"id\":\"1\"}")), 0, "a")
            .stage("a", new Tag("a"), new NoProps(), 0, "b")
            .stage("b", new Tag("b"), new NoProps(), 0, "out")
            .stage("out", new CollectPublisher(), new Collect("anonymous-run-out"), 0)
            .errors("anonymous-run-errors")
            .build();
    run(flow);
    assertThat(CollectSink.payloads("anonymous-run-out"))
        .containsExactly("{\"id\":\"1\",\"tags\":\"ab\"}");
  }

  /** Props of {@link FailingPublisher}. */
  public record FailOn(String id) implements java.io.Serializable {}

  /** A publisher whose sink fails the write of the record with this id, as a sink that is down. */
  public static final class FailingPublisher implements dev.flow.spi.PublisherFactory<FailOn> {
    @Override
    public String name() {
      return "Failing";
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public Class<FailOn> optionsClass() {
      return FailOn.class;
    }

    @Override
    public void publish(
        org.apache.flink.streaming.api.datastream.DataStream<dev.flow.record.FlowRecord> input,
        FailOn o,
        dev.flow.spi.StageContext ctx) {
      input.sinkTo(new FailingSink(o.id())).uid(ctx.uid()).name(ctx.stageName());
    }
  }

  /** A sink that fails the write of the record with this id. */
  private record FailingSink(String id)
      implements org.apache.flink.api.connector.sink2.Sink<dev.flow.record.FlowRecord> {
    @Override
    @SuppressWarnings("deprecation")
    public org.apache.flink.api.connector.sink2.SinkWriter<dev.flow.record.FlowRecord> createWriter(
        InitContext context) {
      return new org.apache.flink.api.connector.sink2.SinkWriter<>() {
        @Override
        public void write(dev.flow.record.FlowRecord r, Context c) throws java.io.IOException {
          if (id.equals(r.get("id").asText())) {
            throw new java.io.IOException("the sink is down");
          }
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }

  @Test
  void aPublisherThatFailsFailsTheJobAndIsNotAnErrorRecordOfTheStagesBeforeIt() throws Exception {
    ValidatedFlow flow =
        new Builder("sink-down")
            .settings(dev.flow.testing.TestFlows.noRestart())
            .stage(
                "in",
                new LinesTrigger(),
                new Lines(List.of("{\"id\":\"1\"}", "{\"id\":\"2\"}")),
                0,
                "a")
            .stage("a", new SetFieldTransform(), new SetField("a", "A", "none"), 0, "b")
            .stage("b", new SetFieldTransform(), new SetField("b", "B", "none"), 0, "out")
            .stage("out", new FailingPublisher(), new FailOn("2"), 0)
            .errors("sink-down-errors")
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(flow))
        .satisfies(
            t ->
                assertThat(org.apache.flink.util.ExceptionUtils.stringifyException(t))
                    .contains("java.io.IOException: the sink is down"));
    // The record did not fail in a stage of the run: the sink failed, and so the job did.
    assertThat(CollectSink.received("sink-down-errors")).isEmpty();
  }

  private static List<String> numbered(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> "{\"id\":" + i + "}").toList();
  }
}
