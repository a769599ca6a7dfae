package dev.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flow.parse.NodeJson;
import dev.flow.parse.YamlReader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaGeneratorTest {

  private static final ObjectNode SCHEMA = new SchemaGenerator(ActionRegistry.load()).generate();
  private static final JsonSchema VALIDATOR =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(SCHEMA);

  private static Set<ValidationMessage> check(String yaml) {
    JsonNode doc =
        NodeJson.toJson(new YamlReader(YamlReader.Limits.defaults()).read(yaml, "f").root());
    return VALIDATOR.validate(doc);
  }

  @Test
  void declaresPropsWithTypesDefaultsDescriptionsAndEnums() {
    JsonNode t = SCHEMA.at("/definitions/action-testtransform");
    assertThat(t.at("/description").asText()).isEqualTo("transform: Changes a field, for tests.");
    assertThat(t.at("/required").toString()).isEqualTo("[\"field\"]");
    assertThat(t.at("/additionalProperties").asBoolean()).isFalse();
    assertThat(t.at("/properties/mode/enum").toString())
        .isEqualTo("[\"upper\",\"lower\",\"keep-as-is\",\"UPPER\",\"LOWER\",\"KEEP_AS_IS\"]");
    assertThat(t.at("/properties/mode/default").asText()).isEqualTo("upper");
    assertThat(t.at("/properties/mode/description").asText()).isEqualTo("How to change it.");
    assertThat(t.at("/properties/tags").toString())
        .isEqualTo(
            "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"Labels to add.\"}");
    assertThat(t.at("/properties/retry/properties/maxAttempts/default").asInt()).isEqualTo(3);
    assertThat(t.at("/properties/retry/properties/backoff/default").asText()).isEqualTo("500ms");
    assertThat(t.at("/properties/token/writeOnly").asBoolean()).isTrue();
    assertThat(t.at("/properties/parallelism/description").asText())
        .isEqualTo("How many parallel instances run this stage; settings.parallelism when absent.");
    assertThat(
            SCHEMA
                .at("/properties/settings/properties/checkpointing/properties/interval/default")
                .asText())
        .isEqualTo("10s");
    assertThat(SCHEMA.at("/definitions/stage/properties/action/anyOf/0/enum").toString())
        .contains("\"Test Source\"", "\"Test Transform\"", "\"Test Sink\"");
  }

  @Test
  void aMappingKeyedByFieldPathsNamesItsKeys() {
    assertThat(
            SCHEMA.at("/definitions/action-remapfields/properties/rename/propertyNames").toString())
        .isEqualTo("{\"type\":\"string\",\"minLength\":1}");
    assertThat(SCHEMA.at("/definitions/action-remapfields/properties/keep/items").toString())
        .isEqualTo("{\"type\":\"string\",\"minLength\":1}");
    String flow =
        "name: a\nstages:\n  - {name: s, action: Remap Fields, props: {rename: {%s: b}}}\n";
    assertThat(check(flow.formatted("a.x"))).isEmpty();
    assertThat(check(flow.formatted("''")).toString()).contains("rename");
  }

  @Test
  void acceptsAValidFlow() throws Exception {
    String orders = Files.readString(Paths.get("src/test/resources/flows/orders.yaml"));
    assertThat(check(orders)).isEmpty();
    assertThat(
            check(
                "name: a\nstages:\n  - {name: s, action: Test Source, props: {count: '${p__n}'}}\n"))
        .isEmpty();
    assertThat(
            check("name: a\nstages:\n  - {name: s, action: com.example.Custom, props: {any: 1}}\n"))
        .isEmpty();
  }

  @Test
  void rejectsUnknownAndBadlyTypedProps() {
    List<String> errors =
        check(
                """
                name: a
                stages:
                  - {name: s, action: Test Transform, props: {feild: x, mode: sideways}}
                  - {name: k, action: Test Origin, props: {count: many, interval: soon}}
                settings: {paralelism: 2}
                """)
            .stream()
            .map(m -> m.getInstanceLocation() + " " + m.getType())
            .sorted()
            .toList();
    assertThat(errors)
        .containsExactly(
            "$.settings additionalProperties",
            "$.stages[0].props additionalProperties",
            "$.stages[0].props required",
            "$.stages[0].props.mode enum",
            "$.stages[1].props.count pattern",
            "$.stages[1].props.count type",
            "$.stages[1].props.interval pattern");
  }

  /** The schema's size pattern takes what DataSize reads, and refuses what it does not. */
  @Test
  void theSizePatternMatchesWhatASizePropReads() {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(SchemaGenerator.SIZE_PATTERN);
    for (String ok :
        List.of(
            "512",
            "512b",
            "10 bytes",
            "64kb",
            "64 KiB",
            "128m",
            "128MB",
            "1g",
            "2tb",
            "64kibibytes",
            "128mebibytes",
            "1gibibytes",
            "2tebibytes")) {
      assertThat(p.matcher(ok).matches()).as(ok).isTrue();
      assertThat(dev.flow.spi.DataSize.parse(ok)).as(ok).isNotNull();
    }
    for (String bad : List.of("lots", "1.5gb", "-1kb", "64 kilobytes")) {
      assertThat(p.matcher(bad).matches()).as(bad).isFalse();
    }
  }
}
