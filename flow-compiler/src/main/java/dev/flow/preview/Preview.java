package dev.flow.preview;

import dev.flow.FlowCompiler;
import dev.flow.spi.MockableTransform;
import dev.flow.spi.Responder;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs a flow on sample records on the same job graph a real run builds, and returns what every
 * stage read, emitted and failed on. Publishers and the error stage write nothing.
 *
 * <p>Triggers read the sample records given with {@link #input}, or their real source, which then
 * ends after {@link #limit} records per parallel instance. Records given for a transform or a
 * publisher are fed into its input. A stage that calls a service ({@link MockableTransform}) can
 * answer from a {@link Responder} instead.
 *
 * <p>Every tapped record goes through one collect sink to this client, so the preview works at any
 * parallelism and on any cluster the environment points at. Object reuse is off during a preview,
 * so that what a stage read is shown as it arrived, and checkpointing is off, so a preview commits
 * no source offsets.
 */
public final class Preview {

  /** What triggers without sample records do. */
  public enum OtherTriggers {
    /** Read their real source (up to the limit). */
    RUN,
    /** Read their real source when it ends by itself; emit nothing otherwise. */
    RUN_BOUNDED,
    /** Emit nothing. */
    NONE
  }

  private final ValidatedFlow flow;
  private final Map<String, List<String>> inputs = new LinkedHashMap<>();
  private final Map<String, Responder> mocks = new LinkedHashMap<>();
  private OtherTriggers otherTriggers = OtherTriggers.RUN;
  private long limit = 10;
  private Duration timeout = Duration.ofSeconds(60);

  private Preview(ValidatedFlow flow) {
    if (flow.hasErrors()) {
      throw new IllegalArgumentException("cannot preview a flow with validation errors");
    }
    this.flow = flow;
  }

  /** A preview of a valid flow, reading at most 10 records per trigger instance, for 60 s. */
  public static Preview of(ValidatedFlow flow) {
    return new Preview(flow);
  }

  /** Sample records (JSON texts) for the stage {@code stage}: a trigger's replace its source. */
  public Preview input(String stage, List<String> jsonRecords) {
    ResolvedStage s = stage(stage);
    inputs.computeIfAbsent(s.name(), k -> new ArrayList<>()).addAll(jsonRecords);
    return this;
  }

  /** Makes the stage {@code stage}, which must call a service, answer from {@code responder}. */
  public Preview mock(String stage, Responder responder) {
    ResolvedStage s = stage(stage);
    if (!(s.factory() instanceof MockableTransform<?>)) {
      throw new IllegalArgumentException(
          "stage \"" + stage + "\" (" + s.factory().name() + ") calls no service to mock");
    }
    mocks.put(s.name(), responder);
    return this;
  }

  /** What triggers without sample records do; {@link OtherTriggers#RUN} by default. */
  public Preview otherTriggers(OtherTriggers what) {
    this.otherTriggers = what;
    return this;
  }

  /** Records per parallel instance of a trigger that reads its real source; 0: no limit. */
  public Preview limit(long records) {
    if (records < 0) {
      throw new IllegalArgumentException("the limit cannot be negative");
    }
    this.limit = records;
    return this;
  }

  /** How long the preview may run before it is stopped with the records seen so far. */
  public Preview timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Runs the preview on {@code env}; throws {@link PreviewException} when the job fails. */
  public PreviewResult run(StreamExecutionEnvironment env) throws PreviewException {
    PreviewTranslators preview = new PreviewTranslators(inputs, mocks, otherTriggers, limit);
    CloseableIterator<Tuple3<String, String, String>> records;
    JobClient client;
    try {
      FlowCompiler.translate(flow, env, preview.translators());
      env.getConfig().disableObjectReuse();
      env.getCheckpointConfig().disableCheckpointing();
      Configuration noRestart = new Configuration();
      noRestart.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
      env.configure(noRestart);
      DataStream<Tuple3<String, String, String>> all = union(preview.taps());
      records = all.collectAsync();
      client = env.executeAsync("Preview of " + flow.def().name());
    } catch (Exception e) {
      throw new PreviewException("the preview could not start", e);
    }
    ResultBuilder result = new ResultBuilder();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.schedule(
        () -> {
          timedOut.set(true);
          client.cancel();
        },
        timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    try (records) {
      while (records.hasNext()) {
        result.add(records.next());
      }
      if (!timedOut.get()) {
        client.getJobExecutionResult().get();
      }
    } catch (Exception e) {
      if (!timedOut.get()) {
        throw new PreviewException("the preview failed", e);
      }
    } finally {
      timer.shutdownNow();
    }
    return result.build(flow, timedOut.get());
  }

  private ResolvedStage stage(String name) {
    ResolvedStage s = flow.stage(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "no stage \""
              + name
              + "\" in the flow; stages: "
              + String.join(", ", flow.stages().stream().map(ResolvedStage::name).toList()));
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static DataStream<Tuple3<String, String, String>> union(
      List<DataStream<Tuple3<String, String, String>>> taps) {
    DataStream<Tuple3<String, String, String>> first = taps.get(0);
    return taps.size() == 1
        ? first
        : first.union(taps.subList(1, taps.size()).toArray(new DataStream[0]));
  }
}
