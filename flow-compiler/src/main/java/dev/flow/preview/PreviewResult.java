package dev.flow.preview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.Json;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a preview: every stage in the flow's order (each after its inputs), and whether
 * the preview was stopped by its time limit before the flow ended.
 *
 * @param flow the flow's name
 * @param stages one entry per stage, in DAG order
 * @param timedOut true when the time limit stopped the run; the records seen until then are kept
 */
public record PreviewResult(String flow, List<StagePreview> stages, boolean timedOut) {

  public PreviewResult {
    stages = List.copyOf(stages);
  }

  /** The stage called {@code name}; throws when there is none. */
  public StagePreview stage(String name) {
    for (StagePreview s : stages) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no stage \"" + name + "\" in the flow \"" + flow + "\"");
  }

  /** The machine-readable form: flow, timedOut, and each stage's input, output and errors. */
  public ObjectNode toJson() {
    ObjectNode root = Json.NODES.objectNode();
    root.put("flow", flow);
    root.put("timedOut", timedOut);
    ArrayNode list = root.putArray("stages");
    for (StagePreview s : stages) {
      ObjectNode o = list.addObject();
      o.put("name", s.name());
      o.put("action", s.action());
      o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
      o.putArray("input").addAll(s.input());
      o.putArray("output").addAll(s.output());
      ArrayNode errors = o.putArray("errors");
      for (StageError e : s.errors()) {
        ObjectNode eo = errors.addObject();
        eo.put("error", e.message());
        eo.set("record", e.record());
      }
    }
    return root;
  }
}
