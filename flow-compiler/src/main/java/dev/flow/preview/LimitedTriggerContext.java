package dev.flow.preview;

import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.TriggerContext;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;

/**
 * The translator's trigger context, except that the source a trigger adds ends after {@code limit}
 * records per parallel instance.
 */
final class LimitedTriggerContext implements TriggerContext {
  private final TriggerContext ctx;
  private final long limit;

  LimitedTriggerContext(TriggerContext ctx, long limit) {
    this.ctx = ctx;
    this.limit = limit;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public DataStream<FlowRecord> fromSource(
      Source<FlowRecord, ?, ?> source, WatermarkStrategy<FlowRecord> watermarks) {
    return ctx.fromSource(new LimitedSource(source, limit), watermarks);
  }

  @Override
  public String flowName() {
    return ctx.flowName();
  }

  @Override
  public String stageName() {
    return ctx.stageName();
  }

  @Override
  public String actionName() {
    return ctx.actionName();
  }

  @Override
  public String uid() {
    return ctx.uid();
  }

  @Override
  public String uid(String suffix) {
    return ctx.uid(suffix);
  }

  @Override
  public int parallelism() {
    return ctx.parallelism();
  }

  @Override
  public StreamExecutionEnvironment env() {
    return ctx.env();
  }

  @Override
  public FlowSettings settings() {
    return ctx.settings();
  }

  @Override
  public boolean isBounded() {
    return ctx.isBounded();
  }

  @Override
  public OutputTag<FlowRecord> errorTag() {
    return ctx.errorTag();
  }

  @Override
  public void addErrors(DataStream<FlowRecord> errorRecords) {
    ctx.addErrors(errorRecords);
  }

  @Override
  public void addBranch(String targetStage, DataStream<FlowRecord> records) {
    ctx.addBranch(targetStage, records);
  }

  @Override
  public ErrorRecordFactory errorRecords() {
    return ctx.errorRecords();
  }

  @Override
  public DataStream<FlowRecord> process(DataStream<FlowRecord> input, RecordProcessor processor) {
    return ctx.process(input, processor);
  }

  @Override
  public org.apache.flink.streaming.api.datastream.DataStreamSink<FlowRecord> write(
      DataStream<FlowRecord> records, org.apache.flink.api.connector.sink2.Sink<FlowRecord> sink) {
    return ctx.write(records, sink);
  }

  @Override
  public <K>
      org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator<FlowRecord> processKeyed(
          org.apache.flink.streaming.api.datastream.KeyedStream<FlowRecord, K> input,
          org.apache.flink.streaming.api.functions.KeyedProcessFunction<K, FlowRecord, FlowRecord>
              function) {
    return ctx.processKeyed(input, function);
  }
}
