package dev.flow.validate;

import dev.flow.jsonschema.ExpectedInput;
import dev.flow.model.StageDef;
import dev.flow.retry.Retry;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.StageKind;
import java.util.List;

/**
 * A stage whose action was found and whose props were bound to the action's options record.
 *
 * @param def the stage as written
 * @param factory the action's factory
 * @param options the bound options record (an instance of {@code factory.optionsClass()})
 * @param parallelism the stage's own parallelism, or 0 to use the flow's default
 * @param inputs names of the stages whose {@code out} lists this stage, in source order
 * @param expectedInput the schema the stage's input should match, or null
 * @param retry the stage's common {@code retry} prop; {@link Retry#defaults()} when absent
 */
public record ResolvedStage(
    StageDef def,
    ActionFactory<? extends Record> factory,
    Record options,
    int parallelism,
    List<String> inputs,
    ExpectedInput expectedInput,
    Retry retry) {

  public ResolvedStage {
    inputs = List.copyOf(inputs);
    retry = retry == null ? Retry.defaults() : retry;
  }

  /** A stage with the default retry. */
  public ResolvedStage(
      StageDef def,
      ActionFactory<? extends Record> factory,
      Record options,
      int parallelism,
      List<String> inputs,
      ExpectedInput expectedInput) {
    this(def, factory, options, parallelism, inputs, expectedInput, null);
  }

  /** A stage without an expected input. */
  public ResolvedStage(
      StageDef def,
      ActionFactory<? extends Record> factory,
      Record options,
      int parallelism,
      List<String> inputs) {
    this(def, factory, options, parallelism, inputs, null, null);
  }

  public String name() {
    return def.name();
  }

  public StageKind kind() {
    return factory.kind();
  }
}
