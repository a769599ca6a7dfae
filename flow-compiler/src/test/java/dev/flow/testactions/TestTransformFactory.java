package dev.flow.testactions;

import dev.flow.record.FlowRecord;
import dev.flow.spi.Prop;
import dev.flow.spi.StageContext;
import dev.flow.spi.TransformFactory;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;

/** A transform for validator tests only, with props of many types and a validate hook. */
public final class TestTransformFactory implements TransformFactory<TestTransformFactory.Options> {

  /** How the test transform changes text. */
  public enum Mode {
    UPPER,
    LOWER,
    KEEP_AS_IS
  }

  /** Retry settings, a nested options record. */
  public record Retry(
      @Prop(description = "Attempts before giving up.", defaultValue = "3") int maxAttempts,
      @Prop(description = "First delay between attempts.", defaultValue = "500ms")
          Duration backoff) {}

  /** Options of the test transform. */
  public record Options(
      @Prop(description = "The field to change.", required = true) String field,
      @Prop(description = "How to change it.", defaultValue = "upper") Mode mode,
      @Prop(description = "Labels to add.") List<String> tags,
      @Prop(description = "Weights by name.") Map<String, Integer> weights,
      @Prop(description = "Retries.") Retry retry,
      @Prop(description = "An API token.", secret = true) String token) {}

  @Override
  public String name() {
    return "Test Transform";
  }

  @Override
  public String description() {
    return "Changes a field, for tests.";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public void validate(Options options, ValidationContext ctx) {
    if (options.tags() != null && options.tags().isEmpty()) {
      ctx.error("tags", "prop 'tags' must not be empty");
    }
    if (options.mode() == Mode.KEEP_AS_IS && ctx.isSet("retry")) {
      ctx.warning("retry", "prop 'retry' has no effect with mode keep-as-is");
    }
  }

  @Override
  public DataStream<FlowRecord> apply(
      DataStream<FlowRecord> input, Options options, StageContext ctx) {
    throw new UnsupportedOperationException("validation tests only");
  }
}
