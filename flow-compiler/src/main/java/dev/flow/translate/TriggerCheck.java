package dev.flow.translate;

import dev.flow.record.FlowRecord;
import dev.flow.record.InvalidRecordException;
import dev.flow.spi.ErrorPolicy;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.RunIds;
import java.io.Serializable;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.OutputTag;

/**
 * What every record of a trigger goes through before the stages after it see it: a run id and a
 * trigger time when the trigger gave none, the check that its payload is a JSON object (an error
 * record with its raw bytes when not), the original bytes kept under the ORIGINAL_RECORD policy,
 * and the trigger's records in and out counted. It runs in the operator right after the source:
 * {@link TriggerOutputFunction}, or the first operator of the run of record stages that follows the
 * trigger ({@link StageFunction}).
 */
final class TriggerCheck implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String stageName;
  private final ErrorRecordFactory errors;
  private final boolean countsErrors;
  private final RunIds runIds = new RunIds();

  private transient StageMetrics metrics;

  /**
   * @param countsErrors whether the check counts its error records as the trigger's errors, rather
   *     than an operator after it
   */
  TriggerCheck(String stageName, ErrorRecordFactory errors, boolean countsErrors) {
    this.stageName = stageName;
    this.errors = errors;
    this.countsErrors = countsErrors;
  }

  void open(MetricGroup operatorGroup) {
    metrics = new StageMetrics(operatorGroup, stageName);
  }

  /**
   * The record ready for the stages after the trigger, or null when its payload is not a JSON
   * object: its error record then went to {@code errorTag}.
   */
  FlowRecord check(
      FlowRecord r,
      ProcessFunction<FlowRecord, FlowRecord>.Context ctx,
      OutputTag<FlowRecord> errorTag) {
    metrics.in.inc();
    if (!r.hasRunId()) {
      runIds.assign(r);
    }
    if (r.triggerTime() == 0L) {
      r.triggerTime(System.currentTimeMillis());
    }
    boolean keepOriginal = errors.policy() == ErrorPolicy.ORIGINAL_RECORD;
    if (r.isUnparsed()) {
      byte[] raw = r.toJsonBytes();
      try {
        r.validate();
      } catch (InvalidRecordException e) {
        byte[] bad = r.original() != null ? r.original() : raw;
        if (countsErrors) {
          metrics.errors.inc();
        }
        ctx.output(
            errorTag, errors.createRaw(bad, r.runId(), r.triggerTime(), e.getMessage(), r.meta()));
        return null;
      }
      if (keepOriginal && r.original() == null) {
        r.original(raw);
      }
    } else if (keepOriginal && r.original() == null) {
      r.original(r.toJsonBytes());
    }
    metrics.out.inc();
    return r;
  }
}
