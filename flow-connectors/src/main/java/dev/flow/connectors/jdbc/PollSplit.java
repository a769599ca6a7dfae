package dev.flow.connectors.jdbc;

import java.io.IOException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The one split of a {@code Database Poll}: the position (and tie-break key) of the last row read,
 * each as text with its JDBC type, or null before the first row.
 */
public record PollSplit(String position, int positionType, String key, int keyType)
    implements SourceSplit {

  /** The split of a first start: after {@code initialPosition}, or from the start when null. */
  static PollSplit initial(String initialPosition) {
    return new PollSplit(initialPosition, Types.OTHER, null, Types.OTHER);
  }

  @Override
  public String splitId() {
    return "poll";
  }

  /** Serializes a split. */
  static final class Serializer implements SimpleVersionedSerializer<PollSplit> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(PollSplit s) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64);
      write(out, s);
      return out.getCopyOfBuffer();
    }

    @Override
    public PollSplit deserialize(int version, byte[] bytes) throws IOException {
      return read(new DataInputDeserializer(bytes));
    }

    static void write(DataOutputSerializer out, PollSplit s) throws IOException {
      writeText(out, s.position());
      out.writeInt(s.positionType());
      writeText(out, s.key());
      out.writeInt(s.keyType());
    }

    static PollSplit read(DataInputDeserializer in) throws IOException {
      return new PollSplit(readText(in), in.readInt(), readText(in), in.readInt());
    }

    private static void writeText(DataOutputSerializer out, String s) throws IOException {
      out.writeBoolean(s != null);
      if (s != null) {
        out.writeUTF(s);
      }
    }

    private static String readText(DataInputDeserializer in) throws IOException {
      return in.readBoolean() ? in.readUTF() : null;
    }
  }

  /** Serializes the enumerator's state: the split when no reader holds it. */
  static final class PendingSerializer implements SimpleVersionedSerializer<List<PollSplit>> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(List<PollSplit> splits) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64);
      out.writeInt(splits.size());
      for (PollSplit s : splits) {
        Serializer.write(out, s);
      }
      return out.getCopyOfBuffer();
    }

    @Override
    public List<PollSplit> deserialize(int version, byte[] bytes) throws IOException {
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      int n = in.readInt();
      List<PollSplit> splits = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        splits.add(Serializer.read(in));
      }
      return splits;
    }
  }
}
