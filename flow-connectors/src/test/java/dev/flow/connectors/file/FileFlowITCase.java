package dev.flow.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.FlowRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A YAML flow from files to files, compiled by the real parser, validator and translator. */
class FileFlowITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  @Test
  void readRemapAndWritePartitionedFiles(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path out = dir.resolve("out");
    Files.writeString(
        in.resolve("orders.jsonl"),
        "{\"id\":1,\"country\":\"DE\",\"email\":\"a@x\"}\n"
            + "{broken\n"
            + "{\"id\":2,\"country\":\"FR\",\"email\":\"b@x\"}\n"
            + "{\"id\":3,\"country\":\"DE\",\"email\":\"c@x\"}\n");
    Path flow = dir.resolve("flow.yaml");
    Files.writeString(
        flow,
        String.join(
            "\n",
            "name: files",
            "stages:",
            "  - name: read",
            "    action: Read File",
            "    props: {path: '" + in + "', glob: '*.jsonl'}",
            "    out: [tidy]",
            "  - name: tidy",
            "    action: Remap Fields",
            "    props: {drop: [email]}",
            "    out: [write]",
            "  - name: write",
            "    action: write-to-file",
            "    props: {path: '" + out + "', partitionBy: 'country={country}', prefix: orders}",
            "    out: []",
            ""));
    FlowRun.run(flow, "files", Set.of());

    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        String name = out.relativize(f).toString().replaceAll("orders-[0-9a-f-]{36}-", "orders-*-");
        files.add(name + ": " + Files.readString(f));
      }
    }
    assertThat(files)
        .containsExactly(
            "country=DE/orders-*-0.jsonl: {\"id\":1,\"country\":\"DE\"}\n{\"id\":3,\"country\":\"DE\"}\n",
            "country=FR/orders-*-0.jsonl: {\"id\":2,\"country\":\"FR\"}\n");

    var errors = FlowRun.errors("files");
    assertThat(errors).hasSize(1);
    var e = errors.get(0).asObjectNode();
    assertThat(e.get("stage").asText()).isEqualTo("read");
    assertThat(e.get("record").asText()).isEqualTo("{broken");
    assertThat(e.get("error").asText()).startsWith("not valid JSON");
  }
}
