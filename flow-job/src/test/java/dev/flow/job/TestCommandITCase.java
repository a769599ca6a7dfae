package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flow test}: passing, failing and invalid test files, and the examples' own tests. */
class TestCommandITCase {
  @TempDir Path tmp;

  private Path testFile(String body) throws Exception {
    Path flow = Path.of("../examples/quickstart.yaml").toAbsolutePath().normalize();
    Path file = tmp.resolve("quick.test.yaml");
    Files.writeString(file, "flow: " + flow + "\n" + body);
    return file;
  }

  @Test
  void theExamplesTestsAllPass() throws Exception {
    // The top-level examples one by one; the factory's flows need the factory's parameter set, so
    // they are tested through flow factory test.
    StringBuilder out = new StringBuilder();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../examples"))) {
      for (var t : files.filter(f -> f.toString().endsWith(".test.yaml")).sorted().toList()) {
        String flow = t.toString().replace(".test.yaml", ".yaml");
        CliRunner.Result r = CliRunner.run("test", flow);
        assertThat(r.exitCode()).as(flow + ": " + r.out() + r.err()).isZero();
        out.append(r.out());
      }
    }
    CliRunner.Result factory = CliRunner.run("factory", "test", "../examples/factory/factory.yaml");
    assertThat(factory.exitCode()).as(factory.out() + factory.err()).isZero();
    assertThat(out.toString())
        .contains("../examples/quickstart.test.yaml\n  PASS big orders are tidied, kept and priced")
        .contains("  PASS the email's domain is added")
        .contains("  PASS orders are counted and summed per customer and minute")
        .contains("  PASS orders are remapped before they are written")
        .contains(" 0 failed")
        .doesNotContain("FAIL");
  }

  @Test
  void aWrongExpectationFailsWithTheDiffAndExitsOne() throws Exception {
    Path file =
        testFile(
            """
            tests:
              - name: right
                expect:
                  big orders:
                    - {id: 3, customer: {email: "***"}, amount: 310.0, qty: 5, country: DE, customerName: Cyd}
                    - {id: 1, customer: {email: "***"}, amount: 120.5, qty: 2, country: DE, customerName: Ada}
              - name: wrong
                expect:
                  print:
                    - {id: 1, customer: {email: "***"}, amount: 120.5, qty: 2, country: DE, customerName: Ada, unitPrice: 60.0}
                    - {id: 2, amount: 15.0}
            """);
    CliRunner.Result r = CliRunner.run("test", file.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            file
                + "\n"
                + "  PASS right\n"
                + "  FAIL wrong ("
                + file
                + ":8:5)\n"
                + "    stage \"print\": expected 2 records, got 2 records\n"
                + "      missing:    {\"id\":2,\"amount\":15.0}\n"
                + "      unexpected: {\"id\":3,\"customer\":{\"email\":\"***\"},\"amount\":310.0,"
                + "\"qty\":5,\"country\":\"DE\",\"customerName\":\"Cyd\",\"unitPrice\":62.0}\n"
                + "      changed:    {\"id\":1,\"customer\":{\"email\":\"***\"},\"amount\":120.5,"
                + "\"qty\":2,\"country\":\"DE\",\"customerName\":\"Ada\",\"unitPrice\":60.0}\n"
                + "          unitPrice: expected 60.0, got 60.25\n"
                + "1 passed, 1 failed\n");
  }

  @Test
  void anInvalidTestFileIsLocatedAndExitsTwo() throws Exception {
    Path file =
        testFile(
            """
            tests:
              - name: typo
                expect:
                  prnt: []
            """);
    CliRunner.Result r = CliRunner.run("test", file.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out())
        .contains(
            file
                + ":5:7: error: 'expect' names the stage \"prnt\", which is not in the flow; did"
                + " you mean 'print'? stages: orders, tidy, big orders, add totals, print")
        .doesNotContain("Exception");
  }

  @Test
  void aFetchMockIsMergedByTheStageItself() {
    CliRunner.Result r = CliRunner.run("test", "src/test/resources/flows/testing/visits.yaml");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("  PASS the visits are merged at the target\n1 passed, 0 failed");
  }

  @Test
  void aLookupMockGivesRowsToTheStagesOwnRowLogic() {
    CliRunner.Result r = CliRunner.run("test", "src/test/resources/flows/testing/tiers.yaml");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(
            "  PASS the first row is written at the target, and a record without a row is dropped\n"
                + "  PASS without input the inline records run as written\n"
                + "2 passed, 0 failed");
  }

  @Test
  void anInvalidFlowIsReportedInTheFlowAndExitsTwo() throws Exception {
    Files.writeString(
        tmp.resolve("bad.yaml"), "name: Bad\nstages:\n  - name: a\n    action: Inline Recrds\n");
    Files.writeString(tmp.resolve("bad.test.yaml"), "tests:\n  - name: x\n");
    CliRunner.Result r = CliRunner.run("test", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out())
        .contains(
            tmp.resolve("bad.yaml")
                + ":4:13: error: stage \"a\": unknown action 'Inline Recrds'; did you mean"
                + " 'Inline Records'?")
        .endsWith("0 passed, 0 failed, invalid test files\n");
  }

  @Test
  void aFlowWithoutATestFileIsAUsageError() {
    CliRunner.Result r = CliRunner.run("test", "../examples/kinesis-events.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("no test file ../examples/kinesis-events.test.yaml beside the flow");
  }
}
