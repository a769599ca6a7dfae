package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Deployment;
import dev.flow.client.model.Flow;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the deployment of a flow by the flow's name, with --env when it runs in several. */
final class Deployed {
  private Deployed() {}

  /** Thrown with a one-line message and a hint when the deployment is not found or ambiguous. */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  static Deployment find(FlowClient client, String project, String name, String env) {
    Flow f = client.flows().byName(project, name);
    List<Deployment> all = client.deployments().list(f.id());
    List<Deployment> in =
        env == null ? all : all.stream().filter(d -> env.equals(d.environment())).toList();
    if (in.isEmpty()) {
      throw new NotFound(
          name
              + " is not deployed"
              + (env == null ? "" : " to " + env)
              + "; deploy it with: flow deploy "
              + name
              + " --env "
              + (env == null ? "local" : env));
    }
    if (in.size() > 1) {
      throw new NotFound(
          name
              + " is deployed to several environments ("
              + in.stream().map(Deployment::environment).sorted().collect(Collectors.joining(", "))
              + "); choose one with --env");
    }
    return client.deployments().get(in.get(0).id());
  }

  /** The status lines of a deployment. */
  static void print(String name, Deployment d, java.io.PrintStream out) {
    out.println(name + " v" + d.version() + " on " + d.environment() + ": " + d.liveState());
    if (d.liveJobId() != null) {
      out.println("  job id:     " + d.liveJobId());
    }
    if (d.engine() != null && d.engine().webUrl() != null) {
      out.println("  Flink UI:   " + d.engine().webUrl());
    }
    if (d.engine() != null && d.engine().restarts() != null && d.engine().restarts() > 0) {
      out.println("  restarts:   " + d.engine().restarts());
    }
    if (d.savepoint() != null) {
      out.println("  savepoint:  " + d.savepoint());
    }
    if (d.liveRootCause() != null) {
      out.println("  root cause: " + d.liveRootCause());
    }
  }
}
