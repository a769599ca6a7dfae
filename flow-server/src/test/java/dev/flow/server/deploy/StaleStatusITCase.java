package dev.flow.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.FlowServer;
import dev.flow.server.deploy.DeploymentStore.Deployment;
import dev.flow.server.deploy.engine.JobState;
import dev.flow.server.deploy.engine.JobStatus;
import dev.flow.server.testing.Api;
import dev.flow.server.testing.Stores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A status poll that read the deployment before an action changed it must not write over that
 * action. The poll's two halves (read the record, ask the engine; then write what changed) are run
 * around a real upgrade and a real stop on the local environment, the interleaving that a page
 * polling every second meets when a user clicks Upgrade or Stop.
 */
class StaleStatusITCase {
  static final String TICKER =
      """
      name: ticker
      stages:
        - name: ticks
          action: Generator
          props:
            fields: {id: seq}
            rate: %d
          out: [drop]
        - name: drop
          action: Trash
          props: {}
      """;

  FlowServer server;
  Api admin;
  Deployments deployments;

  @BeforeEach
  void start() throws Exception {
    server = Stores.start(Stores.freshData(), null);
    admin = new Api("http://127.0.0.1:" + server.port(), server.firstAdminToken().orElseThrow());
    deployments = Deployments.of(server.context());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  JsonNode ok(Api.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    return r.json();
  }

  List<String> actions(String id) {
    return deployments.history(id).stream().map(DeploymentStore.Action::action).toList();
  }

  /** Until the engine runs every task of the deployment's job (a savepoint needs that). */
  void awaitRunning(String id) throws InterruptedException {
    long end = System.nanoTime() + 60_000_000_000L;
    String last = null;
    while (System.nanoTime() < end) {
      last = ok(admin.get("/api/v1/deployments/" + id), 200).at("/engine/flinkState").asText();
      if ("RUNNING".equals(last)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("deployment " + id + " did not run; last Flink state " + last);
  }

  @Test
  void aPollThatReadTheDeploymentBeforeAnUpgradeOrAStopLeavesTheirRecordAlone() throws Exception {
    String flowId =
        ok(admin.post("/api/v1/flows", Map.of("yaml", TICKER.formatted(20))), 201)
            .get("id")
            .asText();
    ok(
        admin.put(
            "/api/v1/flows/" + flowId, Map.of("baseVersion", 1, "yaml", TICKER.formatted(30))),
        200);
    String id =
        ok(
                admin.post(
                    "/api/v1/deployments",
                    Map.of("flowId", flowId, "environment", "local", "version", 1)),
                201)
            .get("id")
            .asText();

    awaitRunning(id);
    // The poll reads the record of version 1, then the user upgrades to version 2.
    Deployment beforeUpgrade = deployments.require(id);
    JsonNode up =
        ok(admin.post("/api/v1/deployments/" + id + "/upgrade", Map.of("toVersion", 2)), 200);
    String newJob = up.get("jobId").asText();
    assertThat(newJob).isNotEqualTo(beforeUpgrade.jobId());
    // The engine now says the job the poll asked about has ended; the poll writes its finding.
    JobStatus oldJob = deployments.live(beforeUpgrade);
    assertThat(oldJob.state().terminal()).as(oldJob.toString()).isTrue();
    Deployment seen = deployments.refresh(beforeUpgrade, oldJob, "status");

    assertThat(seen.jobId()).isEqualTo(newJob);
    // The record as stored (a GET would poll the engine itself).
    Deployment rec = deployments.require(id);
    assertThat(rec.state()).isEqualTo("RUNNING");
    assertThat(rec.jobId()).isEqualTo(newJob);
    assertThat(rec.version()).isEqualTo(2);
    assertThat(actions(id)).last().isEqualTo("upgrade");

    // The same with a stop without a savepoint.
    Deployment beforeStop = deployments.require(id);
    ok(admin.post("/api/v1/deployments/" + id + "/stop", Map.of("savepoint", false)), 200);
    JobStatus stopped = deployments.live(beforeStop);
    assertThat(stopped.state()).isEqualTo(JobState.STOPPED);
    deployments.refresh(beforeStop, stopped, "status");
    assertThat(actions(id)).endsWith("upgrade", "cancel");
    assertThat(deployments.require(id).state()).isEqualTo("STOPPED");
  }
}
