package dev.flow.connectors.kinesis;

import dev.flow.connectors.Route;
import dev.flow.connectors.Text;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.util.UUID;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;

/**
 * A record's partition key: computed by {@link Route}, else a field's value, else the run id; cut
 * to the 256 characters Kinesis allows.
 */
final class KinesisPartitionKey implements PartitionKeyGenerator<FlowRecord> {
  private static final long serialVersionUID = 1L;
  static final int MAX_LENGTH = 256;

  private final FieldPath field;

  KinesisPartitionKey(FieldPath field) {
    this.field = field;
  }

  @Override
  public String apply(FlowRecord r) {
    String key = Route.key(r);
    if (key == null && field != null) {
      key = Text.of(r.get(field));
    }
    if (key == null || key.isEmpty()) {
      key = r.runId() != null ? r.runId() : UUID.randomUUID().toString();
    }
    return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
  }
}
