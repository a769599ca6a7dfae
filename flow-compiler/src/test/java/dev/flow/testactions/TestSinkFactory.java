package dev.flow.testactions;

import dev.flow.record.FlowRecord;
import dev.flow.spi.Prop;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import org.apache.flink.streaming.api.datastream.DataStream;

/** A publisher for validator tests only; it declares props but builds no sink. */
public final class TestSinkFactory implements PublisherFactory<TestSinkFactory.Options> {

  /** Options of the test publisher. */
  public record Options(
      @Prop(description = "Where records go.", defaultValue = "memory") String target,
      @Prop(description = "Most records to keep; 0 keeps all.") long limit) {}

  @Override
  public String name() {
    return "Test Sink";
  }

  @Override
  public String description() {
    return "Keeps records, for tests.";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public void publish(DataStream<FlowRecord> input, Options options, StageContext ctx) {
    throw new UnsupportedOperationException("validation tests only");
  }
}
