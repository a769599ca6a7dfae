package dev.flow.preview;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One embedded Flink (a MiniCluster in this JVM) that several previews or test cases run on in
 * turn, so each job starts in a fraction of a second and the cluster outlives every job, letting a
 * preview fetch its last records after the job ended.
 */
public final class EmbeddedFlink implements AutoCloseable {
  private static final String TARGET = "flow-embedded";

  private final MiniCluster cluster;

  private EmbeddedFlink(MiniCluster cluster) {
    this.cluster = cluster;
  }

  /** Starts a cluster with {@code slots} task slots. */
  public static EmbeddedFlink start(int slots) throws Exception {
    Configuration conf = new Configuration();
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
    conf.set(RestOptions.BIND_PORT, "0");
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
    cluster.start();
    return new EmbeddedFlink(cluster);
  }

  /** The task slots {@code flow} needs: the highest parallelism of its stages, at least 2. */
  public static int slotsFor(dev.flow.validate.ValidatedFlow flow) {
    int slots = Math.max(2, flow.settings().parallelism());
    for (var s : flow.stages()) {
      slots = Math.max(slots, s.parallelism());
    }
    return slots;
  }

  /** A new environment whose jobs run on this cluster. */
  public StreamExecutionEnvironment environment() {
    Configuration conf = new Configuration();
    conf.set(DeploymentOptions.TARGET, TARGET);
    conf.set(DeploymentOptions.ATTACHED, true);
    return new StreamExecutionEnvironment(
        new Loader(), conf, Thread.currentThread().getContextClassLoader());
  }

  /** True when every task of job {@code id} is running: a streaming job is up. */
  public boolean allTasksRunning(org.apache.flink.api.common.JobID id) throws Exception {
    var graph = cluster.getExecutionGraph(id).get(10, java.util.concurrent.TimeUnit.SECONDS);
    for (var v : graph.getAllExecutionVertices()) {
      if (v.getExecutionState() != org.apache.flink.runtime.execution.ExecutionState.RUNNING) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }

  /** Hands every pipeline to {@link #submit}. */
  private final class Loader implements PipelineExecutorServiceLoader, PipelineExecutorFactory {
    @Override
    public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
      return this;
    }

    @Override
    public Stream<String> getExecutorNames() {
      return Stream.of(TARGET);
    }

    @Override
    public String getName() {
      return TARGET;
    }

    @Override
    public boolean isCompatibleWith(Configuration configuration) {
      return true;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
      return (pipeline, config, classLoader) -> submit(pipeline, config, classLoader);
    }
  }

  private CompletableFuture<JobClient> submit(
      org.apache.flink.api.dag.Pipeline pipeline, Configuration config, ClassLoader classLoader)
      throws Exception {
    var jobGraph = PipelineExecutorUtils.getJobGraph(pipeline, config, classLoader);
    return cluster
        .submitJob(jobGraph)
        .thenApply(
            submitted ->
                new MiniClusterJobClient(
                    submitted.getJobID(),
                    cluster,
                    classLoader,
                    MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
  }
}
