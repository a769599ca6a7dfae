package dev.flow.server.deploy.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a flow and its parameter sets to a Flink cluster through one-time links: each file is
 * served once, at an unguessable URL, within a short time, then forgotten. The job arguments carry
 * only these links, so neither the YAML nor a secret shows in the Flink web UI or its logs, and a
 * link read from there later is dead.
 */
public final class FlowFileServer implements AutoCloseable {

  /**
   * The links of one published request: the flow, one per parameter set, and the reporting file
   * (null when the request reports nowhere).
   */
  public record Published(
      String flowUrl, List<String> paramUrls, String reportUrl, List<String> tickets) {}

  private record Entry(String name, byte[] body, Instant expires) {}

  private final HttpServer http;
  private final String advertisedUrl;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry> files = new ConcurrentHashMap<>();

  /**
   * Listens on {@code bind} (port 0 picks a free one).
   *
   * @param advertisedUrl the base URL the cluster reaches this server at; null derives {@code
   *     http://HOST:PORT} from the bound address
   */
  public FlowFileServer(InetSocketAddress bind, String advertisedUrl, Duration ttl)
      throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.http = HttpServer.create(bind, 16);
    this.ttl = ttl;
    this.clock = Clock.systemUTC();
    http.createContext("/flow-files/", this::serve);
    http.start();
    this.advertisedUrl =
        advertisedUrl != null
            ? advertisedUrl.replaceAll("/+$", "")
            : "http://" + bind.getHostString() + ":" + http.getAddress().getPort();
  }

  /** The base URL of the links. */
  public String url() {
    return advertisedUrl;
  }

  /** Publishes the request's flow and parameter sets; each link works once, within the ttl. */
  public Published publish(JobRequest request) {
    List<String> tickets = new ArrayList<>();
    String flowUrl =
        add(request.fileName(), request.yaml().getBytes(StandardCharsets.UTF_8), tickets);
    List<String> params = new ArrayList<>();
    request
        .parameterSets()
        .forEach(
            (set, parameters) ->
                params.add(add(set + ".yaml", ParameterFiles.json(set, parameters), tickets)));
    String report =
        request.reporting() == null
            ? null
            : add(
                "report.json",
                request.reporting().toJson().getBytes(StandardCharsets.UTF_8),
                tickets);
    return new Published(flowUrl, params, report, tickets);
  }

  /** Forgets the published files that were not fetched yet. */
  public void revoke(Published published) {
    published.tickets().forEach(files::remove);
  }

  private String add(String name, byte[] body, List<String> tickets) {
    byte[] t = new byte[24];
    random.nextBytes(t);
    String ticket = HexFormat.of().formatHex(t);
    files.put(ticket, new Entry(name, body, clock.instant().plus(ttl)));
    tickets.add(ticket);
    return advertisedUrl + "/flow-files/" + ticket + "/" + name;
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String[] parts = ex.getRequestURI().getPath().split("/");
      // ["", "flow-files", ticket, name]
      Entry e = parts.length == 4 ? files.remove(parts[2]) : null;
      if (!"GET".equals(ex.getRequestMethod())
          || e == null
          || !e.name().equals(parts[3])
          || clock.instant().isAfter(e.expires())) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "application/yaml; charset=utf-8");
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.sendResponseHeaders(200, e.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(e.body());
      }
    }
  }

  /** How many links are live (published, not yet fetched or revoked). */
  public int pending() {
    Instant now = clock.instant();
    files.values().removeIf(e -> now.isAfter(e.expires()));
    return files.size();
  }

  @Override
  public void close() {
    http.stop(0);
    files.clear();
  }

  /** Parameter set files as the job reads them ({@code --params}). */
  static final class ParameterFiles {
    private ParameterFiles() {}

    /** A parameter set file in JSON, which is YAML too. */
    static byte[] json(String set, Map<String, dev.flow.parse.ParameterSets.Parameter> parameters) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("name", set);
      Map<String, Object> ps = new LinkedHashMap<>();
      parameters.forEach(
          (k, p) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("value", p.value());
            one.put("secret", p.secret());
            ps.put(k, one);
          });
      doc.put("parameters", ps);
      try {
        return EngineJson.MAPPER.writeValueAsBytes(doc);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
