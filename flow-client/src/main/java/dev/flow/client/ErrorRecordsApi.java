package dev.flow.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.ErrorRecord;
import dev.flow.client.model.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records stages could not process: list, read, delete, and replay them. */
public final class ErrorRecordsApi {
  private static final String ERRORS = "/api/v1/error-records";

  private final ApiTransport http;

  ErrorRecordsApi(ApiTransport http) {
    this.http = http;
  }

  /** The error records of {@code flow}, optionally of one stage (null: all), newest first. */
  public Page<ErrorRecord> list(String flow, String stage, Integer page, Integer size) {
    return http.get(
        ERRORS,
        Query.of().add("flow", flow).add("stage", stage).add("page", page).add("size", size),
        new TypeReference<Page<ErrorRecord>>() {});
  }

  public ErrorRecord get(long id) {
    return http.get(ERRORS + "/" + id, null, ErrorRecord.class);
  }

  /** Deletes the error records of {@code flow} (optionally of one stage); the number deleted. */
  public long delete(String flow, String stage) {
    JsonNode n =
        http.send(
            "DELETE",
            ERRORS,
            Query.of().add("flow", flow).add("stage", stage),
            null,
            JsonNode.class);
    return n.path("deleted").asLong();
  }

  /** Replays records through the flow (version null: the deployed one); the new runs' ids. */
  public List<String> replay(List<Long> ids, Integer version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ids", ids);
    if (version != null) {
      body.put("version", version);
    }
    return runIds(http.send("POST", ERRORS + "/replay", null, body, JsonNode.class));
  }

  static List<String> runIds(JsonNode n) {
    List<String> ids = new ArrayList<>();
    n.path("runIds").forEach(id -> ids.add(id.asText()));
    return ids;
  }
}
