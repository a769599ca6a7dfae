package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.validate.ReferenceDocs;
import dev.flow.validate.SchemaGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The action reference and the editor schema in {@code docs/}, and the action and settings tables
 * of the README, are generated from the declarations; this test fails when they are out of date.
 * Regenerate them with {@code mvn -pl flow-job test -Dtest=GeneratedDocsTest -Ddocs.write=true}.
 */
class GeneratedDocsTest {
  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void actionReferenceIsUpToDate() throws Exception {
    check(DOCS.resolve("actions.md"), new ReferenceDocs(FlowCompiler.registry()).generate());
  }

  @Test
  void editorSchemaIsUpToDate() throws Exception {
    check(
        DOCS.resolve("flow.schema.json"),
        new SchemaGenerator(FlowCompiler.registry()).generateText() + "\n");
  }

  @Test
  void everyPackagedActionIsInTheReference() throws Exception {
    String doc = new ReferenceDocs(FlowCompiler.registry()).generate();
    FlowCompiler.registry().all().forEach(f -> assertThat(doc).contains(f.name()));
    assertThat(FlowCompiler.registry().all()).hasSizeGreaterThanOrEqualTo(11);
  }

  @Test
  void readmeTablesAreUpToDate() throws Exception {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String expected =
        region(
            region(text, "actions", new ReferenceDocs(FlowCompiler.registry()).actionsTable()),
            "settings",
            ReferenceDocs.settingsTable());
    check(readme, expected);
  }

  /** Replaces what stands between the markers of a generated region of the README. */
  private static String region(String text, String name, String content) {
    String begin = "<!-- generated: " + name + " -->\n";
    String end = "<!-- end of generated: " + name + " -->";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    assertThat(from).as("README.md has the markers of the %s table", name).isNotNegative();
    assertThat(to).isGreaterThan(from);
    return text.substring(0, from + begin.length()) + content + text.substring(to);
  }

  private static void check(Path file, String expected) throws Exception {
    if (Boolean.getBoolean("docs.write")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(file).exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is out of date; regenerate it with -Ddocs.write=true", file)
        .isEqualTo(expected);
  }
}
