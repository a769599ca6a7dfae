package dev.flow.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.client.model.Flow;
import dev.flow.client.model.ParameterSet;
import dev.flow.job.init.ProjectTemplate;
import dev.flow.model.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code flow apply} reads from a folder, and the plan it makes against a server's state. */
class ApplyFolderTest {
  @TempDir Path dir;

  @Test
  void aFlowInitProjectHasOneFlowAndOneSetAndNoProblems() throws Exception {
    ProjectTemplate.named("kafka").write(dir, "shop");
    ApplyFolder f = ApplyFolder.read(dir, List.of());
    assertThat(f.problems()).isEmpty();
    assertThat(f.flows()).containsOnlyKeys("shop orders");
    LocalFlow orders = f.flows().get("shop orders");
    assertThat(orders.file()).isEqualTo(dir.resolve("flows/orders.yaml"));
    assertThat(orders.parameterSets()).containsExactly("orders");
    assertThat(f.sets().sets()).containsOnlyKeys("orders");
    assertThat(f.sets().sets().get("orders").parameters())
        .containsEntry("bootstrap", ParameterSet.Parameter.plain("localhost:9092"))
        .containsEntry("groupId", ParameterSet.Parameter.plain("shop-orders"));
  }

  @Test
  void otherYamlFilesTestsAndHiddenFoldersAreLeftOut() throws Exception {
    Files.writeString(dir.resolve("docker-compose.yaml"), "services: {}\n");
    Files.writeString(dir.resolve("a.yaml"), "name: a\nstages: []\n");
    Files.writeString(dir.resolve("a.test.yaml"), "name: a test\nstages: []\n");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/x.yaml"), "name: hidden\nstages: []\n");
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/y.yaml"), "name: built\nstages: []\n");
    assertThat(ApplyFolder.read(dir, List.of()).flows()).containsOnlyKeys("a");
  }

  @Test
  void twoFlowsOfOneNameAndBrokenYamlAreLocatedProblems() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "name: a\nstages: []\n");
    Files.writeString(dir.resolve("b.yaml"), "name: a\nstages: []\n");
    Files.writeString(dir.resolve("c.yaml"), "name: [c\n");
    Files.writeString(dir.resolve("d.yaml"), "stages: []\n");
    List<String> problems =
        ApplyFolder.read(dir, List.of()).problems().stream().map(Problem::format).toList();
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0))
        .isEqualTo(
            dir.resolve("b.yaml")
                + ":1:1: error: flow 'a' is already defined in "
                + dir.resolve("a.yaml"));
    assertThat(problems.get(1)).startsWith(dir.resolve("c.yaml") + ":");
    assertThat(problems.get(2))
        .isEqualTo(
            dir.resolve("d.yaml")
                + ":1:1: error: the flow has no 'name'; the server knows flows by their name");
  }

  @Test
  void thePlanCreatesUpdatesKeepsAndPrunes() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "name: a\nstages: []\n");
    Files.writeString(dir.resolve("b.yaml"), "name: b\nstages: [] # ${s__x}\n");
    Files.writeString(dir.resolve("c.yaml"), "name: c\nstages: []\n");
    Files.createDirectories(dir.resolve("params"));
    Files.writeString(
        dir.resolve("params/s.yaml"), "parameters: {x: 1, pw: {value: p, secret: true}}\n");
    ApplyFolder folder = ApplyFolder.read(dir, List.of());
    Map<String, Flow> server =
        Map.of(
            "b", flow("b", 2, "name: b\nstages: []\n", List.of()),
            "c", flow("c", 5, "name: c\nstages: []\n", List.of()),
            "old", flow("old", 1, null, List.of()));
    Map<String, ParameterSet> sets =
        Map.of(
            "s",
            new ParameterSet(
                "s",
                Map.of(
                    "x",
                    ParameterSet.Parameter.plain("1"),
                    "pw",
                    new ParameterSet.Parameter("***", true))),
            "gone",
            new ParameterSet("gone", Map.of()));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ApplyPlan.of(folder, server, sets, true)
        .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "  update    parameter set s  ("
                + dir.resolve("params/s.yaml")
                + "; secret values cannot be read back, so they are sent again)\n"
                + "  create    flow          a  ("
                + dir.resolve("a.yaml")
                + ")\n"
                + "  update    flow          b  ("
                + dir.resolve("b.yaml")
                + "; version 2 -> 3)\n"
                + "  unchanged flow          c  ("
                + dir.resolve("c.yaml")
                + "; version 5)\n"
                + "  delete    flow          old\n"
                + "  delete    parameter set gone\n"
                + "1 to create, 2 to update, 2 to delete, 1 unchanged.\n");

    bytes.reset();
    ApplyPlan.of(folder, server, sets, false)
        .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains(
            "  not in the folder, kept (--prune deletes them): flow old, parameter set gone\n")
        .endsWith("1 to create, 2 to update, 0 to delete, 1 unchanged.\n");
  }

  private static Flow flow(String name, int version, String yaml, List<String> sets) {
    return new Flow("id-" + name, "default", name, null, Map.of(), version, sets, null, null, yaml);
  }
}
