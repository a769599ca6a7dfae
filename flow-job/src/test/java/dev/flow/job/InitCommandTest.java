package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code flow init}: the project it writes, and what it refuses. */
class InitCommandTest {

  @ParameterizedTest
  @CsvSource({"kafka, flows/orders.yaml", "webhook, flows/signups.yaml"})
  void writesAProjectWhoseFlowValidatesWithItsParameters(
      String template, String flow, @TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("shop-events");
    CliRunner.Result r = CliRunner.run("init", dir.toString(), "--template", template);

    assertThat(r.exitCode()).as(r.err()).isZero();
    String test = flow.replace(".yaml", ".test.yaml");
    assertThat(r.out())
        .startsWith("Created " + template + " project 'shop-events' in " + dir + ":")
        .contains("  " + flow + "\n", "  " + test + "\n", "  params/local.yaml\n", "  README.md\n");
    for (String f : List.of(flow, test, "params/local.yaml", "README.md", ".gitignore")) {
      assertThat(dir.resolve(f)).isRegularFile();
    }
    assertThat(Files.readString(dir.resolve("README.md"))).startsWith("# shop-events\n");
    assertThat(Files.readString(dir.resolve(flow))).doesNotContain("{{project}}");

    ValidatedFlow v =
        FlowCompiler.validate(
            dir.resolve(flow).toString(),
            List.of(dir.resolve("params/local.yaml").toString()),
            false);
    assertThat(v.problems()).extracting(Problem::format).isEmpty();
    assertThat(v.def().name()).startsWith("shop-events ");
  }

  @Test
  void refusesToOverwriteUnlessForced(@TempDir Path tmp) throws Exception {
    assertThat(CliRunner.run("init", tmp.toString()).exitCode()).isZero();
    Path flow = tmp.resolve("flows/orders.yaml");
    Files.writeString(flow, "# mine\n");

    CliRunner.Result again = CliRunner.run("init", tmp.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .startsWith("flow init: these files exist already; use --force to overwrite them:\n")
        .contains("  " + tmp.resolve("flows/orders.yaml") + "\n");
    assertThat(Files.readString(flow)).isEqualTo("# mine\n");

    assertThat(CliRunner.run("init", tmp.toString(), "--force").exitCode()).isZero();
    assertThat(Files.readString(flow)).contains("action: Kafka Trigger");
  }

  @Test
  void refusesAnUnknownTemplateAndAnUnusableName(@TempDir Path tmp) {
    CliRunner.Result r = CliRunner.run("init", tmp.toString(), "--template", "kafak");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("flow init: unknown template 'kafak'; templates: kafka, webhook\n");

    CliRunner.Result n = CliRunner.run("init", tmp.toString(), "--name", "my: flows");
    assertThat(n.exitCode()).isEqualTo(2);
    assertThat(n.err())
        .startsWith("flow init: 'my: flows' cannot name a project: use letters, digits");
    assertThat(tmp.resolve("flows")).doesNotExist();
  }
}
