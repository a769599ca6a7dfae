package dev.flow.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.explode.ExplodeOptions;
import dev.flow.actions.explode.ExplodeTransformFactory;
import dev.flow.actions.generator.GeneratorOptions;
import dev.flow.actions.generator.GeneratorTriggerFactory;
import dev.flow.actions.inline.InlineRecordsOptions;
import dev.flow.actions.inline.InlineRecordsTriggerFactory;
import dev.flow.actions.log.LogOptions;
import dev.flow.actions.log.LogPublisherFactory;
import dev.flow.actions.remap.RemapFieldsOptions;
import dev.flow.actions.remap.RemapFieldsTransformFactory;
import dev.flow.actions.schedule.ScheduleOptions;
import dev.flow.actions.schedule.ScheduleTriggerFactory;
import dev.flow.actions.testing.TestOptions;
import dev.flow.actions.trash.TrashOptions;
import dev.flow.actions.trash.TrashPublisherFactory;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FlowSettings;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.StageHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the packaged triggers, transforms and publishers on a MiniCluster. */
class PackagedActionsITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  private static final String ORDERS =
      "{records: ["
          + "{id: 1, email: a@x.io, items: [{sku: a, qty: 1}, {sku: b, qty: 2}]},"
          + "{id: 2, email: b@x.io, items: []},"
          + "{id: 3, email: c@x.io, items: oops},"
          + "{id: 4, email: d@x.io, items: [{sku: c, qty: 3}]}]}";

  @Test
  void inlineRecordsThroughRemapAndExplodeGiveExactRecordsAndErrors() throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(2);
    assertThat(env.getConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
    StageHarness h = new StageHarness(env);
    DataStream<FlowRecord> in =
        h.trigger(
            "orders",
            new InlineRecordsTriggerFactory(),
            TestOptions.of(InlineRecordsOptions.class, ORDERS),
            2);
    DataStream<FlowRecord> remapped =
        h.transform(
            "hide",
            new RemapFieldsTransformFactory(),
            TestOptions.of(RemapFieldsOptions.class, "{redact: [email], rename: {id: orderId}}"),
            in,
            2);
    DataStream<FlowRecord> out =
        h.transform(
            "lines",
            new ExplodeTransformFactory(),
            TestOptions.of(ExplodeOptions.class, "{field: items, flatten: true, indexField: line}"),
            remapped,
            2);

    CloseableIterator<FlowRecord> records = out.collectAsync();
    CloseableIterator<FlowRecord> errors = h.errors().collectAsync();
    env.execute("inline-remap-explode");

    List<FlowRecord> got = FlowMiniCluster.records(records);
    List<String> json = new ArrayList<>();
    got.stream().map(FlowRecord::toJson).sorted().forEach(json::add);
    assertThat(json)
        .containsExactly(
            "{\"email\":\"***\",\"orderId\":1,\"sku\":\"a\",\"qty\":1,\"line\":0}",
            "{\"email\":\"***\",\"orderId\":1,\"sku\":\"b\",\"qty\":2,\"line\":1}",
            "{\"email\":\"***\",\"orderId\":4,\"sku\":\"c\",\"qty\":3,\"line\":0}");
    // Every record of a run carries the run id the trigger stage gave it.
    assertThat(got).allSatisfy(r -> assertThat(r.runId()).isNotBlank());
    assertThat(got.get(0).triggerTime()).isPositive();

    List<FlowRecord> failed = FlowMiniCluster.records(errors);
    assertThat(failed).hasSize(1);
    var e = failed.get(0).asObjectNode();
    assertThat(e.get("stage").asText()).isEqualTo("lines");
    assertThat(e.get("error").asText()).isEqualTo("field 'items' is string, not an array");
    // The default policy, ORIGINAL_RECORD, keeps the record as the trigger emitted it.
    assertThat(e.get("record").toString())
        .isEqualTo("{\"id\":3,\"email\":\"c@x.io\",\"items\":\"oops\"}");
  }

  @Test
  void inlineRecordsKeepTheirOrderAtParallelismFour() throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    DataStream<FlowRecord> in =
        new StageHarness(env)
            .trigger(
                "inline",
                new InlineRecordsTriggerFactory(),
                TestOptions.of(
                    InlineRecordsOptions.class,
                    "{records: [{n: 1}, {n: 2}, {n: 3}, {n: 4}, {n: 5}, {n: 6}]}"),
                4);
    // The run-id map has the source's parallelism; forward to one collector in order.
    CloseableIterator<FlowRecord> it = in.collectAsync();
    env.execute();
    List<String> got = FlowMiniCluster.json(it);
    assertThat(got)
        .containsExactly(
            "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}", "{\"n\":6}");
  }

  @Test
  void boundedGeneratorIsDeterministicAtAnyParallelism() throws Exception {
    String props =
        "{count: 20, rate: 0, seed: 7, fields: {id: seq, pick: 'choice(a,b,c)', n: 'int(1,1000)',"
            + " u: uuid}}";
    List<String> p1 = generate(props, 1);
    List<String> p3 = generate(props, 3);
    assertThat(p1).hasSize(20).isEqualTo(p3);
    assertThat(p1.get(0)).startsWith("{\"id\":0,");
    assertThat(p1.get(19)).startsWith("{\"id\":19,");
  }

  private static List<String> generate(String props, int parallelism) throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    DataStream<FlowRecord> in =
        new StageHarness(env)
            .trigger(
                "gen",
                new GeneratorTriggerFactory(),
                TestOptions.of(GeneratorOptions.class, props),
                parallelism);
    CloseableIterator<FlowRecord> it = in.collectAsync();
    env.execute();
    List<FlowRecord> got = FlowMiniCluster.records(it);
    got.sort(Comparator.comparingLong(r -> r.get("id").asLong()));
    return got.stream().map(FlowRecord::toJson).toList();
  }

  @Test
  void unboundedGeneratorRunsUntilCancelledAtItsRate() throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    DataStream<FlowRecord> in =
        new StageHarness(env, "test-flow", FlowSettings.defaults(), false)
            .trigger(
                "gen",
                new GeneratorTriggerFactory(),
                TestOptions.of(GeneratorOptions.class, "{rate: 200, fields: {id: seq}}"));
    List<String> got = in.executeAndCollect(5).stream().map(FlowRecord::toJson).toList();
    assertThat(got.toString())
        .isEqualTo("[{\"id\":0}, {\"id\":1}, {\"id\":2}, {\"id\":3}, {\"id\":4}]");
  }

  @Test
  void scheduleEmitsNumberedTicksOneIntervalApart() throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    DataStream<FlowRecord> in =
        new StageHarness(env)
            .trigger(
                "every",
                new ScheduleTriggerFactory(),
                TestOptions.of(
                    ScheduleOptions.class, "{interval: 200ms, count: 3, fields: {j: x}}"),
                2);
    CloseableIterator<FlowRecord> it = in.collectAsync();
    long start = System.currentTimeMillis();
    env.execute();
    List<FlowRecord> ticks = FlowMiniCluster.records(it);
    assertThat(ticks).hasSize(3);
    long first = Instant.parse(ticks.get(0).get("scheduledTime").asText()).toEpochMilli();
    assertThat(first).isGreaterThanOrEqualTo(start);
    for (int i = 0; i < 3; i++) {
      FlowRecord t = ticks.get(i);
      assertThat(t.toJson())
          .isEqualTo(
              "{\"tick\":"
                  + (i + 1)
                  + ",\"scheduledTime\":\""
                  + Instant.ofEpochMilli(first + 200L * i)
                  + "\",\"j\":\"x\"}");
      assertThat(t.triggerTime()).isEqualTo(first + 200L * i);
    }
  }

  @Test
  void logPrintsEachRecordWithStageAndRunAndTrashDiscards() throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      StreamExecutionEnvironment env = FlowMiniCluster.env(1);
      StageHarness h = new StageHarness(env);
      DataStream<FlowRecord> in =
          h.trigger(
              "src",
              new InlineRecordsTriggerFactory(),
              TestOptions.of(InlineRecordsOptions.class, "{records: [{a: 1}, {a: 2}]}"));
      h.publish(
          "print",
          new LogPublisherFactory(),
          TestOptions.of(LogOptions.class, "{format: text}"),
          in);
      h.publish("bin", new TrashPublisherFactory(), new TrashOptions(), in);
      env.execute();
    } finally {
      System.setOut(saved);
    }
    List<String> lines =
        captured
            .toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith("print "))
            .toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("print run=[0-9a-f]+-1 \\{\"a\":1}");
    assertThat(lines.get(1)).matches("print run=[0-9a-f]+-2 \\{\"a\":2}");
  }
}
