package dev.flow.job.remote;

import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the client commands find the server, the token and the project: a flag first, then the
 * environment ({@code FLOW_SERVER}, {@code FLOW_TOKEN}), then the config file, then the defaults
 * ({@code http://localhost:8090}, no token, the project {@code default}).
 *
 * <p>The config file is {@code $FLOW_CONFIG} when set, else {@code
 * $XDG_CONFIG_HOME/flow/config.yaml}, else {@code ~/.config/flow/config.yaml}:
 *
 * <pre>{@code
 * server: http://localhost:8090
 * token: flow_...
 * project: default
 * }</pre>
 *
 * @param server the server's base URL
 * @param token the bearer token, or null
 * @param project the project, or null for the server's {@code default}
 * @param problems what is wrong with the config file, located
 */
public record ClientSettings(String server, String token, String project, List<Problem> problems) {

  /** The server when nothing names one. */
  public static final String DEFAULT_SERVER = "http://localhost:8090";

  private static final Set<String> KEYS = Set.of("server", "token", "project");

  /** Resolves the settings from the flags (null when not given), the environment and the file. */
  public static ClientSettings resolve(
      String serverFlag, String tokenFlag, String projectFlag, Map<String, String> env) {
    Path file = configFile(env);
    List<Problem> problems = new ArrayList<>();
    Node.MapNode config = read(file, problems);
    String server =
        first(serverFlag, env.get("FLOW_SERVER"), text(config, "server"), DEFAULT_SERVER);
    String token = first(tokenFlag, env.get("FLOW_TOKEN"), text(config, "token"), null);
    String project = first(projectFlag, null, text(config, "project"), null);
    return new ClientSettings(server, token, project, List.copyOf(problems));
  }

  /** The config file that {@code env} points to, whether it exists or not. */
  public static Path configFile(Map<String, String> env) {
    String explicit = env.get("FLOW_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("flow").resolve("config.yaml");
  }

  private static Node.MapNode read(Path file, List<Problem> problems) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(
          Problem.error(new Location(file.toString(), 0, 0), null, "cannot read it: " + e));
      return null;
    }
    YamlReader.Result r = new YamlReader(YamlReader.Limits.defaults()).read(text, file.toString());
    problems.addAll(r.problems());
    if (r.root() == null || r.root() instanceof Node.ScalarNode s && s.isNull()) {
      return null;
    }
    if (!(r.root() instanceof Node.MapNode m)) {
      problems.add(
          Problem.error(
              r.root().location(),
              null,
              "the client config must be a mapping with server, token and project"));
      return null;
    }
    for (String key : m.entries().keySet()) {
      if (!KEYS.contains(key)) {
        problems.add(
            Problem.error(
                    m.keyLocation(key), null, "unknown key '" + key + "' in the client config")
                .withHint("known keys: project, server, token"));
      } else if (!(m.get(key) instanceof Node.ScalarNode)) {
        problems.add(Problem.error(m.get(key).location(), null, "'" + key + "' must be text"));
      }
    }
    return m;
  }

  private static String text(Node.MapNode config, String key) {
    if (config != null && config.get(key) instanceof Node.ScalarNode s && !s.isNull()) {
      String t = s.text().strip();
      return t.isEmpty() ? null : t;
    }
    return null;
  }

  private static String first(String a, String b, String c, String fallback) {
    for (String s : new String[] {a, b, c}) {
      if (s != null && !s.isBlank()) {
        return s.strip();
      }
    }
    return fallback;
  }
}
