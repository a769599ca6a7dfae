package dev.flow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.Deployment;
import dev.flow.client.model.NewDeployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployments: deploy a flow version to an environment, read its live status, stop, upgrade, roll
 * back, and read its history. A refused upgrade is a {@link FlowApiException} of status 409 and
 * type {@code incompatible-upgrade} whose {@link FlowApiException#problems()} are the located
 * findings.
 */
public final class DeploymentsApi {
  private static final String DEPLOYMENTS = "/api/v1/deployments";

  private final ApiTransport http;

  DeploymentsApi(ApiTransport http) {
    this.http = http;
  }

  public Deployment deploy(NewDeployment d) {
    return http.send("POST", DEPLOYMENTS, null, d, Deployment.class);
  }

  /** A deployment with the status its engine reports now. */
  public Deployment get(String id) {
    return http.get(path(id), null, Deployment.class);
  }

  /** Every deployment, or those of one flow (by id) when {@code flowId} is not null. */
  public List<Deployment> list(String flowId) {
    return ApiTransport.items(
        http.get(DEPLOYMENTS, Query.of().add("flowId", flowId), JsonNode.class), Deployment.class);
  }

  /** Stops with a savepoint, or cancels. */
  public Deployment stop(String id, boolean savepoint) {
    return http.send(
        "POST", path(id) + "/stop", null, Map.of("savepoint", savepoint), Deployment.class);
  }

  /** Upgrades to {@code toVersion} from a savepoint; refused (409) when state would be lost. */
  public Deployment upgrade(String id, int toVersion, boolean allowStateLoss) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("toVersion", toVersion);
    body.put("allowStateLoss", allowStateLoss);
    return http.send("POST", path(id) + "/upgrade", null, body, Deployment.class);
  }

  /** Rolls back to the previously deployed version, the same way as an upgrade. */
  public Deployment rollback(String id, boolean allowStateLoss) {
    return http.send(
        "POST",
        path(id) + "/rollback",
        null,
        Map.of("allowStateLoss", allowStateLoss),
        Deployment.class);
  }

  /** Every action on the deployment, oldest first as the server lists them. */
  public List<Deployment.Action> history(String id) {
    return ApiTransport.items(
        http.get(path(id) + "/history", null, JsonNode.class), Deployment.Action.class);
  }

  private static String path(String id) {
    return DEPLOYMENTS + "/" + Query.encode(id);
  }
}
