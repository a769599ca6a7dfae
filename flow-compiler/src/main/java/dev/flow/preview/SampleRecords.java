package dev.flow.preview;

import dev.flow.actions.support.IndexedSource;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.RunIds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Sample records as a bounded, ordered source: a trigger's replacement, or extra input fed into
 * another stage. Payloads stay as the bytes given, so one that is not a JSON object reaches the
 * trigger's check and becomes an error record, as a bad message from the real source would.
 */
final class SampleRecords {
  private SampleRecords() {}

  /** A source emitting {@code payloads} (JSON texts) in order, then ending. */
  static IndexedSource source(List<String> payloads) {
    byte[][] bytes = new byte[payloads.size()][];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = payloads.get(i).getBytes(StandardCharsets.UTF_8);
    }
    return IndexedSource.builder(new Emit(bytes, false)).count(bytes.length).ordered(true).build();
  }

  /** The records fed into a non-trigger stage, each with a run id and a trigger time. */
  static DataStream<FlowRecord> feed(
      StreamExecutionEnvironment env, String stage, String uid, List<String> payloads) {
    byte[][] bytes = new byte[payloads.size()][];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = payloads.get(i).getBytes(StandardCharsets.UTF_8);
    }
    IndexedSource source =
        IndexedSource.builder(new Emit(bytes, true)).count(bytes.length).ordered(true).build();
    return env.fromSource(
            source, WatermarkStrategy.noWatermarks(), stage, FlowRecordTypeInfo.INSTANCE)
        .uid(uid)
        .name(stage)
        .setParallelism(1);
  }

  /** Maps an index to the sample at that index. */
  static final class Emit implements GeneratorFunction<Long, FlowRecord> {
    private static final long serialVersionUID = 1L;
    private final byte[][] payloads;
    private final boolean startRun;
    private final RunIds runIds = new RunIds();

    Emit(byte[][] payloads, boolean startRun) {
      this.payloads = payloads;
      this.startRun = startRun;
    }

    @Override
    public FlowRecord map(Long index) {
      byte[] bytes = payloads[index.intValue()];
      FlowRecord r =
          FlowRecord.ofJsonBytes(bytes).original(bytes).triggerTime(System.currentTimeMillis());
      if (startRun) {
        r.runId(runIds.next());
        r.validate();
      }
      return r;
    }
  }
}
