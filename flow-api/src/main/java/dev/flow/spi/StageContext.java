package dev.flow.spi;

import dev.flow.record.FlowRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;

/**
 * What a factory gets when it builds a stage's operators: the stage's identity, the stable uids to
 * give its operators, the flow settings, and the error stage.
 */
public interface StageContext {

  String flowName();

  String stageName();

  /** The action's display name. */
  String actionName();

  /**
   * The stable uid of this stage's main operator, derived from the stage name, so a flow can be
   * upgraded from a savepoint.
   */
  String uid();

  /** The stable uid of an extra operator of this stage, e.g. {@code uid("window")}. */
  String uid(String suffix);

  /** The stage's parallelism: the stage's {@code parallelism} prop, or the flow's default. */
  int parallelism();

  StreamExecutionEnvironment env();

  FlowSettings settings();

  /** True when every trigger of the flow is bounded. */
  boolean isBounded();

  /** The side output that failed records go to, already shaped by {@link #errorRecord}. */
  OutputTag<FlowRecord> errorTag();

  /** Adds a stream of error records (built with {@link #errorRecord}) to the error stage. */
  void addErrors(DataStream<FlowRecord> errorRecords);

  /**
   * Sends {@code records} to {@code targetStage} instead of the stage's main output. The target
   * must be listed in this stage's {@code out}; the other targets keep getting the main output.
   */
  default void addBranch(String targetStage, DataStream<FlowRecord> records) {
    throw new UnsupportedOperationException("this stage context has no branches");
  }

  /** Builds the error record for a record this stage failed on. Serializable and cheap to keep. */
  ErrorRecordFactory errorRecords();

  /**
   * Applies a one-record-at-a-time processor as this stage's operator, with counting and error
   * routing. Returns the processor's output.
   */
  DataStream<FlowRecord> process(DataStream<FlowRecord> input, RecordProcessor processor);

  /** Builds an error record. Shorthand for {@code errorRecords().create(record, error)}. */
  default FlowRecord errorRecord(FlowRecord record, Throwable error) {
    return errorRecords().create(record, error);
  }
}
