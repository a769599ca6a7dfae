package dev.flow.server.deploy.engine;

import dev.flow.actions.support.IndexedSource;
import dev.flow.record.FlowRecord;
import dev.flow.translate.Translators;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The records of a manual run: they replace the flow's triggers (the first trigger emits them, the
 * others nothing), so the job is bounded, and each starts a run under the id given up front.
 *
 * @param records the records as JSON texts
 * @param runIds one run id per record
 */
public record ManualInput(List<String> records, List<String> runIds) {

  public ManualInput {
    records = List.copyOf(records);
    runIds = List.copyOf(runIds);
    if (records.size() != runIds.size()) {
      throw new IllegalArgumentException("one run id per record");
    }
  }

  /** Translators that swap the triggers for these records; the publishers stay the real ones. */
  Translators translators() {
    AtomicBoolean fed = new AtomicBoolean();
    byte[][] payloads = new byte[records.size()][];
    for (int i = 0; i < payloads.length; i++) {
      payloads[i] = records.get(i).getBytes(StandardCharsets.UTF_8);
    }
    String[] ids = runIds.toArray(new String[0]);
    return Translators.standard()
        .withTrigger(
            (stage, ctx) -> {
              boolean first = fed.compareAndSet(false, true);
              Emit emit = first ? new Emit(payloads, ids) : new Emit(new byte[0][], new String[0]);
              return ctx.fromSource(
                  IndexedSource.builder(emit).count(emit.payloads.length).ordered(true).build());
            });
  }

  /** Emits the payload at an index with its run id. */
  static final class Emit implements GeneratorFunction<Long, FlowRecord> {
    private static final long serialVersionUID = 1L;
    final byte[][] payloads;
    private final String[] runIds;

    Emit(byte[][] payloads, String[] runIds) {
      this.payloads = payloads;
      this.runIds = runIds;
    }

    @Override
    public FlowRecord map(Long index) {
      int i = index.intValue();
      return FlowRecord.ofJsonBytes(payloads[i])
          .original(payloads[i])
          .triggerTime(System.currentTimeMillis())
          .runId(runIds[i]);
    }
  }
}
