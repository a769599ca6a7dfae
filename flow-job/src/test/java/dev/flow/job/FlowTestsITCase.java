package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.flowtest.FlowTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit helper: one dynamic test per case, failing with the diff. */
class FlowTestsITCase {
  @TempDir Path tmp;

  /** How a user runs a folder of flow tests in their own build. */
  @TestFactory
  java.util.stream.Stream<DynamicTest> examples() {
    return FlowTests.in(Path.of("src/test/resources/flows/testing"));
  }

  @Test
  void oneDynamicTestPerCaseNamedAfterFileAndCase() {
    List<DynamicTest> tests = FlowTests.in(Path.of("../examples")).toList();
    assertThat(tests)
        .extracting(DynamicTest::getDisplayName)
        .contains(
            "quickstart.test.yaml: big orders are tidied, kept and priced",
            "quickstart.test.yaml: a small order is dropped and an order without an amount is an"
                + " error",
            "webhook.test.yaml: the email's domain is added");
    assertThat(tests).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void aFailingCaseThrowsWithTheDiff() throws Exception {
    Path flow = Path.of("../examples/orders-to-files.yaml").toAbsolutePath().normalize();
    Files.writeString(
        tmp.resolve("files.test.yaml"),
        "flow: "
            + flow
            + "\ntests:\n  - name: one too few\n    expect:\n      files:\n"
            + "        - {id: 1, customer: Ada, country: DE}\n"
            + "        - {id: 2, customer: Bob, country: FR}\n");
    List<DynamicTest> tests = FlowTests.in(tmp).toList();
    assertThat(tests).hasSize(1);
    assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("one too few (")
        .hasMessageContaining(
            "  stage \"files\": expected 2 records, got 3 records\n"
                + "    unexpected: {\"id\":3,\"customer\":\"Cyd\",\"country\":\"DE\"}");
  }

  @Test
  void anInvalidTestFileIsOneFailingTestWithItsProblems() throws Exception {
    Path flow = Path.of("../examples/orders-to-files.yaml").toAbsolutePath().normalize();
    Files.writeString(tmp.resolve("bad.test.yaml"), "flow: " + flow + "\ntest: []\n");
    List<DynamicTest> tests = FlowTests.in(tmp).toList();
    assertThat(tests)
        .extracting(DynamicTest::getDisplayName)
        .containsExactly("bad.test.yaml: invalid test file");
    assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
        .hasMessageContaining(
            "bad.test.yaml:2:1: error: unknown key 'test' in a test file; did you mean 'tests'?");
  }
}
