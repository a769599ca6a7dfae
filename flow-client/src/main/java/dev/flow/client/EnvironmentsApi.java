package dev.flow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.Environment;
import java.util.List;

/** The environments deployments run in (creating and deleting one needs an admin token). */
public final class EnvironmentsApi {
  private static final String ENVIRONMENTS = "/api/v1/environments";

  private final ApiTransport http;

  EnvironmentsApi(ApiTransport http) {
    this.http = http;
  }

  public List<Environment> list() {
    return ApiTransport.items(http.get(ENVIRONMENTS, null, JsonNode.class), Environment.class);
  }

  /** The environment called {@code name}; 404 when there is none. */
  public Environment get(String name) {
    return http.get(path(name), null, Environment.class);
  }

  /** Creates an environment; 409 when the name is taken. */
  public Environment create(Environment e) {
    return http.send("POST", ENVIRONMENTS, null, e, Environment.class);
  }

  /** Deletes an environment no deployment uses. */
  public void delete(String name) {
    http.sendNoContent("DELETE", path(name), null, null);
  }

  private static String path(String name) {
    return ENVIRONMENTS + "/" + Query.encode(name);
  }
}
