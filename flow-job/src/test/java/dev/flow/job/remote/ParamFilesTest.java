package dev.flow.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.client.model.ParameterSet;
import dev.flow.client.model.ParameterSet.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter sets written in the {@code --params} format read back as the same set. */
class ParamFilesTest {
  @TempDir Path dir;

  @Test
  void aSetPrintsInTheParamsFormatWithSecretsMaskedAndReadsBack() throws Exception {
    Map<String, Parameter> p = new LinkedHashMap<>();
    p.put("bootstrap", Parameter.plain("localhost:9092"));
    p.put("quote", Parameter.plain("a \"b\"\nc: #d"));
    p.put("true", Parameter.plain("12"));
    p.put("password", Parameter.secret("s3cr3t"));
    String yaml = ParamFiles.toYaml(new ParameterSet("orders", p));
    assertThat(yaml)
        .isEqualTo(
            "name: orders\n"
                + "parameters:\n"
                + "  bootstrap: \"localhost:9092\"\n"
                + "  quote: \"a \\\"b\\\"\\nc: #d\"\n"
                + "  \"true\": \"12\"\n"
                + "  password:\n"
                + "    value: \"***\"\n"
                + "    secret: true\n");
    assertThat(yaml).doesNotContain("s3cr3t");

    Path file = dir.resolve("orders.yaml");
    Files.writeString(file, yaml);
    ParamFiles.Loaded back = ParamFiles.load(List.of(file));
    assertThat(back.problems()).isEmpty();
    Map<String, Parameter> expected = new LinkedHashMap<>(p);
    expected.put("password", new Parameter("***", true));
    assertThat(back.sets().get("orders").parameters()).isEqualTo(expected);
  }

  @Test
  void referencesNameTheSetsButNotEnvironmentVariablesOrEscapes() {
    assertThat(LocalFlow.references("a: ${kafka__bootstrap} ${env:HOME} $${lit__x} ${b.c-d__y}"))
        .containsExactly("b.c-d", "kafka");
  }
}
