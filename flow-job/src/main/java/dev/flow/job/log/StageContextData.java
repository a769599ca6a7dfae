package dev.flow.job.log;

import dev.flow.log.StageScope;
import java.util.Map;
import org.apache.logging.log4j.core.util.ContextDataProvider;

/**
 * Adds the flow and the stage a log event was written in to the event's context data, as the fields
 * {@code flow} and {@code stage} (Log4j's MDC: {@code %X{stage}} in a pattern, a field of its own
 * in a JSON layout), so that log collectors can filter on them. Events written outside a stage get
 * nothing.
 */
public final class StageContextData implements ContextDataProvider {

  @Override
  public Map<String, String> supplyContextData() {
    String stage = StageScope.currentStage();
    if (stage == null) {
      return Map.of();
    }
    String flow = StageScope.currentFlow();
    return flow == null ? Map.of("stage", stage) : Map.of("flow", flow, "stage", stage);
  }
}
