package dev.flow.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.spi.StageKind;
import java.util.List;

/**
 * What one stage did in a preview: the records it read, the records it emitted (for a publisher,
 * what it would have written: the records it read), and the records it failed on.
 *
 * @param name the stage's name
 * @param action the action's display name
 * @param kind trigger, transform or publisher
 * @param input the records the stage read, in arrival order; empty for a trigger
 * @param output the records it emitted, in arrival order
 * @param errors the records it failed on, with their messages
 */
public record StagePreview(
    String name,
    String action,
    StageKind kind,
    List<JsonNode> input,
    List<JsonNode> output,
    List<StageError> errors) {

  public StagePreview {
    input = List.copyOf(input);
    output = List.copyOf(output);
    errors = List.copyOf(errors);
  }
}
