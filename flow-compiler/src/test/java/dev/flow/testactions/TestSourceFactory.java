package dev.flow.testactions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FlowRecord;
import dev.flow.spi.Prop;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/** A trigger for validator tests only; it declares props but builds no source. */
public final class TestSourceFactory implements TriggerFactory<TestSourceFactory.Options> {

  /** Options of the test trigger. */
  public record Options(
      @Prop(description = "How many records to emit.", defaultValue = "10") int count,
      @Prop(description = "Pause between records.", defaultValue = "1s") Duration interval,
      @Prop(description = "The record to emit, as JSON.") JsonNode record) {}

  @Override
  public String name() {
    return "Test Source";
  }

  @Override
  public List<String> aliases() {
    return List.of("Test Origin");
  }

  @Override
  public String description() {
    return "Emits test records.";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public boolean isBounded(Options options) {
    return true;
  }

  @Override
  public DataStream<FlowRecord> create(Options options, TriggerContext ctx) {
    throw new UnsupportedOperationException("validation tests only");
  }
}
