package dev.flow.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.Json;
import dev.flow.spi.StageKind;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.java.tuple.Tuple3;

/** Sorts tapped records into each stage's input, output and errors. */
final class ResultBuilder {
  private final Map<String, List<JsonNode>> in = new HashMap<>();
  private final Map<String, List<JsonNode>> out = new HashMap<>();
  private final Map<String, List<StageError>> errors = new HashMap<>();

  /** Adds one tapped record: side, stage, payload JSON. */
  void add(Tuple3<String, String, String> tapped) {
    JsonNode payload = parse(tapped.f2);
    switch (tapped.f0) {
      case Tap.IN -> in.computeIfAbsent(tapped.f1, k -> new ArrayList<>()).add(payload);
      case Tap.OUT -> out.computeIfAbsent(tapped.f1, k -> new ArrayList<>()).add(payload);
      default -> {
        String stage = payload.path("stage").asText("");
        errors
            .computeIfAbsent(stage, k -> new ArrayList<>())
            .add(new StageError(payload.path("error").asText(""), payload.get("record"), payload));
      }
    }
  }

  /** The result, with the stages in the flow's order. */
  PreviewResult build(ValidatedFlow flow, boolean timedOut) {
    List<StagePreview> stages = new ArrayList<>();
    for (ResolvedStage s : flow.stages()) {
      List<JsonNode> input = in.getOrDefault(s.name(), List.of());
      List<JsonNode> output =
          s.kind() == StageKind.PUBLISHER ? input : out.getOrDefault(s.name(), List.of());
      stages.add(
          new StagePreview(
              s.name(),
              s.factory().name(),
              s.kind(),
              input,
              output,
              errors.getOrDefault(s.name(), List.of())));
    }
    return new PreviewResult(flow.def().name(), stages, timedOut);
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      return Json.NODES.textNode(json);
    }
  }
}
