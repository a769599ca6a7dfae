package dev.flow.server.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A flow as the API shows it: {@code yaml} (the current version's text) only when asked for one
 * flow, left out of lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredFlow(
    String id,
    String project,
    String name,
    String description,
    Map<String, String> labels,
    int version,
    List<String> parameterSets,
    Instant createdAt,
    Instant updatedAt,
    String yaml) {

  /** The same flow without its YAML. */
  public StoredFlow withoutYaml() {
    return new StoredFlow(
        id, project, name, description, labels, version, parameterSets, createdAt, updatedAt, null);
  }

  public StoredFlow withYaml(String y) {
    return new StoredFlow(
        id, project, name, description, labels, version, parameterSets, createdAt, updatedAt, y);
  }
}
