package dev.flow.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What each stage received, emitted and failed with in a preview. */
public record PreviewResponse(List<Stage> stages) {
  public PreviewResponse {
    stages = stages == null ? List.of() : stages;
  }

  /** The stage called {@code name}, or null. */
  public Stage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  /** One stage's records in a preview. */
  public record Stage(
      String name,
      String action,
      String kind,
      List<JsonNode> input,
      List<JsonNode> output,
      List<JsonNode> errors) {
    public Stage {
      input = input == null ? List.of() : input;
      output = output == null ? List.of() : output;
      errors = errors == null ? List.of() : errors;
    }
  }
}
