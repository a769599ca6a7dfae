package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.parse.ParameterSets;
import dev.flow.validate.ValidatedFlow;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.graph.StreamingJobGraphGenerator;
import org.junit.jupiter.api.Test;

/**
 * The stages that settings make (the error stage and the runs stage) have uids of their own: they
 * follow the stage's action, stay the same from one version of a flow to the next, and never meet
 * the uid of a stage of the flow, even one that takes the same name.
 */
class ServerReportingTest {
  static final ServerReporting REPORTING =
      new ServerReporting("http://127.0.0.1:1/api/v1/ingest/d-1", "flowi_test");

  static String flow(String filterName, String extra) {
    return """
        name: orders
        stages:
          - name: orders
            action: Inline Records
            props:
              records: [{id: 1}]
            out: [%s]
          - name: %s
            action: Filter
            props:
              condition: id > 0
            out: [%s]
        %s
          - name: sink
            action: Log
            out: []
        """
        .formatted(
            filterName,
            filterName,
            extra.isEmpty() ? "sink" : "Error Records - Flow Server",
            extra);
  }

  static List<String> uids(ValidatedFlow flow) throws Exception {
    assertThat(flow.problems()).isEmpty();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowCompiler.translate(flow, env);
    StreamGraph graph = env.getStreamGraph(false);
    // Flink hashes the uids into operator ids here, and refuses two operators with one uid.
    StreamingJobGraphGenerator.createJobGraph(graph);
    return StreamSupport.stream(graph.getStreamNodes().spliterator(), false)
        .map(StreamNode::getTransformationUID)
        .filter(u -> u != null)
        .sorted()
        .toList();
  }

  static ValidatedFlow validated(String yaml) {
    return REPORTING.apply(
        FlowCompiler.validateText(yaml, "orders.yaml", ParameterSets.empty(), k -> null, false));
  }

  @Test
  void theServerStagesHaveUidsOfTheirOwnThatStayFromOneVersionToTheNext() throws Exception {
    List<String> v1 = uids(validated(flow("keep", "")));
    assertThat(v1)
        .contains(
            "flow-settings/errors/action/Flow Server",
            "flow-settings/runs/action/Flow Server",
            "flow/orders",
            "flow/sink")
        .noneMatch(u -> u.startsWith("flow/Error Records") || u.startsWith("flow/Run Records"));
    // The next version renames a stateless stage: the server stages keep their uids.
    List<String> v2 = uids(validated(flow("big", "")));
    assertThat(v2.stream().filter(u -> u.startsWith("flow-settings/")))
        .containsExactlyElementsOf(
            v1.stream().filter(u -> u.startsWith("flow-settings/")).toList());
  }

  @Test
  void aStageNamedLikeTheErrorStageDoesNotTakeItsUid() throws Exception {
    String extra =
        "  - name: Error Records - Flow Server\n"
            + "    action: Filter\n"
            + "    props:\n"
            + "      condition: id > 0\n"
            + "    out: [sink]";
    List<String> uids = uids(validated(flow("keep", extra)));
    assertThat(uids)
        .contains("flow/Error Records - Flow Server", "flow-settings/errors/action/Flow Server");
  }

  @Test
  void theLogErrorStageFollowsTheSameScheme() throws Exception {
    String yaml =
        flow("keep", "").replace("stages:", "settings:\n  errors:\n    action: Log\nstages:");
    assertThat(uids(validated(yaml)))
        .contains("flow-settings/errors/action/Log", "flow-settings/runs/action/Flow Server");
  }
}
