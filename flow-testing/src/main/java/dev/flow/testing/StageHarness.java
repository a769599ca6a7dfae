package dev.flow.testing;

import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.model.StageDef;
import dev.flow.parse.YamlReader;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.TransformFactory;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.translate.StageContexts;
import dev.flow.translate.Translators;
import dev.flow.validate.OptionsBinder;
import dev.flow.validate.ResolvedStage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds stages of one job one at a time with the flow translator's own {@link Translators}: each
 * factory gets the production stage context ({@link StageContexts}), so uids are {@code
 * flow/<stage>}, records are counted as in a flow and failed records go to the error records, which
 * the harness collects for all its stages.
 *
 * <pre>{@code
 * StageHarness h = new StageHarness(FlowMiniCluster.env(1));
 * DataStream<FlowRecord> out =
 *     h.transform("upper", new UppercaseTransformFactory(), options, h.records("{\"a\":\"x\"}"));
 * out.sinkTo(new CollectSink("out"));
 * h.errors().sinkTo(new CollectSink("errors"));
 * h.env().execute();
 * }</pre>
 */
public final class StageHarness {
  private final StreamExecutionEnvironment env;
  private final String flowName;
  private final FlowSettings settings;
  private final boolean bounded;
  private final List<DataStream<FlowRecord>> errors = new ArrayList<>();

  /** Stages of a bounded flow named {@code test-flow} with the default settings. */
  public StageHarness(StreamExecutionEnvironment env) {
    this(env, "test-flow", FlowSettings.defaults(), true);
  }

  /** Stages of a flow named {@code flowName}; {@code bounded} says whether the flow ends. */
  public StageHarness(
      StreamExecutionEnvironment env, String flowName, FlowSettings settings, boolean bounded) {
    this.env = env;
    this.flowName = flowName;
    this.settings = settings;
    this.bounded = bounded;
  }

  /** The environment the stages are added to. */
  public StreamExecutionEnvironment env() {
    return env;
  }

  /**
   * The production context of a transform or publisher stage named {@code stage}, for a test that
   * calls a factory itself; {@code out} names the stages its {@code out} lists.
   */
  public StageContext context(
      String stage, ActionFactory<?> action, int parallelism, String... out) {
    return StageContexts.stage(
        flowName, resolved(stage, action, parallelism, out), env, settings, bounded, errors);
  }

  /** The production context of a trigger stage named {@code stage}. */
  public TriggerContext triggerContext(String stage, ActionFactory<?> action, int parallelism) {
    return StageContexts.trigger(
        flowName, resolved(stage, action, parallelism), env, settings, bounded, errors);
  }

  /**
   * Builds a trigger stage and returns its output as the next stages see it: with run ids, trigger
   * times, and payloads that are not JSON objects sent to the error records.
   */
  public <O extends Record> DataStream<FlowRecord> trigger(
      String stage, TriggerFactory<O> factory, O options, int parallelism) throws Exception {
    return trigger(triggerContext(stage, factory, parallelism), factory, options);
  }

  /**
   * Builds a trigger with a context from {@link #triggerContext} and returns its output as the next
   * stages see it.
   */
  public <O extends Record> DataStream<FlowRecord> trigger(
      TriggerContext ctx, TriggerFactory<O> factory, O options) throws Exception {
    return StageContexts.checkedOutput(ctx, factory.create(options, ctx));
  }

  /** As {@link #trigger(String, TriggerFactory, Record, int)} at parallelism 1. */
  public <O extends Record> DataStream<FlowRecord> trigger(
      String stage, TriggerFactory<O> factory, O options) throws Exception {
    return trigger(stage, factory, options, 1);
  }

  /** Builds a transform stage on {@code input} and returns its output. */
  public <O extends Record> DataStream<FlowRecord> transform(
      String stage,
      TransformFactory<O> factory,
      O options,
      DataStream<FlowRecord> input,
      int parallelism)
      throws Exception {
    ResolvedStage resolved = resolved(stage, factory, options, parallelism);
    return Translators.standard()
        .translateTransform(
            resolved,
            input,
            StageContexts.stage(flowName, resolved, env, settings, bounded, errors));
  }

  /** As {@link #transform(String, TransformFactory, Record, DataStream, int)} at parallelism 1. */
  public <O extends Record> DataStream<FlowRecord> transform(
      String stage, TransformFactory<O> factory, O options, DataStream<FlowRecord> input)
      throws Exception {
    return transform(stage, factory, options, input, 1);
  }

  /** Builds a publisher stage that writes {@code input}. */
  public <O extends Record> void publish(
      String stage,
      PublisherFactory<O> factory,
      O options,
      DataStream<FlowRecord> input,
      int parallelism)
      throws Exception {
    ResolvedStage resolved = resolved(stage, factory, options, parallelism);
    Translators.standard()
        .translatePublisher(
            resolved,
            input,
            StageContexts.stage(flowName, resolved, env, settings, bounded, errors));
  }

  /** As {@link #publish(String, PublisherFactory, Record, DataStream, int)} at parallelism 1. */
  public <O extends Record> void publish(
      String stage, PublisherFactory<O> factory, O options, DataStream<FlowRecord> input)
      throws Exception {
    publish(stage, factory, options, input, 1);
  }

  /**
   * A bounded stream of records with these JSON payloads, each with a run id and trigger time, as a
   * trigger's output would be (a stage named {@code input}).
   */
  public DataStream<FlowRecord> records(String... json) {
    List<FlowRecord> records = new ArrayList<>();
    for (String j : json) {
      records.add(FlowRecord.ofJsonBytes(j.getBytes(StandardCharsets.UTF_8)));
    }
    DataStream<FlowRecord> source =
        env.fromData(records, FlowRecordTypeInfo.INSTANCE)
            .uid("flow/input")
            .name("input")
            .setParallelism(1);
    TriggerContext ctx = triggerContext("input", new TestFlows.LinesTrigger(), 1);
    return StageContexts.checkedOutput(ctx, source);
  }

  /** The error records of every stage built so far, as one stream; null when none can have any. */
  public DataStream<FlowRecord> errors() {
    DataStream<FlowRecord> all = null;
    for (DataStream<FlowRecord> s : errors) {
      all = all == null ? s : all.union(s);
    }
    return all;
  }

  /**
   * The options of {@code factory} from props written as YAML (for example {@code "{field:
   * name}"}), bound and defaulted by the validator's own binder.
   *
   * @throws IllegalArgumentException with the located problems when the props do not bind
   */
  public static <O extends Record> O options(ActionFactory<O> factory, String yaml) {
    String text = yaml == null || yaml.isBlank() ? "{}" : yaml;
    YamlReader.Result read = new YamlReader(YamlReader.Limits.defaults()).read(text, "props");
    List<Problem> problems = new ArrayList<>(read.problems());
    O options = null;
    if (problems.isEmpty() && read.root() instanceof Node.MapNode map) {
      options =
          new OptionsBinder("prop", "test", factory.name(), problems)
              .bind(factory.optionsClass(), map);
    } else if (problems.isEmpty()) {
      throw new IllegalArgumentException("props must be a YAML mapping: " + yaml);
    }
    if (!problems.isEmpty() || options == null) {
      throw new IllegalArgumentException(
          problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    }
    return options;
  }

  private static ResolvedStage resolved(
      String stage, ActionFactory<?> action, int parallelism, String... out) {
    return resolved(stage, action, null, parallelism, out);
  }

  private static ResolvedStage resolved(
      String stage, ActionFactory<?> action, Record options, int parallelism, String... out) {
    List<StageDef.Ref> refs =
        Arrays.stream(out).map(o -> new StageDef.Ref(o, Location.UNKNOWN)).toList();
    StageDef def =
        new StageDef(
            stage,
            action.name(),
            new Node.MapNode(Map.of(), Map.of(), Location.UNKNOWN),
            refs,
            Location.UNKNOWN,
            Location.UNKNOWN,
            Location.UNKNOWN);
    @SuppressWarnings({"unchecked", "rawtypes"})
    ActionFactory<? extends Record> f = (ActionFactory) action;
    return new ResolvedStage(def, f, options, parallelism, List.of());
  }
}
