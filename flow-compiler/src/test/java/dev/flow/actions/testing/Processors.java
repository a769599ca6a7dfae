package dev.flow.actions.testing;

import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.spi.ProcessorContext;
import dev.flow.spi.RecordProcessor;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.InstantiationUtil;

/** Runs a {@link RecordProcessor} on records without Flink, the way one parallel instance does. */
public final class Processors {
  private Processors() {}

  /**
   * Serializes and deserializes {@code processor} (as the job does), opens it, and returns the JSON
   * text of each output record of {@code inputJson}.
   */
  public static List<String> run(RecordProcessor processor, String... inputJson) throws Exception {
    List<String> out = new ArrayList<>();
    for (FlowRecord r : runRecords(processor, inputJson)) {
      out.add(r.toJson());
    }
    return out;
  }

  /** Like {@link #run} but returns the output records. */
  public static List<FlowRecord> runRecords(RecordProcessor processor, String... inputJson)
      throws Exception {
    RecordProcessor copy = InstantiationUtil.clone(processor, Processors.class.getClassLoader());
    copy.open(new Context());
    List<FlowRecord> out = new ArrayList<>();
    ListCollector<FlowRecord> collector = new ListCollector<>(out);
    for (String json : inputJson) {
      copy.process(record(json), collector);
    }
    copy.close();
    return out;
  }

  /** A record with this JSON payload, run id {@code run-1} and trigger time 1000. */
  public static FlowRecord record(String json) {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return FlowRecord.parseJson(bytes).runId("run-1").triggerTime(1000).original(bytes);
  }

  /** Compact JSON of a YAML-ish JSON text, for readable expectations. */
  public static String json(String json) throws Exception {
    return Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(json));
  }

  /** A processor context for one instance of a stage named {@code test}. */
  static final class Context implements ProcessorContext {
    @Override
    public String flowName() {
      return "test-flow";
    }

    @Override
    public String stageName() {
      return "test";
    }

    @Override
    public MetricGroup metrics() {
      return UnregisteredMetricsGroup.createOperatorMetricGroup();
    }

    @Override
    public int subtaskIndex() {
      return 0;
    }

    @Override
    public int parallelism() {
      return 1;
    }
  }
}
