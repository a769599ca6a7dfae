package dev.flow.testactions;

import dev.flow.record.FlowRecord;
import dev.flow.spi.Prop;
import dev.flow.spi.StageContext;
import dev.flow.spi.TransformFactory;
import org.apache.flink.streaming.api.datastream.DataStream;

/** A transform that is not registered, named in flows by its class name as a custom action. */
public final class CustomTestTransform implements TransformFactory<CustomTestTransform.Options> {

  /** Options of the custom transform. */
  public record Options(@Prop(description = "A factor.", defaultValue = "2") double factor) {}

  @Override
  public String name() {
    return "Custom Test Transform";
  }

  @Override
  public String description() {
    return "A custom action for tests.";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public DataStream<FlowRecord> apply(
      DataStream<FlowRecord> input, Options options, StageContext ctx) {
    throw new UnsupportedOperationException("validation tests only");
  }
}
