package dev.flow.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A flow in the catalog: its identity, metadata and current version; {@code yaml} is the current
 * version's text, null in lists.
 */
public record Flow(
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

  public Flow {
    labels = labels == null ? Map.of() : labels;
    parameterSets = parameterSets == null ? List.of() : parameterSets;
  }
}
