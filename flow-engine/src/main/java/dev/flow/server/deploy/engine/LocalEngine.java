package dev.flow.server.deploy.engine;

import dev.flow.FlowCompiler;
import dev.flow.job.SavepointCheck;
import dev.flow.model.Problem;
import dev.flow.translate.CompiledFlow;
import dev.flow.validate.ValidatedFlow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * An embedded Flink (a MiniCluster) inside this process: the default environment, so that flows
 * deploy with no cluster at all. Jobs are compiled here, from the flow's text and parameter sets,
 * and submitted directly; status and stop go through the MiniCluster's REST API, the same code as
 * for a session cluster, and its web UI is linked the same way.
 */
public final class LocalEngine extends FlinkJobsEngine {
  private final MiniCluster cluster;
  private final FlinkJobs jobs;
  private final String restUrl;

  /**
   * Starts the embedded Flink.
   *
   * @param dataDir where checkpoints and savepoints go ({@code checkpoints/}, {@code savepoints/})
   * @param slots task slots, i.e. how many stage instances can run at once
   */
  public LocalEngine(Path dataDir, int slots) throws EngineException {
    Configuration conf = new Configuration();
    conf.set(RestOptions.ADDRESS, "localhost");
    conf.set(RestOptions.BIND_ADDRESS, "localhost");
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
    // The REST API's metrics are refreshed every second, for the live throughput of the server.
    conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
    String checkpoints = dataDir.resolve("checkpoints").toAbsolutePath().toUri().toString();
    String savepoints = dataDir.resolve("savepoints").toAbsolutePath().toUri().toString();
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints);
    conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints);
    try {
      cluster =
          new MiniCluster(
              new MiniClusterConfiguration.Builder()
                  .setConfiguration(conf)
                  .setNumTaskManagers(1)
                  .setNumSlotsPerTaskManager(slots)
                  .build());
      cluster.start();
      restUrl = cluster.getRestAddress().get().toString().replaceAll("/+$", "");
    } catch (Exception e) {
      throw new EngineException("the embedded Flink did not start: " + e.getMessage(), e);
    }
    FlinkRest rest = new FlinkRest(restUrl, Duration.ofSeconds(30));
    jobs = new FlinkJobs(rest, restUrl, savepoints, Duration.ofMinutes(2));
  }

  @Override
  public String kind() {
    return "local";
  }

  /** The embedded Flink's REST API and web UI. */
  public String restUrl() {
    return restUrl;
  }

  @Override
  public JobRef submit(JobRequest request) throws EngineException {
    ValidatedFlow flow = FlowSources.validOrThrow(request);
    if (request.reporting() != null) {
      flow = request.reporting().apply(flow);
    }
    Configuration conf = new Configuration();
    if (request.savepoint() != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, request.savepoint());
      conf.set(
          StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, request.allowNonRestoredState());
    }
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
    try {
      CompiledFlow compiled =
          request.manual() == null
              ? FlowCompiler.translate(flow, env)
              : FlowCompiler.translate(flow, env, request.manual().translators());
      ByteArrayOutputStream notices = new ByteArrayOutputStream();
      List<Problem> lost =
          SavepointCheck.problems(
              flow, env, new PrintStream(notices, true, StandardCharsets.UTF_8));
      if (!lost.isEmpty()) {
        throw new EngineException(SavepointCheck.refusal(), lost);
      }
      StreamGraph graph = env.getStreamGraph();
      graph.setJobName(compiled.jobName());
      JobGraph job = graph.getJobGraph();
      if (request.savepoint() != null) {
        job.setSavepointRestoreSettings(
            SavepointRestoreSettings.forPath(request.savepoint(), request.allowNonRestoredState()));
      }
      String id = cluster.submitJob(job).get().getJobID().toHexString();
      return new JobRef(id, request.name());
    } catch (EngineException e) {
      throw e;
    } catch (Exception e) {
      throw new EngineException("the embedded Flink did not start the flow: " + e.getMessage(), e);
    }
  }

  @Override
  FlinkJobs flink() {
    return jobs;
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception ignored) {
      // Shutting down anyway.
    }
  }
}
