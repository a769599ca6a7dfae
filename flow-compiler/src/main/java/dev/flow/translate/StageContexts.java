package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.StageContext;
import dev.flow.spi.TriggerContext;
import dev.flow.validate.ResolvedStage;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The stage contexts the translator hands to factories, for code that builds one stage without a
 * whole flow: the test harness of {@code flow-testing}. Using these, a stage built alone gets the
 * production uids, error routing and counting.
 */
@Internal
public final class StageContexts {
  private StageContexts() {}

  /**
   * The context of a transform or publisher stage; its error records are added to {@code errors}.
   */
  public static StageContext stage(
      String flowName,
      ResolvedStage stage,
      StreamExecutionEnvironment env,
      FlowSettings settings,
      boolean bounded,
      List<DataStream<FlowRecord>> errors) {
    return new DefaultStageContext(flowName, stage, env, settings, bounded, errors);
  }

  /** The context of a trigger stage; its error records are added to {@code errors}. */
  public static TriggerContext trigger(
      String flowName,
      ResolvedStage stage,
      StreamExecutionEnvironment env,
      FlowSettings settings,
      boolean bounded,
      List<DataStream<FlowRecord>> errors) {
    return new DefaultTriggerContext(flowName, stage, env, settings, bounded, errors);
  }

  /**
   * A trigger's source as the stages after it see it: with run ids, trigger times and checked
   * payloads, exactly as the translator adds it.
   *
   * @param ctx a context made by {@link #trigger}
   */
  public static DataStream<FlowRecord> checkedOutput(
      TriggerContext ctx, DataStream<FlowRecord> source) {
    return ((DefaultTriggerContext) ctx).checked(source);
  }
}
