package dev.flow.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What to preview: records for the trigger, or input per stage; bounds in records and seconds; and
 * optionally YAML to preview instead of the stored version. Every field is optional.
 */
public record PreviewRequest(
    List<JsonNode> records,
    Map<String, List<JsonNode>> input,
    Integer limit,
    Integer timeoutSeconds,
    String yaml) {

  /** The stored flow's own trigger, with the server's bounds. */
  public static PreviewRequest stored() {
    return new PreviewRequest(null, null, null, null, null);
  }

  public PreviewRequest withRecords(List<JsonNode> r) {
    return new PreviewRequest(r, input, limit, timeoutSeconds, yaml);
  }

  public PreviewRequest withInput(Map<String, List<JsonNode>> i) {
    return new PreviewRequest(records, i, limit, timeoutSeconds, yaml);
  }

  public PreviewRequest withLimit(int l) {
    return new PreviewRequest(records, input, l, timeoutSeconds, yaml);
  }

  public PreviewRequest withTimeoutSeconds(int s) {
    return new PreviewRequest(records, input, limit, s, yaml);
  }

  public PreviewRequest withYaml(String y) {
    return new PreviewRequest(records, input, limit, timeoutSeconds, y);
  }
}
