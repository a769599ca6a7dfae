package dev.flow.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.generator.GeneratorOptions;
import dev.flow.actions.generator.GeneratorTriggerFactory;
import dev.flow.actions.inline.InlineRecordsOptions;
import dev.flow.actions.inline.InlineRecordsTriggerFactory;
import dev.flow.actions.testing.TestOptions;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.FlowSettings;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.StageHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs Read File and Write to File on a MiniCluster against a real local file system. */
class FileActionsITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  @Test
  void readsJsonLinesFromADirectoryOnceAndSendsBadLinesToErrors(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), "{\"n\":1}\n\nnot json\n{\"n\":2}\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.jsonl"), "{\"n\":3}\r\n[4]");
    Files.writeString(dir.resolve("c.txt"), "{\"n\":99}\n");
    Files.writeString(dir.resolve(".hidden.jsonl"), "{\"n\":98}\n");

    StreamExecutionEnvironment env = FlowMiniCluster.env(2);
    StageHarness h = new StageHarness(env);
    DataStream<FlowRecord> in =
        h.trigger(
            "in",
            new ReadFileTriggerFactory(),
            StageHarness.options(
                new ReadFileTriggerFactory(), "{path: '" + dir + "', glob: '*.jsonl'}"),
            2);
    CloseableIterator<FlowRecord> records = in.collectAsync();
    CloseableIterator<FlowRecord> errors = h.errors().collectAsync();
    env.execute();

    List<FlowRecord> got = FlowMiniCluster.records(records);
    Map<String, String> runs = new TreeMap<>();
    for (FlowRecord r : got) {
      runs.put(r.toJson(), r.runId());
    }
    assertThat(runs).containsOnlyKeys("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    // The records of one file share a run; another file is another run.
    assertThat(runs.get("{\"n\":1}"))
        .isEqualTo(runs.get("{\"n\":2}"))
        .isNotEqualTo(runs.get("{\"n\":3}"));

    List<String> bad = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    for (FlowRecord e : FlowMiniCluster.records(errors)) {
      var node = e.asObjectNode();
      assertThat(node.get("stage").asText()).isEqualTo("in");
      bad.add(node.get("record") + " | " + node.get("error").asText());
      origins.add(node.get("record") + " at " + node.get("origin"));
    }
    // The file as a plain path; lines count from 1, blank ones too; the byte offset is where the
    // line starts.
    assertThat(origins)
        .containsExactlyInAnyOrder(
            "\"not json\" at {\"file\":\""
                + dir.resolve("a.jsonl").toAbsolutePath()
                + "\",\"line\":3,\"byteOffset\":9}",
            "[4] at {\"file\":\""
                + dir.resolve("sub/b.jsonl").toAbsolutePath()
                + "\",\"line\":2,\"byteOffset\":9}");
    assertThat(bad)
        .hasSize(2)
        .contains("[4] | expected a JSON object but found an array at offset 0");
    // The exact wording for "not json" is the record parser's; the raw text must be kept.
    assertThat(bad.stream().filter(b -> !b.startsWith("[4]")).findFirst().orElseThrow())
        .matches("\"not json\" \\| (not valid JSON|expected a JSON object).* at offset \\d+");
  }

  @Test
  void watchesADirectoryForNewFiles(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    DataStream<FlowRecord> in =
        new StageHarness(env, "test-flow", FlowSettings.defaults(), false)
            .trigger(
                "watch",
                new ReadFileTriggerFactory(),
                StageHarness.options(
                    new ReadFileTriggerFactory(), "{path: '" + dir + "', watch: 100ms}"));
    CloseableIterator<FlowRecord> it = in.collectAsync();
    JobClient job = env.executeAsync();
    try {
      Files.writeString(dir.resolve("first.jsonl"), "{\"f\":1}\n");
      assertThat(it.next().toJson()).isEqualTo("{\"f\":1}");
      Files.writeString(dir.resolve("second.jsonl"), "{\"f\":2}\n");
      assertThat(it.next().toJson()).isEqualTo("{\"f\":2}");
    } finally {
      job.cancel().get();
      it.close();
    }
  }

  @Test
  void writesPartitionedJsonLinesAndFinalizesThemAtTheEndOfInput(@TempDir Path dir)
      throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    DataStream<FlowRecord> in =
        new StageHarness(env)
            .trigger(
                "in",
                new InlineRecordsTriggerFactory(),
                TestOptions.of(
                    InlineRecordsOptions.class,
                    "{records: [{id: 1, country: DE, ts: '2026-03-01T10:00:00Z'},"
                        + " {id: 2, country: FR, ts: '2026-03-01T23:30:00Z'},"
                        + " {id: 3, country: DE, ts: '2026-03-02T01:00:00Z'},"
                        + " {id: 4, ts: '2026-03-02T02:00:00Z'}]}"));
    DataStream<FlowRecord> timed =
        in.map(r -> r.eventTime(Instant.parse(r.get("ts").asText()).toEpochMilli()))
            .returns(FlowRecordTypeInfo.INSTANCE);
    new StageHarness(env)
        .publish(
            "out",
            new WriteFilePublisherFactory(),
            StageHarness.options(
                new WriteFilePublisherFactory(),
                "{path: '" + dir + "', partitionBy: 'dt={time:yyyy-MM-dd}/country={country}'}"),
            timed);
    env.execute();

    assertThat(files(dir))
        .containsExactly(
            "dt=2026-03-01/country=DE/part-*-0.jsonl: {\"id\":1,\"country\":\"DE\",\"ts\":\"2026-03-01T10:00:00Z\"}\n",
            "dt=2026-03-01/country=FR/part-*-0.jsonl: {\"id\":2,\"country\":\"FR\",\"ts\":\"2026-03-01T23:30:00Z\"}\n",
            "dt=2026-03-02/country=DE/part-*-0.jsonl: {\"id\":3,\"country\":\"DE\",\"ts\":\"2026-03-02T01:00:00Z\"}\n",
            "dt=2026-03-02/country=__null__/part-*-0.jsonl: {\"id\":4,\"ts\":\"2026-03-02T02:00:00Z\"}\n");
  }

  private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

  @Test
  void writesEachRecordExactlyOnceAcrossAFailureAndRestore(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    env.enableCheckpointing(100);
    Configuration restart = new Configuration();
    restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    env.configure(restart);
    FAILED_ONCE.set(false);
    DataStream<FlowRecord> in =
        new StageHarness(env)
            .trigger(
                "gen",
                new GeneratorTriggerFactory(),
                TestOptions.of(
                    GeneratorOptions.class, "{count: 300, rate: 200, fields: {id: seq}}"),
                1);
    DataStream<FlowRecord> failing =
        in.map(
                r -> {
                  if (r.get("id").asLong() == 200 && FAILED_ONCE.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected failure");
                  }
                  return r;
                })
            .returns(FlowRecordTypeInfo.INSTANCE);
    new StageHarness(env)
        .publish(
            "out",
            new WriteFilePublisherFactory(),
            StageHarness.options(new WriteFilePublisherFactory(), "{path: '" + dir + "'}"),
            failing);
    env.execute();

    assertThat(FAILED_ONCE).isTrue();
    List<Long> ids = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(f.getFileName().toString()).startsWith("part-").endsWith(".jsonl");
        for (String line : Files.readAllLines(f)) {
          ids.add(Long.parseLong(line.replaceAll("\\D", "")));
        }
      }
    }
    ids.sort(Long::compare);
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 300; i++) {
      expected.add(i);
    }
    assertThat(ids).isEqualTo(expected);
  }

  /** Every file under {@code dir} as "relative/path: content", part-file ids replaced by *. */
  private static List<String> files(Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(f).toString().replaceAll("part-[0-9a-f-]{36}-", "part-*-");
        out.add(rel + ": " + Files.readString(f));
      }
    }
    return out;
  }
}
