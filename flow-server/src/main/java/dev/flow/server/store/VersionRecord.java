package dev.flow.server.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One immutable version of a flow; {@code yaml} is left out of lists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionRecord(
    String flowId, int version, String yaml, String author, String message, Instant createdAt) {

  public VersionRecord withoutYaml() {
    return new VersionRecord(flowId, version, null, author, message, createdAt);
  }
}
