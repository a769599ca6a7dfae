package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.upgrade.StateDiff;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which packaged actions say they keep state, and in which operators, for flow diff. */
class StageStatesTest {

  @Test
  void everyStatefulActionDescribesItsState() {
    ValidatedFlow flow =
        FlowCompiler.validate("src/test/resources/upgrade/all-actions.yaml", List.of(), false);
    assertThat(flow.hasErrors()).as(flow.problems().toString()).isFalse();
    Map<String, String> states = new LinkedHashMap<>();
    for (ResolvedStage s : flow.stages()) {
      states.put(
          s.name(),
          StateDiff.stateOf(s)
              .map(st -> String.join(",", st.uidSuffixes()) + "|" + st.shape().keySet())
              .orElse("stateless"));
    }
    assertThat(states)
        .containsOnly(
            Map.entry("kafka in", "|[]"),
            Map.entry("kinesis in", "|[]"),
            Map.entry("files in", "|[]"),
            Map.entry("hook", "|[]"),
            Map.entry("gen", "|[]"),
            Map.entry("tick", "|[]"),
            Map.entry("inline", "|[]"),
            Map.entry("remap", "stateless"),
            Map.entry("filter", "stateless"),
            Map.entry("map", "stateless"),
            Map.entry("explode", "stateless"),
            Map.entry("lookup", "stateless"),
            Map.entry("fetch", "|[]"),
            Map.entry("reduce", "|[key, window, size, time, aggregates]"),
            Map.entry("accumulate", "|[key]"),
            Map.entry("dedupe", "|[key]"),
            Map.entry("sinks", "stateless"),
            Map.entry("kafka out", "sink|[]"),
            Map.entry("kinesis out", "sink|[]"),
            Map.entry("files out", "|[]"),
            Map.entry("http out", "|[]"),
            Map.entry("jdbc out", "|[]"),
            Map.entry("log", "stateless"),
            Map.entry("trash", "stateless"));
  }
}
