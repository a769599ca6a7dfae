package dev.flow.actions.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.FlowCompiler;
import dev.flow.parse.FlowParser;
import dev.flow.preview.Preview;
import dev.flow.preview.PreviewResult;
import dev.flow.validate.FlowValidator;
import dev.flow.validate.ValidatedFlow;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The Nexmark trigger in a real flow on an embedded Flink, through its own source. */
class NexmarkITCase {

  @Test
  void emitsTheChosenStreamsNumberedAndTimedAsTheBenchmarkSays() throws Exception {
    String yaml =
        """
        name: nexmark
        stages:
          - name: events
            action: Nexmark
            props: {streams: [person, bid], count: 60, eventsPerSecond: 1000}
            out: [people]
          - name: people
            action: Filter
            props: {condition: 'record.type == "person"'}
            out: [log]
          - name: log
            action: Log
            out: []
        """;
    ValidatedFlow flow =
        new FlowValidator(FlowCompiler.registry()).validate(new FlowParser().parse(yaml, "n.yaml"));
    assertThat(flow.problems()).isEmpty();
    PreviewResult r =
        Preview.of(flow).limit(100).run(StreamExecutionEnvironment.createLocalEnvironment(1));
    List<JsonNode> events = r.stage("events").output();
    assertThat(events).hasSize(60);
    assertThat(events.stream().filter(e -> e.get("type").asText().equals("bid"))).hasSize(58);
    List<JsonNode> people = r.stage("people").output();
    assertThat(people).extracting(p -> p.get("id").asLong()).containsExactly(1000L, 1001L);
    // The 48th chosen event is event number 50 of the whole sequence: 50 ms at 1000 events/s.
    assertThat(people.get(1).get("dateTime").asText()).isEqualTo("2026-01-01T00:00:00.050Z");
    assertThat(events.get(1).get("auction").asLong()).isGreaterThanOrEqualTo(1000L);
  }
}
