package dev.flow.job.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.FlowClient;
import dev.flow.client.Query;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flow factory push DIR}: sends a factory's folder to the server, which validates it whole,
 * then stores its flows, its parameter sets and a new factory version pinning the flows.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "push",
    description = {
      "Push a factory's folder (factory.yaml, its flow files and parameter set files) to the"
          + " server: the flows become catalog flows (a new version when changed), the parameter"
          + " sets catalog sets, and the factory a new version pinning the flows' versions.",
      "The server is found with --server, FLOW_SERVER or the client config."
    })
public final class FactoryPushCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "DIR", description = "The folder with factory.yaml.")
  Path dir;

  @Option(
      names = {"-m", "--message"},
      description = "What changed, kept with the version.")
  String message;

  @Override
  protected String commandName() {
    return "flow factory push";
  }

  @Override
  protected int run(FlowClient client) throws Exception {
    Path folder = Files.isRegularFile(dir) ? dir.toAbsolutePath().getParent() : dir;
    if (!Files.isRegularFile(folder.resolve("factory.yaml"))) {
      err.println("flow factory push: " + folder + " has no factory.yaml");
      return 2;
    }
    Query q = Query.of();
    if (project() != null) {
      q.add("project", project());
    }
    if (message != null) {
      q.add("message", message);
    }
    JsonNode f =
        client
            .transport()
            .upload(
                "/api/v1/factories",
                q,
                "application/zip",
                HttpRequest.BodyPublishers.ofByteArray(zip(folder)),
                JsonNode.class);
    out.println(f.get("name").asText() + ": version " + f.get("version").asInt());
    for (JsonNode m : f.get("members")) {
      out.println("  " + m.get("flow").asText() + ": version " + m.get("version").asInt());
    }
    return 0;
  }

  /** The folder's files as a zip, without hidden files and build output. */
  static byte[] zip(Path folder) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes);
        Stream<Path> all = Files.walk(folder)) {
      List<Path> files =
          all.filter(Files::isRegularFile)
              .filter(p -> !skipped(folder.relativize(p)))
              .sorted()
              .toList();
      for (Path p : files) {
        z.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
        z.write(Files.readAllBytes(p));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static boolean skipped(Path rel) {
    for (Path part : rel) {
      String s = part.toString();
      if (s.startsWith(".") || s.equals("target") || s.equals("out")) {
        return true;
      }
    }
    return false;
  }
}
