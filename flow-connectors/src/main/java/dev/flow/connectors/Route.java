package dev.flow.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.spi.RecordProcessor;
import org.apache.flink.util.Collector;

/**
 * Works out per record where a publisher sends it (a topic or stream) and under which key, before
 * the sink, so a record whose destination cannot be computed goes to the error stage instead of
 * failing the job. The results are kept in the record's metadata under {@value #META}.
 */
public final class Route implements RecordProcessor {
  private static final long serialVersionUID = 1L;

  /** The metadata field holding the computed destination and key. */
  public static final String META = "_route";

  private final String what;
  private final FieldPath targetField;
  private final Expression targetExpression;
  private final Expression keyExpression;

  /**
   * @param what what the destination is called in messages, e.g. {@code topic}
   * @param targetField the field holding the destination, or null
   * @param targetExpression the expression computing the destination, or null
   * @param keyExpression the expression computing the key, or null
   */
  public Route(
      String what, FieldPath targetField, Expression targetExpression, Expression keyExpression) {
    this.what = what;
    this.targetField = targetField;
    this.targetExpression = targetExpression;
    this.keyExpression = keyExpression;
  }

  /** True when some part of the destination or key is computed per record. */
  public boolean isNeeded() {
    return targetField != null || targetExpression != null || keyExpression != null;
  }

  @Override
  public void process(FlowRecord record, Collector<FlowRecord> out) {
    ObjectNode route = record.metaForWrite().putObject(META);
    if (targetField != null) {
      String t = Text.of(record.get(targetField));
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException(
            "the field '" + targetField + "' that names the " + what + " is missing or empty");
      }
      route.put("target", t);
    } else if (targetExpression != null) {
      String t = Text.of(targetExpression.evaluate(record));
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException(
            "the " + what + " expression '" + targetExpression.source() + "' gave no " + what);
      }
      route.put("target", t);
    }
    if (keyExpression != null) {
      String k = Text.of(keyExpression.evaluate(record));
      if (k != null) {
        route.put("key", k);
      }
    }
    out.collect(record);
  }

  /** The destination computed for {@code record}, or {@code fallback}. */
  public static String target(FlowRecord record, String fallback) {
    JsonNode r = record.builtMeta() == null ? null : record.builtMeta().get(META);
    JsonNode t = r == null ? null : r.get("target");
    return t == null ? fallback : t.textValue();
  }

  /** The key computed for {@code record}, or null. */
  public static String key(FlowRecord record) {
    JsonNode r = record.builtMeta() == null ? null : record.builtMeta().get(META);
    JsonNode k = r == null ? null : r.get("key");
    return k == null ? null : k.textValue();
  }
}
