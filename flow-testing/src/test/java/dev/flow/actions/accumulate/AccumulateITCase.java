package dev.flow.actions.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.testing.CapturedRun;
import dev.flow.testing.FlowMiniCluster;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs Accumulate flows to their end and checks the exact batches. */
class AccumulateITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  private static String flow(String name, String props) {
    return """
        name: %s
        stages:
          - name: orders
            action: Inline Records
            props:
              records:
                - {id: 1, customer: a}
                - {id: 2, customer: b}
                - {id: 3, customer: a}
                - {id: 4, customer: a}
                - {id: 5, customer: b}
                - {id: 6, customer: a}
                - {id: 7}
            out: [batch]
          - name: batch
            action: Accumulate
            props:
        %s
            out: [out]
          - name: out
            action: Trash
        """
        .formatted(name, props);
  }

  /** The items and key of each batch, without the times. */
  private static List<String> shapes(List<String> batches) {
    return batches.stream()
        .map(b -> b.replaceAll(",\"firstTime\":\"[^\"]+\",\"lastTime\":\"[^\"]+\"", ""))
        .toList();
  }

  @Test
  void keyedBatchesCloseAtTheirCountAndOpenOnesFlushAtTheEnd() throws Exception {
    CapturedRun run =
        CapturedRun.run(
            "accumulate-keyed", flow("keyed", "      keyField: customer\n      maxRecords: 2"));
    assertThat(shapes(run.at("out")))
        .containsExactlyInAnyOrder(
            "{\"items\":[{\"id\":1,\"customer\":\"a\"},{\"id\":3,\"customer\":\"a\"}],\"count\":2,\"key\":\"a\"}",
            "{\"items\":[{\"id\":4,\"customer\":\"a\"},{\"id\":6,\"customer\":\"a\"}],\"count\":2,\"key\":\"a\"}",
            "{\"items\":[{\"id\":2,\"customer\":\"b\"},{\"id\":5,\"customer\":\"b\"}],\"count\":2,\"key\":\"b\"}");
    assertThat(run.errorMessages()).containsExactly("no key field 'customer' in the record");
    assertThat(run.at("out").get(0)).matches(".*\"firstTime\":\"20\\d\\d-.*Z\",\"lastTime\":\".*");
  }

  @Test
  void globalBatchesCloseAtTheirByteLimit() throws Exception {
    // Each item is 24 bytes of JSON or less ({"id":1,"customer":"a"}); 50 bytes hold two.
    CapturedRun run =
        CapturedRun.run(
            "accumulate-bytes", flow("bytes", "      maxRecords: 0\n      maxBytes: 50"));
    assertThat(shapes(run.at("out")))
        .containsExactly(
            "{\"items\":[{\"id\":1,\"customer\":\"a\"},{\"id\":2,\"customer\":\"b\"}],\"count\":2,\"key\":\"\"}",
            "{\"items\":[{\"id\":3,\"customer\":\"a\"},{\"id\":4,\"customer\":\"a\"}],\"count\":2,\"key\":\"\"}",
            "{\"items\":[{\"id\":5,\"customer\":\"b\"},{\"id\":6,\"customer\":\"a\"}],\"count\":2,\"key\":\"\"}",
            "{\"items\":[{\"id\":7}],\"count\":1,\"key\":\"\"}");
  }

  @Test
  void keyExpressionGroupsByItsValue() throws Exception {
    CapturedRun run =
        CapturedRun.run(
            "accumulate-expr",
            flow("expr", "      key: 'id % 2 == 0 ? \"even\" : \"odd\"'\n      maxRecords: 10"));
    assertThat(shapes(run.at("out")))
        .containsExactlyInAnyOrder(
            "{\"items\":[{\"id\":1,\"customer\":\"a\"},{\"id\":3,\"customer\":\"a\"},{\"id\":5,\"customer\":\"b\"},{\"id\":7}],\"count\":4,\"key\":\"odd\"}",
            "{\"items\":[{\"id\":2,\"customer\":\"b\"},{\"id\":4,\"customer\":\"a\"},{\"id\":6,\"customer\":\"a\"}],\"count\":3,\"key\":\"even\"}");
  }
}
