package dev.flow.translate;

import dev.flow.record.FlowRecord;
import dev.flow.spi.StageContext;
import dev.flow.spi.TriggerContext;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Lets tools change a flow's job graph while it is built: preview and tests swap triggers for
 * sample records and publishers for captures, and watch every stage's input and output. A run uses
 * {@link #NONE}.
 */
public interface TranslationHooks {

  /** Builds the real job. */
  TranslationHooks NONE = new TranslationHooks() {};

  /** A stream to use instead of the trigger's source, or {@code null} to build the trigger. */
  default DataStream<FlowRecord> replaceTrigger(ResolvedStage stage, TriggerContext ctx) {
    return null;
  }

  /**
   * The stream a transform or publisher reads, given the union of its inputs; tools may add records
   * to it (a test feeds records into a stage). The default reads {@code input} unchanged.
   */
  default DataStream<FlowRecord> input(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) {
    return input;
  }

  /**
   * A transform's output built by the hook instead of by {@code factory.apply} (a test builds a
   * stage that calls a service with canned answers), or {@code null} to build the stage itself. The
   * framework's counting and error routing stay around it.
   */
  default DataStream<FlowRecord> replaceTransform(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) throws Exception {
    return null;
  }

  /** True when the hook consumed {@code input} itself, so the real publisher is not built. */
  default boolean replacePublisher(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) {
    return false;
  }

  /**
   * Sees a stage's input (null for a trigger) and output (null for a publisher) once the stage is
   * built.
   */
  default void onStage(
      ResolvedStage stage,
      DataStream<FlowRecord> input,
      DataStream<FlowRecord> output,
      StageContext ctx) {}

  /** Sees the union of all error records, before the error stage. */
  default void onErrors(DataStream<FlowRecord> errors) {}

  /** True when the hook consumed the error records itself, so the error stage is not built. */
  default boolean replaceErrorStage(DataStream<FlowRecord> errors) {
    return false;
  }

  /**
   * True when the hook consumed the run outcome records itself, so the runs stage is not built;
   * called only for a flow that sets {@code settings.runs}.
   */
  default boolean replaceRunStage(DataStream<FlowRecord> outcomes) {
    return false;
  }
}
