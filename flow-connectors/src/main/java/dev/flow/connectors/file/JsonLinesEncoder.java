package dev.flow.connectors.file;

import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.api.common.serialization.Encoder;

/** Writes each record as one line of JSON; a payload with line breaks is written compactly. */
final class JsonLinesEncoder implements Encoder<FlowRecord> {
  private static final long serialVersionUID = 1L;

  @Override
  public void encode(FlowRecord record, OutputStream out) throws IOException {
    byte[] bytes = record.toJsonBytes();
    if (hasLineBreak(bytes)) {
      bytes = Json.MAPPER.writeValueAsBytes(record.asObjectNode());
    }
    out.write(bytes);
    out.write('\n');
  }

  private static boolean hasLineBreak(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        return true;
      }
    }
    return false;
  }
}
