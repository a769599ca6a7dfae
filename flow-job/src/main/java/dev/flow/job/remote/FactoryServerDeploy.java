package dev.flow.job.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.FlowClient;
import dev.flow.client.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code flow factory deploy NAME --env E}: deploys a catalog factory through the server, every
 * member flow producers first, and prints the factory deployment and its members. {@code flow
 * factory deploy} runs this when its argument is not a file or folder.
 */
public final class FactoryServerDeploy extends RemoteCommand {
  private final String name;
  private final String env;
  private final List<String> sets;
  private final Integer version;

  private FactoryServerDeploy(String name, String env, List<String> sets, Integer version) {
    this.name = name;
    this.env = env;
    this.sets = sets;
    this.version = version;
  }

  /** The command with the options {@code flow factory deploy} parsed. */
  public static FactoryServerDeploy of(
      String name, String env, List<String> sets, Integer version, ServerOptions connection) {
    FactoryServerDeploy d = new FactoryServerDeploy(name, env, sets, version);
    d.connection = connection;
    return d;
  }

  @Override
  protected String commandName() {
    return "flow factory deploy";
  }

  @Override
  protected int run(FlowClient client) throws Exception {
    Query q = Query.of();
    if (project() != null) {
      q.add("project", project());
    }
    JsonNode f =
        client
            .transport()
            .get("/api/v1/factories/by-name/" + Paths.segment(name), q, JsonNode.class);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("environment", env);
    if (sets != null) {
      body.put("parameterSets", sets);
    }
    if (version != null) {
      body.put("version", version);
    }
    JsonNode d =
        client
            .transport()
            .send(
                "POST",
                "/api/v1/factories/" + f.get("id").asText() + "/deploy",
                Query.of(),
                body,
                JsonNode.class);
    out.println(
        d.get("factory").asText()
            + ": version "
            + d.get("version").asInt()
            + " deployed to "
            + d.get("environment").asText()
            + " as factory deployment "
            + d.get("id").asText());
    for (JsonNode m : d.get("members")) {
      out.println(
          "  "
              + m.get("flow").asText()
              + " (version "
              + m.get("version").asInt()
              + "): deployment "
              + m.get("deploymentId").asText()
              + ", "
              + m.get("state").asText());
    }
    return 0;
  }

  /** URL path segments. */
  static final class Paths {
    private Paths() {}

    static String segment(String s) {
      return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
          .replace("+", "%20");
    }
  }
}
