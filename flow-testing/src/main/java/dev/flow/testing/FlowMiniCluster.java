package dev.flow.testing;

import dev.flow.record.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;

/** The shared MiniCluster of integration tests and the environment every Flow job uses. */
public final class FlowMiniCluster {
  private FlowMiniCluster() {}

  /** One task manager with four slots. */
  public static MiniClusterExtension extension() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());
  }

  /** An environment set up as Flow sets up jobs: no generic types, object reuse on. */
  public static StreamExecutionEnvironment env(int parallelism) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    return env;
  }

  /** Drains an iterator of records into their JSON text. */
  public static List<String> json(CloseableIterator<FlowRecord> it) throws Exception {
    List<String> out = new ArrayList<>();
    try (it) {
      while (it.hasNext()) {
        out.add(it.next().toJson());
      }
    }
    return out;
  }

  /** Drains an iterator of records. */
  public static List<FlowRecord> records(CloseableIterator<FlowRecord> it) throws Exception {
    List<FlowRecord> out = new ArrayList<>();
    try (it) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }
}
