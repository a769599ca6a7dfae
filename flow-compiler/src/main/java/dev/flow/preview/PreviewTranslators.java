package dev.flow.preview;

import dev.flow.record.FlowRecord;
import dev.flow.spi.MockableTransform;
import dev.flow.spi.Responder;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageKind;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.translate.Translators;
import dev.flow.validate.ResolvedStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A preview's translators, the standard ones decorated: triggers read sample records or end after
 * the limit, records named for other stages are fed into their input, mocked stages answer from
 * their responders, publishers and the error stage write nothing, and every stage's input, output
 * and error records are tapped.
 */
final class PreviewTranslators {
  private static final Translators STANDARD = Translators.standard();

  private final Map<String, List<String>> inputs;
  private final Map<String, Responder> mocks;
  private final Preview.OtherTriggers otherTriggers;
  private final long limit;
  private final List<DataStream<Tuple3<String, String, String>>> taps = new ArrayList<>();

  PreviewTranslators(
      Map<String, List<String>> inputs,
      Map<String, Responder> mocks,
      Preview.OtherTriggers otherTriggers,
      long limit) {
    this.inputs = inputs;
    this.mocks = mocks;
    this.otherTriggers = otherTriggers;
    this.limit = limit;
  }

  /** The translators that build the preview's job. */
  Translators translators() {
    return STANDARD
        .withTrigger(this::trigger)
        .withInput(this::input)
        .withTransform(this::transform)
        // The input tap is all a publisher's input goes to.
        .withPublisher((stage, input, ctx) -> {})
        .withErrorStage((stage, errors, ctx) -> tap(errors, Tap.ERROR, ""))
        // A preview records no run outcomes: the runs stage writes nothing either.
        .withRunStage(
            (stage, outcomes, ctx) ->
                outcomes.sinkTo(new DiscardingSink<>()).name("runs (preview)"))
        .observing(this::onStage);
  }

  /** The tapped records of every stage, each labelled with its stage and side. */
  List<DataStream<Tuple3<String, String, String>>> taps() {
    return taps;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private DataStream<FlowRecord> trigger(ResolvedStage stage, TriggerContext ctx) throws Exception {
    List<String> samples = inputs.get(stage.name());
    if (samples != null) {
      return ctx.fromSource(SampleRecords.source(samples));
    }
    TriggerFactory factory = (TriggerFactory) stage.factory();
    boolean run =
        switch (otherTriggers) {
          case RUN -> true;
          case RUN_BOUNDED -> factory.isBounded(stage.options());
          case NONE -> false;
        };
    if (!run) {
      return ctx.fromSource(SampleRecords.source(List.of()));
    }
    return STANDARD
        .trigger()
        .translate(stage, limit <= 0 ? ctx : new LimitedTriggerContext(ctx, limit));
  }

  private DataStream<FlowRecord> input(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) {
    List<String> samples = inputs.get(stage.name());
    if (samples == null) {
      return input;
    }
    DataStream<FlowRecord> fed =
        SampleRecords.feed(ctx.env(), stage.name() + " (sample input)", ctx.uid("sample"), samples);
    return input == null ? fed : input.union(fed);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private DataStream<FlowRecord> transform(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) throws Exception {
    Responder responder = mocks.get(stage.name());
    if (responder == null) {
      return STANDARD.transform().translate(stage, input, ctx);
    }
    return ((MockableTransform) stage.factory())
        .applyWithResponder(input, stage.options(), ctx, responder);
  }

  private void onStage(
      ResolvedStage stage,
      DataStream<FlowRecord> input,
      DataStream<FlowRecord> output,
      StageContext ctx) {
    if (input != null) {
      tap(input, Tap.IN, stage.name());
    }
    if (output != null && stage.kind() != StageKind.PUBLISHER) {
      tap(output, Tap.OUT, stage.name());
    }
  }

  private void tap(DataStream<FlowRecord> stream, String side, String stage) {
    taps.add(
        stream
            .map(new Tap(side, stage), Tap.TYPE)
            .name((stage.isEmpty() ? "errors" : stage) + " (preview " + side + ")")
            .setParallelism(stream.getParallelism()));
  }
}
