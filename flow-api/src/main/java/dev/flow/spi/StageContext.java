package dev.flow.spi;

import dev.flow.record.FlowRecord;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.util.OutputTag;

/**
 * What a factory gets when it builds a stage's operators: the stage's identity, the stable uids to
 * give its operators, the flow settings, and the error stage.
 *
 * <p>The framework counts every stage's records under the stage's name: records in, out, filtered
 * and errors, so that records in = out + filtered + errors for every stage that emits at most one
 * record per record it takes. An action never counts these itself. It tells the framework what its
 * records became: error records go through {@link #errorTag()} and {@link #addErrors}, records a
 * publisher wrote through {@link #write}, and records a keyed stage drops through {@link
 * #processKeyed}.
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

  /**
   * Adds a stream of error records (built with {@link #errorRecord}) to the error stage; the
   * framework counts them as the stage's errors.
   */
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

  /**
   * Adds the sink a publisher writes with; the framework counts the records that reach it as the
   * stage's records out. Records that reach it were written or are handed to a writer that delivers
   * them by the sink's own guarantee. A publisher whose operator writes records itself (and sends
   * the refused ones to {@link #errorTag()}) passes the records it wrote on, to a discarding sink
   * through this method. Set the returned sink's uid, name and parallelism.
   */
  default DataStreamSink<FlowRecord> write(DataStream<FlowRecord> records, Sink<FlowRecord> sink) {
    return records.sinkTo(sink);
  }

  /**
   * Applies a keyed function as this stage's main operator, with the stage's uid, name and
   * parallelism; the framework counts a record it takes and emits nothing for as filtered. Records
   * the function emits from timers are counted as out.
   */
  default <K> SingleOutputStreamOperator<FlowRecord> processKeyed(
      KeyedStream<FlowRecord, K> input, KeyedProcessFunction<K, FlowRecord, FlowRecord> function) {
    return input
        .process(function, dev.flow.record.FlowRecordTypeInfo.INSTANCE)
        .uid(uid())
        .name(stageName())
        .setParallelism(parallelism());
  }

  /**
   * Sends the error records that an operator without side outputs marked with {@link
   * ErrorMarks#mark} to the error stage, and returns the other records. The routing operator is
   * chained, with the uid {@code uid(uidSuffix)}.
   */
  default DataStream<FlowRecord> routeMarkedErrors(
      DataStream<FlowRecord> records, String uidSuffix) {
    SingleOutputStreamOperator<FlowRecord> routed =
        records
            .process(new ErrorMarks.Router(errorTag()), dev.flow.record.FlowRecordTypeInfo.INSTANCE)
            .uid(uid(uidSuffix))
            .name(stageName() + " (" + uidSuffix + ")")
            .setParallelism(records.getParallelism());
    addErrors(routed.getSideOutput(errorTag()));
    return routed;
  }

  /**
   * Applies an async function as this stage's main operator: at most {@code capacity} records in
   * flight per parallel instance, in input order when {@code ordered}, each given {@code timeout}
   * overall (the function's {@code timeout} method decides what a late record becomes). The
   * function completes a failed record with an error record marked by {@link ErrorMarks#mark};
   * those go to the error stage. Returns the other records. The framework counts the stage's
   * records as for any other operator.
   */
  default DataStream<FlowRecord> processAsync(
      DataStream<FlowRecord> input,
      AsyncFunction<FlowRecord, FlowRecord> function,
      boolean ordered,
      Duration timeout,
      int capacity) {
    long ms = timeout.toMillis();
    SingleOutputStreamOperator<FlowRecord> called =
        (ordered
                ? AsyncDataStream.orderedWait(input, function, ms, TimeUnit.MILLISECONDS, capacity)
                : AsyncDataStream.unorderedWait(
                    input, function, ms, TimeUnit.MILLISECONDS, capacity))
            .returns(dev.flow.record.FlowRecordTypeInfo.INSTANCE)
            .uid(uid())
            .name(stageName())
            .setParallelism(parallelism());
    return routeMarkedErrors(called, "route");
  }

  /** Builds an error record. Shorthand for {@code errorRecords().create(record, error)}. */
  default FlowRecord errorRecord(FlowRecord record, Throwable error) {
    return errorRecords().create(record, error);
  }
}
