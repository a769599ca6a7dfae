package dev.flow.bench.actions;

import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code Bench Errors}: the error stage of benchmark flows; counts error records so that the
 * harness can check a run lost nothing.
 */
public final class BenchErrorsPublisherFactory
    implements PublisherFactory<BenchErrorsPublisherFactory.Options> {
  /** Error records seen since the last {@link #reset()}. */
  public static final AtomicLong ERRORS = new AtomicLong();

  /** {@code Bench Errors} has no props. */
  public record Options() implements Serializable {}

  public static void reset() {
    ERRORS.set(0);
  }

  @Override
  public String name() {
    return "Bench Errors";
  }

  @Override
  public String description() {
    return "Counts error records (benchmarks only).";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public void publish(DataStream<FlowRecord> input, Options options, StageContext ctx) {
    input
        .map(new Count())
        .returns(FlowRecordTypeInfo.INSTANCE)
        .uid(ctx.uid("count"))
        .name(ctx.stageName())
        .sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>())
        .uid(ctx.uid())
        .name(ctx.stageName() + " (discard)");
  }

  /** Counts into {@link #ERRORS}. */
  private static final class Count extends RichMapFunction<FlowRecord, FlowRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(OpenContext openContext) {}

    @Override
    public FlowRecord map(FlowRecord r) {
      ERRORS.incrementAndGet();
      return r;
    }
  }
}
