package dev.flow.server;

import dev.flow.factory.Factories;
import dev.flow.job.graph.FactoryPicture;
import dev.flow.job.graph.FactorySvg;
import dev.flow.server.testing.Api;
import dev.flow.server.testing.Zips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Factories in the catalog: push, create, versions and pins, validate, graph, delete; per store.
 */
abstract class FactoryApiContract extends ServerBase {
  static final Path EXAMPLE = Path.of("../examples/factory");

  /** The example factory's folder as a zip, without its tests. */
  static byte[] exampleZip() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> all = Files.walk(EXAMPLE)) {
      for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
        files.put(EXAMPLE.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return Zips.of(files);
  }

  Api.Response push(byte[] zip) {
    return admin.postBytes("/api/v1/factories", "application/zip", zip);
  }

  @Test
  void explore() {
    Api.Response r = push(exampleZip());
    System.out.println("PUSH " + r);
    String id = r.json().get("id").asText();
    System.out.println("PUSH2 " + push(exampleZip()));
    System.out.println("LIST " + admin.get("/api/v1/factories"));
    System.out.println("VALIDATE " + admin.post("/api/v1/factories/" + id + "/validate", ""));
    System.out.println("STALE " + admin.put("/api/v1/factories/" + id, Map.of("baseVersion", 1)));
    System.out.println("VERSIONS " + admin.get("/api/v1/factories/" + id + "/versions"));
    String bad =
        "name: Pair\nflows:\n  - catalog: Signup intake\n  - catalog: Nope\n    after: [Signup intake]\n";
    System.out.println("BAD " + admin.post("/api/v1/factories", Map.of("yaml", bad)));
    String pair =
        "name: Pair\nparameterSets: [signups.yaml]\nflows:\n  - catalog: Signup intake\n  - path: enrich.yaml\n";
    System.out.println(
        "PAIR "
            + admin.post(
                "/api/v1/factories",
                Map.of(
                    "yaml",
                    pair,
                    "flows",
                    Map.of("enrich.yaml", "Signup enrichment"),
                    "parameterSets",
                    Map.of("signups.yaml", "signups"))));
    Api.Response g = admin.get("/api/v1/factories/" + id + "/graph");
    String cli =
        FactorySvg.render(
            FactoryPicture.of(
                Factories.validate(EXAMPLE.resolve("factory.yaml"), List.of()), false));
    System.out.println("GRAPHEQ " + g.json().get("svg").asText().equals(cli));
    System.out.println("DELETE " + admin.delete("/api/v1/factories/" + id));
  }
}
