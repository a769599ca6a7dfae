package dev.flow.testing;

import dev.flow.record.FlowRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A test sink that makes records visible only when the checkpoint that covers them completes, and
 * commits each batch once, so a job that restarts shows exactly the records of an uninterrupted
 * run. Results are kept in memory under a name.
 */
public final class ExactlyOnceCollectSink
    implements Sink<FlowRecord>, SupportsCommitter<ExactlyOnceCollectSink.Batch> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<String>> COMMITTED = new ConcurrentHashMap<>();
  private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

  private final String name;

  public ExactlyOnceCollectSink(String name) {
    this.name = name;
    COMMITTED.put(name, Collections.synchronizedList(new ArrayList<>()));
  }

  /** The committed payloads of the sink called {@code name}. */
  public static List<String> committed(String name) {
    List<String> l = COMMITTED.getOrDefault(name, List.of());
    synchronized (l) {
      return List.copyOf(l);
    }
  }

  /** The records written between two checkpoints, with an id so it is committed once. */
  public record Batch(String id, List<String> payloads) {}

  @Override
  @SuppressWarnings("deprecation")
  public org.apache.flink.api.connector.sink2.SinkWriter<FlowRecord> createWriter(
      InitContext context) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CommittingSinkWriter<FlowRecord, Batch> createWriter(WriterInitContext context) {
    return new CommittingSinkWriter<>() {
      private List<String> pending = new ArrayList<>();

      @Override
      public void write(FlowRecord element, Context ctx) {
        pending.add(element.toJson());
      }

      @Override
      public Collection<Batch> prepareCommit() {
        Batch b = new Batch(UUID.randomUUID().toString(), pending);
        pending = new ArrayList<>();
        return List.of(b);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }

  @Override
  public Committer<Batch> createCommitter(CommitterInitContext context) {
    String target = name;
    return new Committer<>() {
      @Override
      public void commit(Collection<CommitRequest<Batch>> requests) {
        for (CommitRequest<Batch> r : requests) {
          if (DONE.add(r.getCommittable().id())) {
            COMMITTED
                .computeIfAbsent(target, k -> Collections.synchronizedList(new ArrayList<>()))
                .addAll(r.getCommittable().payloads());
          }
        }
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public SimpleVersionedSerializer<Batch> getCommittableSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(Batch b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(b.id());
        out.writeInt(b.payloads().size());
        for (String p : b.payloads()) {
          out.writeUTF(p);
        }
        out.flush();
        return bytes.toByteArray();
      }

      @Override
      public Batch deserialize(int version, byte[] serialized) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
        String id = in.readUTF();
        int n = in.readInt();
        List<String> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          payloads.add(in.readUTF());
        }
        return new Batch(id, payloads);
      }
    };
  }
}
