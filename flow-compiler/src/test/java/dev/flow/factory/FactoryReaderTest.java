package dev.flow.factory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.flow.model.FactoryDef;
import dev.flow.model.Problem;
import dev.flow.record.Json;
import org.junit.jupiter.api.Test;

/** Reading factory files: locations, unknown keys with "did you mean", and the published schema. */
class FactoryReaderTest {

  @Test
  void readsFlowsWithLocationsAndAfter() {
    FactoryReader.Result r =
        FactoryReader.read(
            "name: F\nparameterSets: [p.yaml]\nflows:\n  - a.yaml\n  - path: b.yaml\n"
                + "    after: [A]\n",
            "f.yaml");
    assertThat(r.problems()).isEmpty();
    FactoryDef d = r.factory();
    assertThat(d.name()).isEqualTo("F");
    assertThat(d.parameterSets()).extracting(FactoryDef.Ref::value).containsExactly("p.yaml");
    assertThat(d.flows())
        .extracting(FactoryDef.FlowEntry::path)
        .containsExactly("a.yaml", "b.yaml");
    assertThat(d.flows().get(1).valueLocation().toString()).isEqualTo("f.yaml:5:11");
    assertThat(d.flows().get(1).after().get(0).location().toString()).isEqualTo("f.yaml:6:13");
  }

  @Test
  void unknownKeysAreRejectedWithDidYouMean() {
    FactoryReader.Result r =
        FactoryReader.read("name: F\nflow:\n  - a.yaml\nparameterSet: []\n", "f.yaml");
    assertThat(r.problems().stream().map(Problem::format))
        .containsExactly(
            "f.yaml:1:1: error: the factory has no 'flows'; add 'flows:' with a list of '- path:"
                + " flow.yaml'",
            "f.yaml:2:1: error: unknown top-level key 'flow'; did you mean 'flows'? Known keys:"
                + " name, description, parameterSets, flows",
            "f.yaml:4:1: error: unknown top-level key 'parameterSet'; did you mean"
                + " 'parameterSets'? Known keys: name, description, parameterSets, flows");
  }

  @Test
  void badYamlIsALocatedProblem() {
    FactoryReader.Result r = FactoryReader.read("name: [\n", "f.yaml");
    assertThat(r.factory()).isNull();
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).location().file()).isEqualTo("f.yaml");
  }

  @Test
  void thePublishedSchemaKnowsTheKeysTheReaderKnows() throws Exception {
    JsonNode schema = Json.MAPPER.readTree(FactorySchema.text());
    assertThat(schema.path("properties").properties().stream().map(e -> e.getKey()).toList())
        .containsExactlyElementsOf(FactoryReader.TOP_KEYS);
    JsonNode item = schema.at("/properties/flows/items/oneOf/1/properties");
    assertThat(item.properties().stream().map(e -> e.getKey()).toList())
        .containsExactlyElementsOf(FactoryReader.FLOW_KEYS);
    var s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    JsonNode example =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
            .readTree(java.nio.file.Path.of("../examples/factory/factory.yaml").toFile());
    assertThat(s.validate(example)).isEmpty();
    JsonNode bad = Json.MAPPER.readTree("{\"name\":\"x\",\"flows\":[{\"pth\":\"a.yaml\"}]}");
    assertThat(s.validate(bad)).isNotEmpty();
  }
}
