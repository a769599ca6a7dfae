package dev.flow.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a {@link FlowRecord} as compact bytes: a flags byte, the metadata, then the payload's JSON
 * bytes as they are. An unchanged payload is never re-encoded. No Kryo, no Java serialization.
 */
public final class FlowRecordSerializer extends TypeSerializerSingleton<FlowRecord> {
  private static final long serialVersionUID = 1L;

  public static final FlowRecordSerializer INSTANCE = new FlowRecordSerializer();

  private static final int HAS_RUN_ID = 1;
  private static final int HAS_EVENT_TIME = 2;
  private static final int HAS_META = 4;
  private static final int HAS_ORIGINAL = 8;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public FlowRecord createInstance() {
    return FlowRecord.empty();
  }

  @Override
  public FlowRecord copy(FlowRecord from) {
    return from.copy();
  }

  @Override
  public FlowRecord copy(FlowRecord from, FlowRecord reuse) {
    return from.copy();
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(FlowRecord r, DataOutputView out) throws IOException {
    int flags = 0;
    String runId = r.runId();
    ObjectNode meta = r.meta();
    byte[] original = r.original();
    byte[] payload = r.toJsonBytes();
    if (runId != null) {
      flags |= HAS_RUN_ID;
    }
    if (r.eventTime() != FlowRecord.NO_TIME) {
      flags |= HAS_EVENT_TIME;
    }
    if (meta != null && !meta.isEmpty()) {
      flags |= HAS_META;
    }
    // The original is written only when it differs from the payload's bytes.
    if (original != null && original != payload) {
      flags |= HAS_ORIGINAL;
    }
    out.writeByte(flags);
    out.writeLong(r.triggerTime());
    if ((flags & HAS_RUN_ID) != 0) {
      writeBytes(out, runId.getBytes(StandardCharsets.UTF_8));
    }
    if ((flags & HAS_EVENT_TIME) != 0) {
      out.writeLong(r.eventTime());
    }
    if ((flags & HAS_META) != 0) {
      writeBytes(out, Json.MAPPER.writeValueAsBytes(meta));
    }
    if ((flags & HAS_ORIGINAL) != 0) {
      writeBytes(out, original);
    }
    writeBytes(out, payload);
  }

  @Override
  public FlowRecord deserialize(DataInputView in) throws IOException {
    int flags = in.readByte();
    long triggerTime = in.readLong();
    String runId = null;
    long eventTime = FlowRecord.NO_TIME;
    ObjectNode meta = null;
    byte[] original = null;
    if ((flags & HAS_RUN_ID) != 0) {
      runId = new String(readBytes(in), StandardCharsets.UTF_8);
    }
    if ((flags & HAS_EVENT_TIME) != 0) {
      eventTime = in.readLong();
    }
    if ((flags & HAS_META) != 0) {
      meta = (ObjectNode) Json.MAPPER.readTree(readBytes(in));
    }
    if ((flags & HAS_ORIGINAL) != 0) {
      original = readBytes(in);
    }
    byte[] payload = readBytes(in);
    FlowRecord r = FlowRecord.ofJsonBytes(payload);
    r.runId(runId).triggerTime(triggerTime).eventTime(eventTime).meta(meta);
    r.original(original != null ? original : null);
    return r;
  }

  @Override
  public FlowRecord deserialize(FlowRecord reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<FlowRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  private static void writeBytes(DataOutputView out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputView in) throws IOException {
    int n = in.readInt();
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  /** Serializer snapshot; the format has one version so far. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<FlowRecord> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
