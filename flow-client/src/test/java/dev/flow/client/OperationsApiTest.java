package dev.flow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.client.model.Deployment;
import dev.flow.client.model.Environment;
import dev.flow.client.model.ErrorRecord;
import dev.flow.client.model.NewDeployment;
import dev.flow.client.model.Page;
import dev.flow.client.model.Run;
import dev.flow.client.model.RunQuery;
import dev.flow.client.model.RunStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Environments, deployments, runs, error records and trigger on the wire, against a real server.
 */
class OperationsApiTest {
  private static final String DEPLOYMENT =
      "{\"id\":\"d1\",\"flowId\":\"f1\",\"environment\":\"local\",\"jobName\":\"flow-qs\","
          + "\"version\":2,\"previousVersion\":1,\"parameterSets\":[\"orders\"],\"jobId\":\"j0\","
          + "\"state\":\"STARTING\",\"engine\":{\"state\":\"RUNNING\",\"flinkState\":\"RUNNING\","
          + "\"jobId\":\"j1\",\"restarts\":0,\"webUrl\":\"http://localhost:8081/#/job/j1\"}}";

  private RecordingServer server;
  private FlowClient client;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    client = FlowClient.builder(server.url()).token("t").build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void environments() {
    server.json(
        200,
        "{\"items\":[{\"name\":\"local\",\"kind\":\"local\",\"config\":{},"
            + "\"createdAt\":\"2026-12-01T10:00:00Z\"}]}");
    List<Environment> all = client.environments().list();
    assertThat(all)
        .extracting(Environment::name, Environment::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("local", "local"));
    assertThat(server.last().path()).isEqualTo("/api/v1/environments");

    server.json(201, "{\"name\":\"prod flink\",\"kind\":\"flink-session\"}");
    client
        .environments()
        .create(
            Environment.of(
                "prod flink",
                "flink-session",
                ApiTransport.MAPPER.valueToTree(Map.of("restUrl", "http://f:8081"))));
    assertThat(server.last().method()).isEqualTo("POST");
    assertThat(server.last().bodyText())
        .isEqualTo(
            "{\"name\":\"prod flink\",\"kind\":\"flink-session\","
                + "\"config\":{\"restUrl\":\"http://f:8081\"}}");

    server.json(204, "");
    client.environments().delete("prod flink");
    assertThat(server.last().method()).isEqualTo("DELETE");
    assertThat(server.last().path()).isEqualTo("/api/v1/environments/prod%20flink");
  }

  @Test
  void deployStatusStopUpgradeRollbackHistory() {
    server.json(201, DEPLOYMENT);
    Deployment d =
        client
            .deployments()
            .deploy(
                NewDeployment.byName("shop", "qs", "local")
                    .withVersion(2)
                    .withParameterSets(List.of("orders")));
    assertThat(server.last().bodyText())
        .isEqualTo(
            "{\"flow\":\"qs\",\"project\":\"shop\",\"environment\":\"local\",\"version\":2,"
                + "\"parameterSets\":[\"orders\"]}");
    assertThat(d.liveState()).isEqualTo("RUNNING");
    assertThat(d.liveJobId()).isEqualTo("j1");
    assertThat(d.engine().webUrl()).isEqualTo("http://localhost:8081/#/job/j1");

    server.json(200, "{\"items\":[" + DEPLOYMENT + "]}");
    assertThat(client.deployments().list("f1")).extracting(Deployment::id).containsExactly("d1");
    assertThat(server.last().query()).isEqualTo("flowId=f1");

    server.json(200, DEPLOYMENT);
    client.deployments().stop("d1", true);
    assertThat(server.last().path()).isEqualTo("/api/v1/deployments/d1/stop");
    assertThat(server.last().bodyText()).isEqualTo("{\"savepoint\":true}");

    server.json(200, DEPLOYMENT);
    client.deployments().upgrade("d1", 3, false);
    assertThat(server.last().path()).isEqualTo("/api/v1/deployments/d1/upgrade");
    assertThat(server.last().bodyText()).isEqualTo("{\"toVersion\":3,\"allowStateLoss\":false}");

    server.json(200, DEPLOYMENT);
    client.deployments().rollback("d1", false);
    assertThat(server.last().bodyText()).isEqualTo("{\"allowStateLoss\":false}");

    server.json(
        200,
        "{\"items\":[{\"action\":\"deploy\",\"actor\":\"admin\",\"at\":\"2026-12-01T10:00:00Z\","
            + "\"version\":1,\"jobId\":\"j0\"}]}");
    assertThat(client.deployments().history("d1"))
        .extracting(Deployment.Action::action, Deployment.Action::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("deploy", 1));
  }

  @Test
  void aRefusedUpgradeCarriesTheLocatedFindings() {
    server.problem(
        409,
        "{\"type\":\"incompatible-upgrade\",\"title\":\"The upgrade would lose state\","
            + "\"status\":409,\"detail\":\"version 3 cannot restore a savepoint of version 2\","
            + "\"problems\":[{\"severity\":\"ERROR\",\"code\":\"state-uid-changed\","
            + "\"message\":\"stage 'dedupe' changed its key\",\"file\":\"qs.yaml\",\"line\":7,"
            + "\"column\":5}],\"fromVersion\":2,\"toVersion\":3}");
    assertThatThrownBy(() -> client.deployments().upgrade("d1", 3, false))
        .isInstanceOfSatisfying(
            FlowApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.type()).endsWith("incompatible-upgrade");
              assertThat(e.problems()).hasSize(1);
              assertThat(e.intProperty("toVersion")).isEqualTo(3);
            });
  }

  @Test
  void runsAndStats() {
    server.json(
        200,
        "{\"items\":[{\"runId\":\"r2\",\"flow\":\"qs\",\"flowId\":\"f1\",\"deploymentId\":null,"
            + "\"version\":2,\"environment\":\"local\",\"manual\":true,\"status\":\"error\","
            + "\"trigger\":\"manual\",\"start\":\"2026-12-01T10:00:00Z\","
            + "\"end\":\"2026-12-01T10:00:01Z\",\"durationMs\":1000,\"published\":3,"
            + "\"errors\":1,\"failedStage\":\"parse\",\"error\":\"bad json\"}],"
            + "\"page\":0,\"size\":50,\"total\":1}");
    Page<Run> p = client.runs().list(RunQuery.ofFlow("qs").withStatus("error").withSize(50));
    assertThat(server.last().path()).isEqualTo("/api/v1/runs");
    assertThat(server.last().query()).isEqualTo("flow=qs&status=error&size=50");
    assertThat(p.total()).isEqualTo(1);
    Run r = p.items().get(0);
    assertThat(r.manual()).isTrue();
    assertThat(r.failedStage()).isEqualTo("parse");
    assertThat(r.durationMs()).isEqualTo(1000L);

    server.json(200, "{\"runId\":\"r2\",\"status\":\"success\"}");
    assertThat(client.runs().get("r2").status()).isEqualTo("success");
    assertThat(server.last().path()).isEqualTo("/api/v1/runs/r2");

    server.json(
        200,
        "{\"flows\":[{\"flow\":\"qs\",\"runs\":4,\"success\":3,\"error\":1,"
            + "\"durationMs\":{\"avg\":250.5,\"p50\":200,\"p95\":900,\"max\":1000},"
            + "\"lastRun\":\"2026-12-01T10:00:00Z\"}]}");
    RunStats s = client.runs().stats("qs", "2026-12-01T00:00:00Z", null);
    assertThat(server.last().path()).isEqualTo("/api/v1/runs/stats");
    assertThat(server.last().query()).isEqualTo("flow=qs&from=2026-12-01T00%3A00%3A00Z");
    assertThat(s.flows().get(0).error()).isEqualTo(1);
    assertThat(s.flows().get(0).durationMs().p95()).isEqualTo(900L);
  }

  @Test
  void errorRecordsAndTrigger() {
    server.json(
        200,
        "{\"items\":[{\"id\":7,\"flow\":\"qs\",\"stage\":\"parse\",\"error\":\"bad\","
            + "\"record\":{\"a\":1},\"bytes\":null,\"replayedBy\":null}],"
            + "\"page\":0,\"size\":50,\"total\":1}");
    Page<ErrorRecord> p = client.errorRecords().list("qs", "parse", null, null);
    assertThat(server.last().query()).isEqualTo("flow=qs&stage=parse");
    assertThat(p.items().get(0).id()).isEqualTo(7L);
    assertThat(p.items().get(0).record().path("a").asInt()).isEqualTo(1);

    server.json(200, "{\"deleted\":4}");
    assertThat(client.errorRecords().delete("qs", null)).isEqualTo(4);
    assertThat(server.last().method()).isEqualTo("DELETE");
    assertThat(server.last().query()).isEqualTo("flow=qs");

    server.json(202, "{\"runIds\":[\"r9\"]}");
    assertThat(client.errorRecords().replay(List.of(7L, 8L), null)).containsExactly("r9");
    assertThat(server.last().path()).isEqualTo("/api/v1/error-records/replay");
    assertThat(server.last().bodyText()).isEqualTo("{\"ids\":[7,8]}");

    server.json(202, "{\"runIds\":[\"r1\",\"r2\"]}");
    assertThat(client.flows().trigger("f1", List.of(Map.of("a", 1)), 2, null))
        .containsExactly("r1", "r2");
    assertThat(server.last().path()).isEqualTo("/api/v1/flows/f1/trigger");
    assertThat(server.last().bodyText()).isEqualTo("{\"records\":[{\"a\":1}],\"version\":2}");
  }
}
