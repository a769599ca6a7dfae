package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code flow validate} on good and broken flows: exit codes and the exact messages. */
class ValidateCommandTest {
  private static final String BROKEN = "src/test/resources/flows/broken.yaml";

  @Test
  void brokenFlowListsEveryProblemWithLineAndColumnAndExitsOne() {
    CliRunner.Result r = CliRunner.run("validate", BROKEN);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            BROKEN
                + ":7:17: error: stage \"orders\" (Inline Records): 'out' names an unknown stage"
                + " \"nowhere\"")
        .contains(
            BROKEN
                + ":9:13: error: stage \"tidy\": unknown action 'Remap Feilds'; did you mean"
                + " 'Remap Fields'?")
        .contains(
            BROKEN
                + ":15:7: error: stage \"check\" (Remap Fields): unknown prop 'rname'; did you mean"
                + " 'rename'?")
        .contains(BROKEN + ":17:11: error: stage \"check\" (Log): another stage on line 12")
        .contains(
            BROKEN
                + ":8:11: error: stage \"tidy\": the stages form a cycle: \"tidy\" -> \"check\""
                + " -> \"tidy\"");
    assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void validFlowExitsZero() {
    CliRunner.Result r = CliRunner.run("validate", "../examples/orders-to-files.yaml");
    assertThat(r.out()).isEqualTo("valid\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void jsonFormatGivesOneObjectPerProblem() throws Exception {
    CliRunner.Result r = CliRunner.run("validate", "--format", "json", BROKEN);
    assertThat(r.exitCode()).isEqualTo(1);
    var arr = dev.flow.record.Json.MAPPER.readTree(r.out());
    assertThat(arr.isArray()).isTrue();
    assertThat(arr.get(0).get("file").asText()).isEqualTo(BROKEN);
    assertThat(arr.findValuesAsText("severity")).containsOnly("error");
  }

  @Test
  void missingFileIsAProblemNotAStackTrace() {
    CliRunner.Result r = CliRunner.run("validate", "no/such/flow.yaml");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("no/such/flow.yaml");
    assertThat(r.out() + r.err()).doesNotContain("\tat ");
  }

  @Test
  void usageErrorExitsTwo() {
    assertThat(CliRunner.run("validate").exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("validate", "--format", "xml", BROKEN).exitCode()).isEqualTo(2);
  }

  @Test
  void aFolderValidatesItsFlowsAndItsTestFiles() throws Exception {
    java.nio.file.Path dir =
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/validate-dir/flows"));
    java.nio.file.Files.createDirectories(dir.resolveSibling("params"));
    java.nio.file.Files.copy(
        java.nio.file.Path.of("../examples/orders-to-files.yaml"),
        dir.resolve("orders.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    java.nio.file.Files.writeString(
        dir.resolve("orders.test.yaml"),
        "tests:\n  - name: one\n    input: {orders: [{id: 1}]}\n    expect: {}\n");
    java.nio.file.Files.writeString(
        dir.resolveSibling("params/local.yaml"), "parameters: {a: b}\n");

    CliRunner.Result r = CliRunner.run("validate", "target/validate-dir");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("all 2 files valid (1 flow, 1 test file)\n");
    assertThat(r.exitCode()).isZero();

    java.nio.file.Files.writeString(
        dir.resolve("orders.test.yaml"), "tests:\n  - name: one\n    inptu: {}\n");
    r =
        CliRunner.run(
            "validate", "target/validate-dir/flows/orders.yaml", dir + "/orders.test.yaml");
    assertThat(r.out()).startsWith(dir + "/orders.test.yaml:3:5: error:").contains("'inptu'");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void oneUnreadableFileInABatchKeepsTheOthersOutput() throws Exception {
    CliRunner.Result r =
        CliRunner.run("validate", "/dev/zero", BROKEN, "../examples/orders-to-files.yaml");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(
            "/dev/zero: error: not a regular file (a named pipe, a device or a socket), so it is"
                + " not read\n")
        .contains(BROKEN + ":9:13: error: stage \"tidy\": unknown action 'Remap Feilds'");
    assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
