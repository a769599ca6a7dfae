package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.jsonschema.CompiledSchema;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.TransformFactory;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The translators {@link FlowTranslator} builds a job's stages with: one per stage kind, one for
 * the stream a stage reads, one each for the error and the runs stage, and a listener that sees
 * every stage. A run uses {@link #standard()}; a tool decorates it, each {@code with} giving a new
 * set:
 *
 * <pre>{@code
 * Translators standard = Translators.standard();
 * Translators capture =
 *     standard
 *         .withPublisher((stage, input, ctx) -> input.sinkTo(new CollectSink(stage.name())))
 *         .withErrorStage((stage, errors, ctx) -> errors.sinkTo(new CollectSink("errors")));
 * }</pre>
 *
 * <p>Whatever a translator builds, the framework's part stays around it here: a trigger's records
 * are checked and counted ({@link #translateTrigger}), a stage's expected input is checked ({@link
 * #translateInput}), a transform's records are counted and its error records routed ({@link
 * #translateTransform}), and a publisher's records in are counted ({@link #translatePublisher}).
 */
@Internal
public final class Translators {
  private static final Translators STANDARD =
      new Translators(
          Translators::create,
          (stage, input, ctx) -> input,
          Translators::apply,
          Translators::publish,
          Translators::publish,
          Translators::publish,
          StageListener.NONE);

  private final TriggerTranslator trigger;
  private final InputTranslator input;
  private final TransformTranslator transform;
  private final PublisherTranslator publisher;
  private final PublisherTranslator errorStage;
  private final PublisherTranslator runStage;
  private final StageListener listener;

  private Translators(
      TriggerTranslator trigger,
      InputTranslator input,
      TransformTranslator transform,
      PublisherTranslator publisher,
      PublisherTranslator errorStage,
      PublisherTranslator runStage,
      StageListener listener) {
    this.trigger = trigger;
    this.input = input;
    this.transform = transform;
    this.publisher = publisher;
    this.errorStage = errorStage;
    this.runStage = runStage;
    this.listener = listener;
  }

  /** The real job: every stage built by its factory, nothing watching. */
  public static Translators standard() {
    return STANDARD;
  }

  public TriggerTranslator trigger() {
    return trigger;
  }

  public InputTranslator input() {
    return input;
  }

  public TransformTranslator transform() {
    return transform;
  }

  public PublisherTranslator publisher() {
    return publisher;
  }

  public PublisherTranslator errorStage() {
    return errorStage;
  }

  public PublisherTranslator runStage() {
    return runStage;
  }

  public StageListener listener() {
    return listener;
  }

  public Translators withTrigger(TriggerTranslator t) {
    return new Translators(t, input, transform, publisher, errorStage, runStage, listener);
  }

  public Translators withInput(InputTranslator t) {
    return new Translators(trigger, t, transform, publisher, errorStage, runStage, listener);
  }

  public Translators withTransform(TransformTranslator t) {
    return new Translators(trigger, input, t, publisher, errorStage, runStage, listener);
  }

  public Translators withPublisher(PublisherTranslator t) {
    return new Translators(trigger, input, transform, t, errorStage, runStage, listener);
  }

  /** The error stage's translator; it takes the union of every stage's error records. */
  public Translators withErrorStage(PublisherTranslator t) {
    return new Translators(trigger, input, transform, publisher, t, runStage, listener);
  }

  /** The runs stage's translator, used only for a flow that sets {@code settings.runs}. */
  public Translators withRunStage(PublisherTranslator t) {
    return new Translators(trigger, input, transform, publisher, errorStage, t, listener);
  }

  /** These translators with {@code l} seeing every stage too, after the listeners before. */
  public Translators observing(StageListener l) {
    StageListener before = listener;
    StageListener both =
        before == StageListener.NONE
            ? l
            : (stage, in, out, ctx) -> {
              before.onStage(stage, in, out, ctx);
              l.onStage(stage, in, out, ctx);
            };
    return new Translators(trigger, input, transform, publisher, errorStage, runStage, both);
  }

  /**
   * True when chained record stages may become runs, one operator each (see {@link
   * FlowTranslator}): the transforms are built by their factories, read only the stages before
   * them, and nothing sees their outputs, which are then not each a stream of its own.
   */
  boolean buildsRuns() {
    return transform == STANDARD.transform
        && input == STANDARD.input
        && listener == StageListener.NONE;
  }

  /**
   * A trigger's output as every stage after it sees it: with run ids and trigger times given,
   * payloads checked and the stage's records counted.
   *
   * @param ctx a context made by {@link StageContexts#trigger}
   */
  public DataStream<FlowRecord> translateTrigger(ResolvedStage stage, TriggerContext ctx)
      throws Exception {
    return ((DefaultTriggerContext) ctx).checked(trigger.translate(stage, ctx));
  }

  /**
   * The stream a transform or publisher reads, given the union of its inputs, behind the stage's
   * expected-input check when it declares one: a chained operator that counts, logs and passes or
   * rejects records that do not match the schema. A rejected record counts as one of the stage's
   * records in and errors.
   *
   * @param ctx a context made by {@link StageContexts#stage}
   */
  public DataStream<FlowRecord> translateInput(
      ResolvedStage stage, DataStream<FlowRecord> union, StageContext ctx) throws Exception {
    DataStream<FlowRecord> in = input.translate(stage, union, ctx);
    if (stage.expectedInput() == null) {
      return in;
    }
    DefaultStageContext c = (DefaultStageContext) ctx;
    var checked =
        in.process(
                new ExpectedInputFunction(
                    c.flowName,
                    stage.name(),
                    CompiledSchema.load(stage.expectedInput().ref()),
                    stage.expectedInput().onMismatch(),
                    c.errorRecords,
                    DefaultStageContext.ERRORS))
            .returns(FlowRecordTypeInfo.INSTANCE)
            .uid(c.uid("expected-input"))
            .name(stage.name() + " (expected input)")
            .setParallelism(in.getParallelism());
    c.addCountedErrors(checked.getSideOutput(DefaultStageContext.ERRORS), true);
    return checked;
  }

  /**
   * A transform's main output, with the stage's records counted. A one-record-at-a-time transform's
   * operator counts its records in, out and filtered itself; any other transform gets a counter of
   * records in before it and one of records out after it. Error records are counted where the stage
   * adds them (see {@link DefaultStageContext}).
   *
   * @param ctx a context made by {@link StageContexts#stage}
   */
  public DataStream<FlowRecord> translateTransform(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) throws Exception {
    return translateTransform(stage, input, ctx, RunLink.NONE);
  }

  /**
   * As {@link #translateTransform(ResolvedStage, DataStream, StageContext)}; a stage is in a run
   * only when {@link #buildsRuns} and {@link RunLink#of} say so, and its processor is then a step
   * of the run's operator, built here with the link.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  DataStream<FlowRecord> translateTransform(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx, RunLink link)
      throws Exception {
    DefaultStageContext c = (DefaultStageContext) ctx;
    if (stage.factory() instanceof RecordTransformFactory f) {
      c.processorCountsInAndOut = true;
      try {
        return link.any()
            ? c.process(input, f.createProcessor(stage.options(), ctx), link)
            : transform.translate(stage, input, ctx);
      } finally {
        c.processorCountsInAndOut = false;
      }
    }
    DataStream<FlowRecord> counted = c.countIn(input, input.getParallelism());
    return c.countOut(transform.translate(stage, counted, ctx), "out");
  }

  /**
   * Builds a publisher on {@code input}, counting the records it takes in. The records it writes
   * are counted as out where it hands them to {@link StageContext#write}, the refused ones as
   * errors where it adds them.
   *
   * @param ctx a context made by {@link StageContexts#stage}
   */
  public void translatePublisher(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) throws Exception {
    translatePublisher(stage, input, ctx, null);
  }

  /**
   * As {@link #translatePublisher(ResolvedStage, DataStream, StageContext)}; when {@code input} is
   * the output of the record operator that {@code inputStage} (the context of the stage before, or
   * null) built, at the publisher's parallelism, that operator counts the publisher's records in as
   * it emits them, sparing the publisher a counting operator of its own.
   */
  void translatePublisher(
      ResolvedStage stage,
      DataStream<FlowRecord> input,
      StageContext ctx,
      DefaultStageContext inputStage)
      throws Exception {
    if (inputStage != null
        && inputStage.built != null
        && inputStage.builtOutput == input
        && input.getParallelism() == ctx.parallelism()) {
      inputStage.built.countInFor(stage.name());
      publisher.translate(stage, input, ctx);
      return;
    }
    publisher.translate(stage, ((DefaultStageContext) ctx).countIn(input, ctx.parallelism()), ctx);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static DataStream<FlowRecord> create(ResolvedStage stage, TriggerContext ctx)
      throws Exception {
    return ((TriggerFactory) stage.factory()).create(stage.options(), ctx);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static DataStream<FlowRecord> apply(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) throws Exception {
    return ((TransformFactory) stage.factory()).apply(input, stage.options(), ctx);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void publish(ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx)
      throws Exception {
    ((PublisherFactory) stage.factory()).publish(input, stage.options(), ctx);
  }
}
