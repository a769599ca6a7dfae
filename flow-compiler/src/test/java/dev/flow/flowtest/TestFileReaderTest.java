package dev.flow.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFileReaderTest {
  @TempDir Path dir;

  private static final String FLOW =
      """
      name: Orders
      stages:
        - name: orders
          action: Inline Records
          props: {records: [{id: 1, amount: 150}]}
          out: [big]
        - name: big
          action: Filter
          props: {condition: amount > 100}
          out: [print]
        - name: print
          action: Log
      """;

  private TestFileReader.Result read(String test) throws Exception {
    Files.writeString(dir.resolve("orders.yaml"), FLOW);
    Path file = dir.resolve("orders.test.yaml");
    Files.writeString(file, test);
    return TestFileReader.read(file);
  }

  private List<String> errors(TestFileReader.Result r) {
    return r.problems().stream()
        .map(Problem::format)
        .map(s -> s.replace(dir.toString(), "DIR"))
        .toList();
  }

  @Test
  void aValidFileFindsItsFlowByNameAndReadsEveryPart() throws Exception {
    TestFileReader.Result r =
        read(
            """
            tests:
              - name: kept
                ordered: true
                input:
                  big: [{id: 2, amount: 200}]
                expect:
                  print: [{id: 2, amount: 200}]
                expectErrors:
                  big: []
            """);
    assertThat(errors(r)).isEmpty();
    TestCase c = r.suite().cases().get(0);
    assertThat(c.name()).isEqualTo("kept");
    assertThat(c.ordered()).isTrue();
    assertThat(c.inputs().get("big").get(0).toString()).isEqualTo("{\"id\":2,\"amount\":200}");
    assertThat(c.expect()).containsKey("print");
    assertThat(c.expectErrors().get("big")).isEmpty();
    assertThat(r.suite().flowFile().getFileName().toString()).isEqualTo("orders.yaml");
  }

  @Test
  void mistakesAreLocatedInTheTestFile() throws Exception {
    TestFileReader.Result r =
        read(
            """
            tests:
              - name: wrong
                expct: {}
                input:
                  ordrs: [{id: 1}]
                  orders: [5]
                mocks:
                  big: [{response: {}}]
                expectErrors:
                  big: [{a: 1}]
              - ordered: maybe
            """);
    assertThat(errors(r))
        .containsExactly(
            "DIR/orders.test.yaml:3:5: error: unknown key 'expct' in a test case; did you mean"
                + " 'expect'? known keys: name, input, mocks, expect, expectErrors, ordered",
            "DIR/orders.test.yaml:5:7: error: 'input' names the stage \"ordrs\", which is not in"
                + " the flow; did you mean 'orders'? stages: orders, big, print",
            "DIR/orders.test.yaml:6:16: error: a record must be a mapping, not a number",
            "DIR/orders.test.yaml:8:12: error: stage \"big\" (Filter): the stage calls no outside"
                + " service, so it cannot be mocked; mocks replace the calls of stages such as"
                + " Fetch and Lookup",
            "DIR/orders.test.yaml:10:13: error: an expected error (a part of its message) must be"
                + " a string, not a mapping",
            "DIR/orders.test.yaml:11:5: error: a test case needs a 'name'",
            "DIR/orders.test.yaml:11:14: error: 'ordered' must be true or false, not a string");
    assertThat(r.suite()).isNull();
  }

  @Test
  void aMissingFlowIsReportedAtTheFlowKey() throws Exception {
    TestFileReader.Result r = read("flow: nowhere.yaml\ntests: []\n");
    assertThat(errors(r))
        .containsExactly(
            "DIR/orders.test.yaml:1:7: error: the flow DIR/nowhere.yaml does not exist");
  }

  @Test
  void brokenYamlIsLocated() throws Exception {
    TestFileReader.Result r = read("tests:\n  - name: [unclosed\n");
    assertThat(errors(r)).hasSize(1);
    assertThat(errors(r).get(0)).startsWith("DIR/orders.test.yaml:");
  }
}
