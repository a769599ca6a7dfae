package dev.flow.actions.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.testing.CapturedRun;
import dev.flow.testing.FlowMiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs Validate, Deduplicate and the expectedInput prop on a MiniCluster. */
class SchemaStagesITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  @TempDir Path dir;

  private static final String RECORDS =
      "  - name: orders\n"
          + "    action: Inline Records\n"
          + "    props:\n"
          + "      records:\n"
          + "        - {id: 1, amount: 10}\n"
          + "        - {id: 2, amount: \"ten\"}\n"
          + "        - {id: 1, amount: 10}\n"
          + "        - {amount: 3}\n"
          + "        - {id: 3, amount: 4}\n";

  private static final String SCHEMA =
      "{type: object, required: [id, amount], properties: {id: {type: integer},"
          + " amount: {type: number}}}";

  private static String flow(String name, String stage) {
    return "name: "
        + name
        + "\nstages:\n"
        + RECORDS
        + "    out: [check]\n"
        + stage
        + "    out: [out]\n  - name: out\n    action: Trash\n";
  }

  @Test
  void validateSendsRecordsThatDoNotMatchAnInlineSchemaToErrorsWithTheViolations()
      throws Exception {
    CapturedRun run =
        CapturedRun.run(
            "validate-inline",
            flow(
                "validate",
                "  - name: check\n    action: Validate\n    props:\n      schema: "
                    + SCHEMA
                    + "\n"));
    assertThat(run.at("out"))
        .containsExactly(
            "{\"id\":1,\"amount\":10}", "{\"id\":1,\"amount\":10}", "{\"id\":3,\"amount\":4}");
    assertThat(run.errorMessages())
        .containsExactly(
            "record does not match the schema: $.amount: string found, number expected",
            "record does not match the schema: $: required property 'id' not found");
  }

  @Test
  void validateReadsANamedSchemaFromAManifest() throws Exception {
    Path manifest = dir.resolve("schemas.yaml");
    Files.writeString(manifest, "schemas:\n  order: " + SCHEMA + "\n  other: {type: string}\n");
    CapturedRun run =
        CapturedRun.run(
            "validate-manifest",
            flow(
                "manifest",
                "  - name: check\n    action: Validate\n    props:\n      manifest: '"
                    + manifest
                    + "'\n      entry: order\n"));
    assertThat(run.at("out")).hasSize(3);
    assertThat(run.errorMessages()).hasSize(2);
  }

  @Test
  void deduplicateDropsRepeatsOfAKey() throws Exception {
    CapturedRun run =
        CapturedRun.run(
            "dedup",
            flow(
                "dedup",
                "  - name: check\n    action: Deduplicate\n    props:\n      keyField: id\n"
                    + "      ttl: 1h\n"));
    assertThat(run.at("out"))
        .containsExactly(
            "{\"id\":1,\"amount\":10}", "{\"id\":2,\"amount\":\"ten\"}", "{\"id\":3,\"amount\":4}");
    assertThat(run.errorMessages()).containsExactly("no key field 'id' in the record");
  }

  @Test
  void expectedInputWarnsAndPassesRecordsOn() throws Exception {
    Path file = dir.resolve("order.json");
    Files.writeString(
        file, "{\"type\":\"object\",\"properties\":{\"amount\":{\"type\":\"number\"}}}");
    CapturedRun run =
        CapturedRun.run(
            "expected-warn",
            flow(
                "expected warn",
                "  - name: check\n    action: Filter\n    props:\n      condition: 'true'\n"
                    + "      expectedInput: {file: '"
                    + file
                    + "'}\n"));
    assertThat(run.at("out")).hasSize(5);
    assertThat(run.errors()).isEmpty();
  }

  @Test
  void expectedInputRejectsToTheErrorStage() throws Exception {
    CapturedRun run =
        CapturedRun.run(
            "expected-reject",
            flow(
                "expected reject",
                "  - name: check\n    action: Filter\n    props:\n      condition: 'true'\n"
                    + "      expectedInput: {schema: "
                    + SCHEMA
                    + ", onMismatch: reject}\n"));
    assertThat(run.at("out")).hasSize(3);
    assertThat(run.errorMessages())
        .containsExactly(
            "record does not match the expected input: $.amount: string found, number expected",
            "record does not match the expected input: $: required property 'id' not found");
    assertThat(run.errors().get(0)).contains("\"stage\":\"check\"");
  }
}
