package dev.flow.server.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.server.api.ApiJson;
import dev.flow.server.api.Role;
import dev.flow.server.api.Routes;
import dev.flow.server.deploy.engine.EngineException;
import dev.flow.server.deploy.engine.JobMetrics;
import dev.flow.server.deploy.engine.JobRef;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/deployments/{id}/metrics}: the live per-stage throughput of a deployment.
 * Counters come from the engine; the rates per second are the change since the previous call for
 * the same deployment (0 on the first call), so a page that polls every few seconds sees the
 * throughput of the last interval.
 */
final class DeploymentMetricsRoutes {
  private final Deployments deployments;
  private final Engines engines;
  private final Map<String, JobMetrics> previous = new ConcurrentHashMap<>();

  DeploymentMetricsRoutes(Deployments deployments, Engines engines) {
    this.deployments = deployments;
    this.engines = engines;
  }

  void register(Routes r) {
    r.get("/api/v1/deployments/{id}/metrics", Role.READ, this::metrics);
  }

  private void metrics(Context ctx) {
    String id = ctx.pathParam("id");
    DeploymentStore.Deployment d = deployments.require(id);
    JobMetrics now;
    if (d.jobId() == null || Deployments.terminal(d.state())) {
      now = JobMetrics.none();
    } else {
      try {
        now =
            engines
                .of(deployments.environment(d.environment()))
                .metrics(new JobRef(d.jobId(), d.jobName()));
      } catch (EngineException ex) {
        throw Deployments.engineError(ex);
      }
    }
    JobMetrics before = previous.put(id + "/" + d.jobId(), now);
    ApiJson.send(ctx, 200, view(now, before));
  }

  static ObjectNode view(JobMetrics now, JobMetrics before) {
    Map<String, JobMetrics.Stage> last = new HashMap<>();
    double seconds = 0;
    if (before != null) {
      before.stages().forEach(s -> last.put(s.stage(), s));
      seconds = (now.at().toEpochMilli() - before.at().toEpochMilli()) / 1000.0;
    }
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    ArrayNode stages = n.putArray("stages");
    for (JobMetrics.Stage s : now.stages()) {
      JobMetrics.Stage b = last.get(s.stage());
      stages
          .addObject()
          .put("stage", s.stage())
          .put("recordsIn", s.recordsIn())
          .put("recordsOut", s.recordsOut())
          .put("errors", s.errors())
          .put("inPerSecond", rate(s.recordsIn(), b == null ? null : b.recordsIn(), seconds))
          .put("outPerSecond", rate(s.recordsOut(), b == null ? null : b.recordsOut(), seconds));
    }
    n.put("at", now.at().toString());
    return n;
  }

  private static double rate(long now, Long before, double seconds) {
    if (before == null || seconds <= 0 || now < before) {
      return 0;
    }
    return Math.round((now - before) / seconds * 10) / 10.0;
  }
}
