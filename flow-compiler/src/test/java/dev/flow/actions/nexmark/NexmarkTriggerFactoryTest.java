package dev.flow.actions.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.validate.FlowValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NexmarkTriggerFactoryTest {

  private static List<String> problems(String props) {
    String yaml =
        "name: n\n"
            + "stages:\n"
            + "  - name: events\n"
            + "    action: Nexmark\n"
            + "    props: "
            + props
            + "\n"
            + "    out: [log]\n"
            + "  - name: log\n"
            + "    action: Log\n"
            + "    out: []\n";
    return new FlowValidator(FlowCompiler.registry())
        .validate(new FlowParser().parse(yaml, "n.yaml")).problems().stream()
            .map(Problem::format)
            .toList();
  }

  @Test
  void defaultsAreValid() {
    assertThat(problems("{}")).isEmpty();
    assertThat(problems("{streams: [bid], count: 1000, rate: 500}")).isEmpty();
    assertThat(problems("{baseTime: 1767225600000}")).isEmpty();
  }

  @Test
  void badPropsAreReportedAtTheirLocationWithTheirName() {
    assertThat(problems("{streams: [bids]}"))
        .singleElement()
        .asString()
        .startsWith("n.yaml:5:")
        .contains("bids")
        .contains("person, auction, bid");
    assertThat(problems("{eventsPerSecond: 0}"))
        .containsExactly(
            "n.yaml:5:13: error: stage \"events\" (Nexmark): eventsPerSecond must be more than 0,"
                + " got 0.0");
    assertThat(problems("{baseTime: yesterday}"))
        .containsExactly(
            "n.yaml:5:23: error: stage \"events\" (Nexmark): prop 'baseTime': 'yesterday' is"
                + " neither epoch milliseconds nor an ISO-8601 instant such as"
                + " 2024-05-01T00:00:00Z");
    assertThat(problems("{count: -1, rate: -2}"))
        .containsExactly(
            "n.yaml:5:20: error: stage \"events\" (Nexmark): prop 'count' must be 0 or more,"
                + " found -1",
            "n.yaml:5:30: error: stage \"events\" (Nexmark): prop 'rate' must be 0 or more,"
                + " found -2.0");
  }
}
