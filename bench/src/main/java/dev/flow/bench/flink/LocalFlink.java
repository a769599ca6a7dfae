package dev.flow.bench.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Local Flink environments configured alike for every variant. */
public final class LocalFlink {
  private LocalFlink() {}

  /** A local environment with {@code parallelism} slots and object reuse as given. */
  public static StreamExecutionEnvironment env(int parallelism, boolean objectReuse) {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    conf.set(PipelineOptions.OBJECT_REUSE, objectReuse);
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(64));
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    if (objectReuse) {
      env.getConfig().enableObjectReuse();
    }
    return env;
  }
}
