package dev.flow.actions.generator;

import dev.flow.actions.support.IndexedSource;
import dev.flow.record.FlowRecord;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.spi.ValidationContext;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The {@code Generator} trigger: synthetic records from a template, at a steady rate. */
public final class GeneratorTriggerFactory implements TriggerFactory<GeneratorOptions> {

  @Override
  public String name() {
    return "Generator";
  }

  @Override
  public List<String> aliases() {
    return List.of("Generate", "Data Generator");
  }

  @Override
  public String description() {
    return "Emits synthetic records built from a template of field generators, at a given rate,"
        + " for a given count or without end. The same seed gives the same records.";
  }

  @Override
  public Class<GeneratorOptions> optionsClass() {
    return GeneratorOptions.class;
  }

  @Override
  public Optional<StageState> state(GeneratorOptions o) {
    return Optional.of(StageState.of("the number of records generated so far"));
  }

  @Override
  public void validate(GeneratorOptions options, ValidationContext ctx) {
    if (options.fields() == null || options.fields().isEmpty()) {
      ctx.error("fields", "at least one field is needed, e.g. {id: seq}");
    } else {
      // One problem per bad field, located at the field's key.
      options
          .fields()
          .forEach(
              (name, spec) -> {
                try {
                  new RecordGenerator(java.util.Map.of(name, spec), options.seed());
                } catch (IllegalArgumentException e) {
                  ctx.error("fields." + name, e.getMessage());
                }
              });
    }
  }

  @Override
  public boolean isBounded(GeneratorOptions options) {
    return options.count() > 0;
  }

  @Override
  public DataStream<FlowRecord> create(GeneratorOptions options, TriggerContext ctx) {
    IndexedSource.Builder source =
        IndexedSource.builder(new RecordGenerator(options.fields(), options.seed()))
            .ratePerSecond(options.rate());
    if (options.count() > 0) {
      source.count(options.count());
    } else {
      source.unbounded();
    }
    return ctx.fromSource(source.build());
  }
}
