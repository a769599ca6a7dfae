package dev.flow.actions.remap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.actions.remap.RemapFieldsOptions.RedactMode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.spi.RecordProcessor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.flink.util.Collector;

/** Applies keep, drop, redact, rename and set, in that order, to each record. */
final class RemapProcessor implements RecordProcessor {
  private static final long serialVersionUID = 1L;

  private final RemapPlan plan;
  private transient MessageDigest sha256;

  RemapProcessor(RemapPlan plan) {
    this.plan = plan;
  }

  /** Computes on the record in memory only: no try could fail transiently. */
  @Override
  public boolean mayFailTransiently() {
    return false;
  }

  @Override
  public void process(FlowRecord record, Collector<FlowRecord> out) throws Exception {
    if (plan.strict()) {
      // Checked on the input, so a failing record reaches the error stage unchanged.
      require("rename", plan.renameFrom(), record);
      require("redact", plan.redact(), record);
    }
    if (!plan.keep().isEmpty()) {
      keep(record);
    }
    for (FieldPath p : plan.drop()) {
      record.drop(p);
    }
    for (FieldPath p : plan.redact()) {
      JsonNode v = record.get(p);
      if (v != null) {
        record.set(p, redacted(v));
      }
    }
    rename(record);
    for (int i = 0; i < plan.setPaths().size(); i++) {
      record.set(plan.setPaths().get(i), plan.setValues().get(i).deepCopy());
    }
    out.collect(record);
  }

  private void keep(FlowRecord record) {
    ObjectNode kept = Json.NODES.objectNode();
    FlowRecord target = FlowRecord.of(kept);
    for (FieldPath p : plan.keep()) {
      JsonNode v = record.get(p);
      if (v != null) {
        target.set(p, v);
      }
    }
    record.setPayload(target.asObjectNode());
  }

  private void rename(FlowRecord record) {
    if (!plan.renameFrom().isEmpty()) {
      record.renameAll(plan.renameFrom(), plan.renameTo());
    }
  }

  private static void require(String op, List<FieldPath> paths, FlowRecord record) {
    for (FieldPath p : paths) {
      if (!record.has(p)) {
        throw new IllegalArgumentException(op + ": field '" + p + "' is missing");
      }
    }
  }

  private JsonNode redacted(JsonNode v) throws Exception {
    if (plan.redactMode() == RedactMode.MASK) {
      return Json.NODES.textNode(plan.redactWith());
    }
    if (sha256 == null) {
      sha256 = MessageDigest.getInstance("SHA-256");
    }
    String text = v.isTextual() ? v.textValue() : Json.MAPPER.writeValueAsString(v);
    byte[] hash = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
    return Json.NODES.textNode(HexFormat.of().formatHex(hash));
  }
}
