package dev.flow.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.api.Internal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a {@link FlowRecord} as compact bytes: a flags byte, the times as zig-zag varints, the
 * metadata, then the payload's JSON bytes as they are, each length-prefixed with a varint. An
 * unchanged payload is never re-encoded, and the original bytes are written only when they differ
 * from the payload. No Kryo, no Java serialization.
 *
 * <p>Format: {@code flags, varlong triggerTime, [runId], [varlong eventTime], [meta], [original],
 * payload}, where each bracketed part is present when its flag is set and each byte section is a
 * varint length followed by the bytes.
 */
@Internal
public final class FlowRecordSerializer extends TypeSerializerSingleton<FlowRecord> {
  private static final long serialVersionUID = 1L;

  public static final FlowRecordSerializer INSTANCE = new FlowRecordSerializer();

  private static final int HAS_RUN_ID = 1;
  private static final int HAS_EVENT_TIME = 2;
  private static final int HAS_META = 4;
  private static final int HAS_ORIGINAL = 8;
  private static final int ORIGINAL_IS_PAYLOAD = 16;

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
    if (original != null) {
      flags |=
          original == payload || Arrays.equals(original, payload)
              ? ORIGINAL_IS_PAYLOAD
              : HAS_ORIGINAL;
    }
    out.writeByte(flags);
    writeVarLong(out, r.triggerTime());
    if ((flags & HAS_RUN_ID) != 0) {
      writeBytes(out, runId.getBytes(StandardCharsets.UTF_8));
    }
    if ((flags & HAS_EVENT_TIME) != 0) {
      writeVarLong(out, r.eventTime());
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
    int flags = in.readUnsignedByte();
    long triggerTime = readVarLong(in);
    String runId = null;
    long eventTime = FlowRecord.NO_TIME;
    ObjectNode meta = null;
    byte[] original = null;
    if ((flags & HAS_RUN_ID) != 0) {
      runId = new String(readBytes(in), StandardCharsets.UTF_8);
    }
    if ((flags & HAS_EVENT_TIME) != 0) {
      eventTime = readVarLong(in);
    }
    if ((flags & HAS_META) != 0) {
      meta = (ObjectNode) Json.MAPPER.readTree(readBytes(in));
    }
    if ((flags & HAS_ORIGINAL) != 0) {
      original = readBytes(in);
    }
    byte[] payload = readBytes(in);
    if ((flags & ORIGINAL_IS_PAYLOAD) != 0) {
      original = payload;
    }
    FlowRecord r = FlowRecord.ofJsonBytes(payload);
    r.runId(runId).triggerTime(triggerTime).eventTime(eventTime).meta(meta).original(original);
    return r;
  }

  @Override
  public FlowRecord deserialize(FlowRecord reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  /** Copies one serialized record without decoding it. */
  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    int flags = in.readUnsignedByte();
    out.writeByte(flags);
    writeVarLong(out, readVarLong(in));
    if ((flags & HAS_RUN_ID) != 0) {
      copyBytes(in, out);
    }
    if ((flags & HAS_EVENT_TIME) != 0) {
      writeVarLong(out, readVarLong(in));
    }
    if ((flags & HAS_META) != 0) {
      copyBytes(in, out);
    }
    if ((flags & HAS_ORIGINAL) != 0) {
      copyBytes(in, out);
    }
    copyBytes(in, out);
  }

  @Override
  public TypeSerializerSnapshot<FlowRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  private static void writeBytes(DataOutputView out, byte[] b) throws IOException {
    writeVarInt(out, b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputView in) throws IOException {
    byte[] b = new byte[readVarInt(in)];
    in.readFully(b);
    return b;
  }

  private static void copyBytes(DataInputView in, DataOutputView out) throws IOException {
    int n = readVarInt(in);
    writeVarInt(out, n);
    out.write(in, n);
  }

  static void writeVarInt(DataOutputView out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  static int readVarInt(DataInputView in) throws IOException {
    int v = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (v < 0) {
          break;
        }
        return v;
      }
    }
    throw new IOException("corrupt record bytes: a bad length");
  }

  /** Zig-zag, so negative times stay short too. */
  static void writeVarLong(DataOutputView out, long value) throws IOException {
    long v = (value << 1) ^ (value >> 63);
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  static long readVarLong(DataInputView in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      long b = in.readUnsignedByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (v >>> 1) ^ -(v & 1);
      }
    }
    throw new IOException("corrupt record bytes: a bad number");
  }

  /** Serializer snapshot; the format has one version so far. The class name must stay. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<FlowRecord> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
