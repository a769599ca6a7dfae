package dev.flow.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.record.FlowRecord;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.FlowRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Compiles YAML flows that use the packaged actions and checks the exact records they give. */
class ActionFlowsITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  private static Path flow(String name) {
    return Path.of("src/test/resources/flows/actions", name);
  }

  @Test
  void inlineRemapExplodeToLogAndTrash() throws Exception {
    FlowRun.run(flow("orders.yaml"), "orders", Set.of("print"));
    assertThat(FlowRun.payloads("orders", "print"))
        .containsExactly(
            "{\"id\":1,\"customer\":\"Ada\",\"source\":\"inline\",\"sku\":\"a\",\"qty\":1,\"line\":0}",
            "{\"id\":1,\"customer\":\"Ada\",\"source\":\"inline\",\"sku\":\"b\",\"qty\":2,\"line\":1}",
            "{\"id\":4,\"customer\":\"Dee\",\"source\":\"inline\",\"sku\":\"c\",\"qty\":3,\"line\":0}");
    List<FlowRecord> errors = FlowRun.errors("orders");
    assertThat(errors).hasSize(1);
    var e = errors.get(0).asObjectNode();
    assertThat(e.get("stage").asText()).isEqualTo("lines");
    assertThat(e.get("action").asText()).isEqualTo("Explode");
    assertThat(e.get("error").asText()).isEqualTo("field 'items' is string, not an array");
    // The default policy keeps the record as the trigger produced it.
    assertThat(e.get("record").toString())
        .isEqualTo(
            "{\"id\":3,\"customer\":{\"name\":\"Cyd\",\"email\":\"cyd@example.com\"},"
                + "\"items\":\"none\"}");
  }

  @Test
  void generatorAndScheduleFeedOnePublisher() throws Exception {
    FlowRun.run(flow("generator.yaml"), "gen", Set.of("ticks-out"));
    List<String> out = FlowRun.payloads("gen", "ticks-out");
    assertThat(out.stream().filter(s -> s.startsWith("{\"id\"")).toList())
        .containsExactly(
            "{\"id\":0,\"n\":10,\"kind\":\"demo\",\"ok\":true}",
            "{\"id\":1,\"n\":15,\"kind\":\"demo\",\"ok\":true}",
            "{\"id\":2,\"n\":20,\"kind\":\"demo\",\"ok\":true}",
            "{\"id\":3,\"n\":25,\"kind\":\"demo\",\"ok\":true}");
    List<String> ticks = out.stream().filter(s -> s.startsWith("{\"tick\"")).toList();
    assertThat(ticks).hasSize(2);
    assertThat(ticks.get(0))
        .matches("\\{\"tick\":1,\"scheduledTime\":\"[-0-9T:.]+Z\",\"job\":\"check\"}");
    assertThat(ticks.get(1)).startsWith("{\"tick\":2,");
    assertThat(FlowRun.errors("gen")).isEmpty();
  }

  @Test
  void propsProblemsAreLocatedAtTheProp() {
    String file = flow("invalid.yaml").toString();
    assertThat(FlowRun.problems(flow("invalid.yaml")))
        .containsExactly(
            file
                + ":6:25: error: stage \"gen\" (Generator): field 'amount': 'int(10)' takes 2"
                + " arguments, not 1",
            file
                + ":12:7: error: stage \"tidy\" (Remap Fields): field 'amount' is not kept by"
                + " keep, so it can never be renamed",
            file
                + ":16:21: error: stage \"print\" (Log): prop 'format' must be one of json,"
                + " pretty, text, found a string ('yaml')");
  }
}
