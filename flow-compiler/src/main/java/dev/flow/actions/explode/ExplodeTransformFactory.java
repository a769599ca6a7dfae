package dev.flow.actions.explode;

import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import java.util.List;

/** The {@code Explode} transform: one output record per element of an array field. */
public final class ExplodeTransformFactory extends RecordTransformFactory<ExplodeOptions> {

  @Override
  public String name() {
    return "Explode";
  }

  @Override
  public List<String> aliases() {
    return List.of("Fan Out", "Split Array", "Unnest");
  }

  @Override
  public String description() {
    return "Emits one record per element of an array field. A missing or empty array emits"
        + " nothing; a field that is not an array sends the record to the error stage.";
  }

  @Override
  public Class<ExplodeOptions> optionsClass() {
    return ExplodeOptions.class;
  }

  @Override
  public RecordProcessor createProcessor(ExplodeOptions options, StageContext ctx) {
    return ExplodeProcessor.of(options);
  }
}
