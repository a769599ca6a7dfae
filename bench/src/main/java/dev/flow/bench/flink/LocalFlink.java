package dev.flow.bench.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.util.MiniClusterWithClientResource;

/**
 * One local Flink cluster for the whole run, started once, and environments on it configured alike
 * for every variant. Sharing the cluster keeps the run short: a job starts in about a second
 * instead of three.
 */
public final class LocalFlink {
  /** Task slots of the shared cluster: enough for the parallelism-2 scenarios. */
  public static final int SLOTS = 2;

  private static MiniClusterWithClientResource cluster;

  private LocalFlink() {}

  /** Starts the shared cluster when it is not running. */
  public static synchronized void start() throws Exception {
    if (cluster != null) {
      return;
    }
    Configuration conf = new Configuration();
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(64));
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(128));
    cluster =
        new MiniClusterWithClientResource(
            new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(conf)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(SLOTS)
                .build());
    cluster.before();
  }

  /** The shared cluster, started when it is not running. */
  public static synchronized MiniCluster miniCluster() throws Exception {
    start();
    return cluster.getMiniCluster();
  }

  /** Stops the shared cluster. */
  public static synchronized void stop() {
    if (cluster != null) {
      cluster.after();
      cluster = null;
    }
  }

  /** An environment on the shared cluster with this parallelism and object reuse as given. */
  public static StreamExecutionEnvironment env(int parallelism, boolean objectReuse)
      throws Exception {
    start();
    TestStreamEnvironment.setAsContext(cluster.getMiniCluster(), parallelism);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    if (objectReuse) {
      env.getConfig().enableObjectReuse();
    } else {
      env.getConfig().disableObjectReuse();
    }
    return env;
  }
}
