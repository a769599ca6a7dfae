package com.example.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flow.record.FlowRecord;
import dev.flow.testing.CapturedRun;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.StageHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Uppercase action, run as a stage of a real job and as a stage of a flow in YAML. */
class UppercaseTransformITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  @Test
  void upperCasesTheFieldAndSendsANonTextValueToTheErrors() throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    StageHarness h = new StageHarness(env);
    UppercaseOptions options = StageHarness.options(new UppercaseTransformFactory(), "{field: name}");
    DataStream<FlowRecord> out =
        h.transform(
            "shout",
            new UppercaseTransformFactory(),
            options,
            h.records("{\"name\":\"ada\"}", "{\"id\":2}", "{\"name\":7}"));
    out.sinkTo(new CollectSink("uppercase-out"));
    h.errors().sinkTo(new CollectSink("uppercase-errors"));
    env.execute();

    assertEquals(
        List.of("{\"name\":\"ADA\"}", "{\"id\":2}"), CollectSink.payloads("uppercase-out"));
    List<FlowRecord> errors = CollectSink.received("uppercase-errors");
    assertEquals(1, errors.size());
    assertEquals("shout", errors.get(0).get("stage").asText());
    assertEquals("field 'name' is number, not text", errors.get(0).get("error").asText());
  }

  @Test
  void anUnknownPropIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StageHarness.options(new UppercaseTransformFactory(), "{feild: name}"));
    assertEquals(true, e.getMessage().contains("feild"), e.getMessage());
  }

  @Test
  void aValueLongerThanMaxLengthGoesToTheErrors() throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    StageHarness h = new StageHarness(env);
    UppercaseOptions options =
        StageHarness.options(new UppercaseTransformFactory(), "{field: name, maxLength: 3}");
    DataStream<FlowRecord> out =
        h.transform(
            "shout",
            new UppercaseTransformFactory(),
            options,
            h.records("{\"name\":\"ada\"}", "{\"name\":\"grace\"}"));
    out.sinkTo(new CollectSink("uppercase-short-out"));
    h.errors().sinkTo(new CollectSink("uppercase-short-errors"));
    env.execute();

    assertEquals(List.of("{\"name\":\"ADA\"}"), CollectSink.payloads("uppercase-short-out"));
    List<FlowRecord> errors = CollectSink.received("uppercase-short-errors");
    assertEquals(1, errors.size());
    assertEquals(
        "field 'name' is longer than 3 characters", errors.get(0).get("error").asText());
  }

  /** flows/uppercase.yaml, compiled and run with its publisher captured. */
  @Test
  void theFlowInYamlUsesTheAction() throws Exception {
    CapturedRun run =
        CapturedRun.run("uppercase-flow", Files.readString(Path.of("flows/uppercase.yaml")));
    assertEquals(
        List.of("{\"id\":1,\"name\":\"ADA\"}", "{\"id\":2,\"name\":\"BOB\"}"),
        run.at("print"));
  }
}
