package dev.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Files that belong with a flow are read from the flow file's folder, whatever the working one. */
class FlowFilesTest {

  static final String FLOW =
      """
      name: files
      stages:
        - name: read
          action: Inline Records
          props: {records: [{id: 1}]}
          out: [check]
        - name: check
          action: Validate
          props:
            manifest: MANIFEST
            entry: order
            expectedInput: {file: SCHEMA}
          out: [print]
        - {name: print, action: Log, props: {}, out: []}
      """;

  @Test
  void schemasAndManifestsResolveAgainstTheFlowFilesFolder() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "flow-files-test", "flows"));
    Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(dir.resolve("schemas/order.json"), "{\"type\": \"object\"}");
    Files.writeString(dir.resolve("manifest.yaml"), "order: {type: object, required: [id]}\n");
    Path flow = dir.resolve("orders.yaml");
    Files.writeString(
        flow, FLOW.replace("MANIFEST", "manifest.yaml").replace("SCHEMA", "schemas/order.json"));

    ValidatedFlow v = new FlowValidator(ActionRegistry.load()).validate(flow, new FlowParser());

    assertThat(v.problems()).extracting(Problem::format).isEmpty();
    assertThat(v.stage("check").expectedInput().file())
        .isEqualTo(dir.resolve("schemas/order.json").toString());
  }

  @Test
  void aMissingFileSaysWhereItLookedAndWhy() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "flow-files-test", "missing"));
    Path flow = dir.resolve("orders.yaml");
    Files.writeString(
        flow, FLOW.replace("MANIFEST", "manifest.yaml").replace("SCHEMA", "/nowhere/order.json"));

    ValidatedFlow v = new FlowValidator(ActionRegistry.load()).validate(flow, new FlowParser());

    Path manifest = dir.resolve("manifest.yaml");
    assertThat(v.problems())
        .extracting(Problem::format)
        .containsExactly(
            flow
                + ":10:7: error: stage \"check\" (Validate): cannot read manifest "
                + manifest
                + (manifest.isAbsolute() ? "" : " (" + manifest.toAbsolutePath() + ")")
                + ": the file does not exist",
            flow
                + ":12:7: error: stage \"check\" (Validate): prop 'expectedInput': cannot read"
                + " schema file /nowhere/order.json: the file does not exist");
  }

  @Test
  void absolutePathsUrisAndInlineFlowsAreLeftAlone() {
    Location in = new Location("flows/a.yaml", 1, 1);
    assertThat(FlowFiles.resolve("s.json", in)).isEqualTo("flows/s.json");
    assertThat(FlowFiles.resolve("../s.json", in)).isEqualTo("s.json");
    assertThat(FlowFiles.resolve("/abs/s.json", in)).isEqualTo("/abs/s.json");
    assertThat(FlowFiles.resolve("file:///abs/s.json", in)).isEqualTo("file:///abs/s.json");
    assertThat(FlowFiles.resolve("s.json", new Location("a.yaml", 1, 1))).isEqualTo("s.json");
    assertThat(FlowFiles.resolve("s.json", new Location("https://h/f/a.yaml", 1, 1)))
        .isEqualTo("s.json");
  }

  @Test
  void aSchemaThatIsNotAValidJsonSchemaIsAnErrorAtTheWrongKeyword() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "flow-files-test", "meta"));
    Files.writeString(dir.resolve("bad.json"), "{\"type\": \"object\", \"required\": \"id\"}");
    Path flow = dir.resolve("orders.yaml");
    Files.writeString(
        flow,
        """
        name: meta
        stages:
          - name: read
            action: Inline Records
            props: {records: [{id: 1}]}
            out: [check]
          - name: check
            action: Validate
            props:
              schema:
                type: object
                properties:
                  id: {type: strnig}
                required: id
              expectedInput: {file: bad.json}
            out: [print]
          - {name: print, action: Log, props: {}, out: []}
        """);

    ValidatedFlow v = new FlowValidator(ActionRegistry.load()).validate(flow, new FlowParser());

    assertThat(v.problems())
        .extracting(Problem::format)
        .containsExactly(
            flow
                + ":13:16: error: stage \"check\" (Validate): prop 'schema' is not a valid JSON"
                + " Schema: at properties.id.type: \"strnig\" is not one of [array, boolean,"
                + " integer, null, number, object, string]",
            flow
                + ":14:9: error: stage \"check\" (Validate): prop 'schema' is not a valid JSON"
                + " Schema: at required: string found, array expected",
            flow
                + ":15:7: error: stage \"check\" (Validate): prop 'expectedInput': schema file "
                + dir.resolve("bad.json")
                + " is not a valid JSON Schema: at required: string found, array expected");
  }
}
