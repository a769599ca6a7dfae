package dev.flow.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.model.Location;
import dev.flow.preview.Preview;
import java.util.List;
import java.util.Map;

/**
 * One case of a test file.
 *
 * @param name the case's name
 * @param location where the case starts in the test file
 * @param inputs records per stage: a trigger's replace its source, others are fed into the stage
 * @param mocks canned answers per stage that calls a service
 * @param expect the exact records each named stage must output (a publisher: what it would write)
 * @param expectErrors per stage, one message substring per error record it must produce
 * @param ordered true when records must come in the order given
 */
public record TestCase(
    String name,
    Location location,
    Map<String, List<JsonNode>> inputs,
    Map<String, CannedResponder> mocks,
    Map<String, List<JsonNode>> expect,
    Map<String, List<String>> expectErrors,
    boolean ordered) {

  /**
   * Gives {@code preview} this case's input records and mocks; when the case has input, triggers it
   * does not feed emit nothing.
   */
  public Preview applyTo(Preview preview) {
    if (!inputs.isEmpty()) {
      preview.otherTriggers(Preview.OtherTriggers.NONE);
    }
    inputs.forEach(
        (stage, records) ->
            preview.input(stage, records.stream().map(JsonNode::toString).toList()));
    mocks.forEach(preview::mock);
    return preview;
  }
}
