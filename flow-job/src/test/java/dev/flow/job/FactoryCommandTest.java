package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flow factory validate|graph|deploy|schema} on the example factory and broken ones. */
class FactoryCommandTest {
  private static final String EXAMPLE = "../examples/factory/factory.yaml";

  @Test
  void validatePrintsTheOrderAndTheEdgesWithTheFieldsWritten() {
    CliRunner.Result r = CliRunner.run("factory", "validate", EXAMPLE);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(
            "factory 'Signups' is valid: 3 flows, 2 data edges, 2 after edges\n"
                + "order:\n"
                + "  1. Signup intake (streaming) ../examples/factory/signup-intake.yaml\n"
                + "  2. Signup enrichment (streaming) ../examples/factory/signup-enrichment.yaml\n"
                + "  3. Daily signup metrics (bounded) ../examples/factory/daily-metrics.yaml\n"
                + "edges:\n"
                + "  Signup intake -> Signup enrichment: kafka-topic signups (localhost:9092),"
                + " stage 'signups' writes email: string, source: string\n"
                + "  Signup enrichment -> Daily signup metrics: file-path out/signups-lake/signups,"
                + " stage 'lake' writes email: string, source: string, domain, plan\n"
                + "  Signup intake -> Daily signup metrics: after\n"
                + "  Signup enrichment -> Daily signup metrics: after");
  }

  @Test
  void validateReportsAMissingFlowAtItsLineAndExitsOne() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "factory-cli"));
    Path f = dir.resolve("factory.yaml");
    Files.writeString(f, "name: F\nflows:\n  - path: nope.yaml\n");
    CliRunner.Result r = CliRunner.run("factory", "validate", f.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            f
                + ":3:11: error: flow file 'nope.yaml' does not exist; paths are relative to the"
                + " factory file, here "
                + dir.resolve("nope.yaml")
                + "\n1 error, 0 warnings\n");
  }

  @Test
  void graphDrawsDataEdgesBetweenStagesAndAfterEdgesBetweenFlows() {
    CliRunner.Result r =
        CliRunner.run("factory", "graph", EXAMPLE, "--format", "mermaid", "--stages");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("  subgraph f0 [\"Signup intake<br/><i>streaming</i>\"]\n")
        .contains("  f0s2 -- \"kafka-topic signups\" --> f1s0\n")
        .contains("  f1s3 -- \"file-path out/signups-lake/signups\" --> f2s0\n")
        .contains("  f0 -. after .-> f2\n")
        .contains("  f1 -. after .-> f2\n");
    CliRunner.Result svg = CliRunner.run("factory", "graph", EXAMPLE);
    assertThat(svg.out())
        .startsWith("<svg")
        .contains("<g class=\"flow\" data-name=\"Signup enrichment\" data-kind=\"streaming\">")
        .contains("<g class=\"flow\" data-name=\"Daily signup metrics\" data-kind=\"bounded\">")
        .contains(">kafka-topic signups</text>")
        .contains("class=\"after-edge\"");
  }

  @Test
  void deployRendersEveryFlowUpstreamFirstWithItsOrderAndDependencies() {
    CliRunner.Result r = CliRunner.run("factory", "deploy", EXAMPLE);
    assertThat(r.exitCode()).as(r.err()).isZero();
    String out = r.out();
    int intake = out.indexOf("  name: signup-intake\n");
    int enrichment = out.indexOf("  name: signup-enrichment\n");
    int metrics = out.indexOf("  name: daily-signup-metrics\n");
    assertThat(intake).isGreaterThan(0).isLessThan(enrichment);
    assertThat(enrichment).isLessThan(metrics);
    assertThat(out.split("kind: FlinkDeployment\n", -1)).hasSize(4);
    assertThat(out.split("kind: ConfigMap\n", -1)).hasSize(4);
    assertThat(out)
        .contains("flow.dev/factory: signups\n")
        .contains("flow.dev/after: \"signup-intake,signup-enrichment\"\n")
        .contains("flow.dev/order: \"3\"")
        .contains("signups.yaml: |");
  }

  @Test
  void deployPutsEachFlowsReferencedFilesAndStateBackendIntoItsResources(@TempDir Path dir)
      throws Exception {
    CheckedFlow.write(dir);
    Files.writeString(
        dir.resolve("factory.yaml"), "name: orders\nflows:\n  - path: checked.yaml\n");
    CliRunner.Result r = CliRunner.run("factory", "deploy", dir.resolve("factory.yaml").toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("  schemas_order.json: |\n    {\"type\": \"object\"}\n")
        .contains("- key: schemas_order.json\n")
        .contains("path: schemas/order.json\n")
        .contains("state.backend.type: rocksdb\n")
        .contains("kind: PersistentVolumeClaim\n")
        .contains("claimName: checked-state\n");
  }

  @Test
  void deployWritesEachFlowsFilesInOrderWithItsStateUnderTheStateDir(@TempDir Path dir)
      throws Exception {
    CheckedFlow.write(dir);
    Files.writeString(
        dir.resolve("factory.yaml"), "name: orders\nflows:\n  - path: checked.yaml\n");
    Path out = dir.resolve("k8s");
    CliRunner.Result r =
        CliRunner.run(
            "factory",
            "deploy",
            dir.resolve("factory.yaml").toString(),
            "--state-dir",
            "s3://bucket/flows/",
            "-o",
            out.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "wrote "
                + out.resolve("01-checked-configmap.yaml")
                + ", "
                + out.resolve("01-checked-flinkdeployment.yaml")
                + "\n");
    assertThat(Files.readString(out.resolve("01-checked-flinkdeployment.yaml")))
        .contains("high-availability.storageDir: s3://bucket/flows/checked/ha\n");
  }

  @Test
  void schemaPrintsThePublishedSchema() throws Exception {
    CliRunner.Result r = CliRunner.run("factory", "schema");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(Files.readString(Path.of("..", "docs", "factory.schema.json")));
  }
}
