package dev.flow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.model.Problem;
import dev.flow.record.Json;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedSchemaTest {

  private static List<String> strict(String yaml) {
    return new FlowParser(FlowParser.Options.defaults().withStrict(true))
        .parse(yaml, "f.yaml").problems().stream().map(Problem::format).toList();
  }

  @Test
  void theSeedSchemaIsShippedUnchanged() throws Exception {
    try (InputStream in = SeedSchema.class.getResourceAsStream(SeedSchema.RESOURCE)) {
      JsonNode s = Json.MAPPER.readTree(in);
      assertThat(s.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
      assertThat(s.get("additionalProperties").asBoolean()).isFalse();
      assertThat(s.get("required").toString()).isEqualTo("[\"name\",\"stages\"]");
      JsonNode stage = s.at("/definitions/stage");
      assertThat(stage.get("required").toString())
          .isEqualTo("[\"action\",\"props\",\"name\",\"out\"]");
      assertThat(stage.get("additionalProperties").asBoolean()).isFalse();
      assertThat(stage.at("/properties/props/additionalProperties").asBoolean()).isTrue();
      assertThat(stage.at("/properties/out/items/type").asText()).isEqualTo("string");
    }
  }

  @Test
  void theSeedsStageExampleIsAccepted() {
    String flow =
        """
        name: Publish to Acme API
        stages:
        - name: Unique name for this stage within a Flow
          props:
              key1: "val 1"
              key2:
                - "val 2a"
                - "val 2b"
              key3:
                  child: "val 4"
          action: Remap Fields
          out:
              - Name of a subsequent stage
              - Name of another subsequent stage
        """;
    assertThat(strict(flow)).isEmpty();
  }

  @Test
  void aFlowWithAllSeedKeysIsAccepted() {
    assertThat(
            strict(
                """
                name: Orders
                stages:
                  - {name: read, action: Test Source, props: {count: 3}, out: [keep]}
                  - {name: keep, action: Test Sink, props: {}, out: []}
                """))
        .isEmpty();
    assertThat(strict("name: Empty\nstages: []\n")).isEmpty();
  }

  @Test
  void extensionsAndMissingKeysFailUnderStrict() {
    assertThat(
            strict(
                """
                name: Orders
                description: not in the seed
                stages:
                  - name: read
                    action: Test Source
                    props: {count: 3}
                  - name: keep
                    action: Test Sink
                    out: [1]
                """))
        .containsExactly(
            "f.yaml:2:1: error: 'description' is not allowed in the flow; --strict checks the seed"
                + " flow schema",
            "f.yaml:4:5: error: stage \"read\": stage 1 is missing 'out'; --strict checks the seed"
                + " flow schema",
            "f.yaml:7:5: error: stage \"keep\": stage 2 is missing 'props'; --strict checks the"
                + " seed flow schema",
            "f.yaml:9:11: error: stage \"keep\": 'out' of stage 2 must be a string, found a number;"
                + " --strict checks the seed flow schema");
  }

  @Test
  void strictReportsEveryMissingKeyOfAStageInOneRun() {
    assertThat(
            strict(
                """
                name: Orders
                stages:
                  - name: read
                    action: Test Source
                  - props: {}
                """))
        .containsExactly(
            "f.yaml:3:5: error: stage \"read\": stage 1 is missing 'props'; --strict checks the"
                + " seed flow schema",
            "f.yaml:3:5: error: stage \"read\": stage 1 is missing 'out'; --strict checks the"
                + " seed flow schema",
            "f.yaml:5:5: error: stage 2 has no 'name'; add 'name: <unique stage name>'",
            "f.yaml:5:5: error: stage 2 is missing 'action'; --strict checks the seed flow schema",
            "f.yaml:5:5: error: stage 2 is missing 'out'; --strict checks the seed flow schema");
  }

  @Test
  void strictReportsWrongTypesOnce() {
    assertThat(strict("name: a\nstages: foo\n"))
        .containsExactly(
            "f.yaml:2:9: error: 'stages' must be a list of stages, found a string ('foo')");
  }

  @Test
  void lenientModeAcceptsExtensions() {
    assertThat(
            new FlowParser()
                .parse("name: a\ndescription: d\nsettings: {}\nstages: []\n", "f.yaml")
                .problems())
        .isEmpty();
  }
}
