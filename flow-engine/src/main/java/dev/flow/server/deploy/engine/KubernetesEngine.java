package dev.flow.server.deploy.engine;

import dev.flow.job.deploy.K8sManifests;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;
import org.apache.flink.kubernetes.operator.api.status.JobStatus;

/**
 * Kubernetes with the Flink Kubernetes Operator: a flow runs as the ConfigMap, Secret and
 * FlinkDeployment that {@link KubernetesResources} renders, applied through the API server with the
 * fabric8 client. Status comes from the FlinkDeployment's status, which the operator keeps; a stop
 * with a savepoint suspends the job with upgrade mode savepoint and waits for the operator to
 * record the savepoint.
 */
public final class KubernetesEngine implements dev.flow.server.deploy.engine.Engine {
  private final KubernetesClient client;
  private final String namespace;
  private final KubernetesResources.Settings settings;
  private final Duration stopTimeout;

  public KubernetesEngine(
      KubernetesClient client,
      String namespace,
      KubernetesResources.Settings settings,
      Duration stopTimeout) {
    this.client = client;
    this.namespace = namespace;
    this.settings = settings;
    this.stopTimeout = stopTimeout;
  }

  @Override
  public String kind() {
    return "kubernetes";
  }

  @Override
  public JobRef submit(JobRequest request) throws EngineException {
    FlowSources.validOrThrow(request);
    if (request.manual() != null) {
      throw new EngineException("manual runs run on the local environment only");
    }
    KubernetesResources.Rendered r = KubernetesResources.render(request, settings);
    try {
      client.resource(r.configMap()).inNamespace(namespace).createOr(NonDeletingOperation::update);
      if (r.secret() != null) {
        client.resource(r.secret()).inNamespace(namespace).createOr(NonDeletingOperation::update);
      }
      client.resource(r.deployment()).inNamespace(namespace).createOr(NonDeletingOperation::update);
    } catch (KubernetesClientException e) {
      throw new EngineException("the Kubernetes API refused the flow: " + e.getMessage(), e);
    }
    return new JobRef(null, request.name());
  }

  @Override
  public dev.flow.server.deploy.engine.JobStatus status(JobRef job) throws EngineException {
    FlinkDeployment fd = get(job.name());
    return fd == null ? dev.flow.server.deploy.engine.JobStatus.notFound(job) : statusOf(fd);
  }

  private dev.flow.server.deploy.engine.JobStatus statusOf(FlinkDeployment fd) {
    String name = fd.getMetadata().getName();
    var st = fd.getStatus();
    JobStatus js = st == null ? null : st.getJobStatus();
    String flinkState = js == null || js.getState() == null ? null : js.getState().name();
    String jobId = js == null ? null : js.getJobId();
    dev.flow.server.deploy.engine.JobState state;
    if (flinkState == null || flinkState.isEmpty()) {
      state =
          fd.getSpec().getJob().getState() == JobState.SUSPENDED
              ? dev.flow.server.deploy.engine.JobState.STOPPED
              : dev.flow.server.deploy.engine.JobState.STARTING;
    } else {
      state = dev.flow.server.deploy.engine.JobState.ofFlink(flinkState);
    }
    String error = st == null ? null : st.getError();
    return new dev.flow.server.deploy.engine.JobStatus(
        new JobRef(jobId, name), state, flinkState, 0, error, null, null);
  }

  @Override
  public String stop(JobRef job, boolean savepoint) throws EngineException {
    FlinkDeployment fd = get(job.name());
    if (fd == null) {
      throw new EngineException("no FlinkDeployment " + job.name() + " in namespace " + namespace);
    }
    if (!savepoint) {
      client.resource(fd).inNamespace(namespace).delete();
      return null;
    }
    String before = lastSavepoint(fd);
    fd.getSpec().getJob().setUpgradeMode(UpgradeMode.SAVEPOINT);
    fd.getSpec().getJob().setState(JobState.SUSPENDED);
    client.resource(fd).inNamespace(namespace).update();
    long deadline = System.nanoTime() + stopTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      String now = lastSavepoint(get(job.name()));
      if (now != null && !now.equals(before)) {
        return now;
      }
      FlinkJobs.sleep(1000);
    }
    throw new EngineException(
        "the operator recorded no savepoint of " + job.name() + " within " + stopTimeout);
  }

  @Override
  public List<dev.flow.server.deploy.engine.JobStatus> jobs() throws EngineException {
    List<dev.flow.server.deploy.engine.JobStatus> all = new ArrayList<>();
    try {
      for (FlinkDeployment fd :
          client
              .resources(FlinkDeployment.class)
              .inNamespace(namespace)
              .withLabel("app.kubernetes.io/part-of", "flow")
              .list()
              .getItems()) {
        all.add(statusOf(fd));
      }
    } catch (KubernetesClientException e) {
      throw new EngineException("cannot list FlinkDeployments: " + e.getMessage(), e);
    }
    return all;
  }

  /** The label that links a resource to its flow. */
  public static String flowLabel() {
    return K8sManifests.FLOW_LABEL;
  }

  private FlinkDeployment get(String name) throws EngineException {
    try {
      return client.resources(FlinkDeployment.class).inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new EngineException("cannot read FlinkDeployment " + name + ": " + e.getMessage(), e);
    }
  }

  private static String lastSavepoint(FlinkDeployment fd) {
    if (fd == null || fd.getStatus() == null || fd.getStatus().getJobStatus() == null) {
      return null;
    }
    var info = fd.getStatus().getJobStatus().getSavepointInfo();
    return info == null || info.getLastSavepoint() == null
        ? null
        : info.getLastSavepoint().getLocation();
  }

  @Override
  public void close() {
    client.close();
  }
}
