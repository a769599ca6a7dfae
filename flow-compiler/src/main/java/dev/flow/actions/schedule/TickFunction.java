package dev.flow.actions.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.time.Instant;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/** Makes the record of one tick: its number, the time it was due, and the constant fields. */
final class TickFunction implements GeneratorFunction<Long, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final ScheduleClock clock;
  private final String fieldsJson;

  TickFunction(ScheduleClock clock, JsonNode fields) {
    this.clock = clock;
    this.fieldsJson = fields == null || fields.isNull() ? null : fields.toString();
  }

  @Override
  public FlowRecord map(Long index) throws Exception {
    return tick(index, clock.take());
  }

  /** The record of tick {@code index} (0-based), due at {@code dueMillis}. */
  FlowRecord tick(long index, long dueMillis) throws Exception {
    ObjectNode payload = Json.NODES.objectNode();
    payload.put("tick", index + 1);
    payload.put("scheduledTime", Instant.ofEpochMilli(dueMillis).toString());
    if (fieldsJson != null) {
      payload.setAll((ObjectNode) Json.MAPPER.readTree(fieldsJson));
    }
    return FlowRecord.of(payload).triggerTime(dueMillis);
  }
}
