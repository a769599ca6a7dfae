package dev.flow.client.model;

import java.util.List;

/**
 * What to export: some flows of a project by name, or (no names) the whole project; secrets in
 * plain text only when asked, and only for a caller allowed to.
 */
public record ExportRequest(String project, List<String> flows, boolean plainSecrets) {
  public ExportRequest {
    flows = flows == null ? List.of() : List.copyOf(flows);
  }

  /** The whole project, secrets masked. */
  public static ExportRequest project(String project) {
    return new ExportRequest(project, List.of(), false);
  }

  /** These flows of the project, secrets masked. */
  public static ExportRequest flows(String project, List<String> names) {
    return new ExportRequest(project, names, false);
  }

  public ExportRequest withPlainSecrets(boolean plain) {
    return new ExportRequest(project, flows, plain);
  }
}
