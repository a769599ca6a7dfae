import dev.flow.server.FlowServer;
import dev.flow.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Flow server's catalog under load: 10,000 flows, then the latency of get, list and update
 * (one client, sequential requests, loopback), and the time to import a 1,000-flow zip. Run with
 * bench/server/run [--db jdbc:postgresql://...].
 */
public final class ServerBench {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String base;
  static String token;

  public static void main(String[] args) throws Exception {
    String db = args.length > 1 && args[0].equals("--db") ? args[1] : null;
    Path data = Files.createTempDirectory(Path.of("bench/target"), "server-");
    String yaml = Files.readString(Path.of("examples/quickstart.yaml"));
    try (FlowServer server =
        FlowServer.start(new ServerConfig("127.0.0.1", 0, data, db, null))) {
      base = "http://127.0.0.1:" + server.port();
      token = server.firstAdminToken().orElseThrow();
      call("POST", "/api/v1/projects", "{\"name\":\"thousand\"}");
      long t0 = System.nanoTime();
      List<String> ids = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<String>> made = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        String project = i < 1000 ? "thousand" : "default";
        String body = json(yaml.replace("name: Quick start", "name: flow " + i));
        made.add(pool.submit(() -> id(call("POST", "/api/v1/flows?project=" + project, body))));
      }
      for (Future<String> f : made) {
        ids.add(f.get());
      }
      pool.shutdown();
      double fill = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "created 10,000 flows in %.1f s (4 clients)%n", fill);
      Random rnd = new Random(42);
      double[] get = time(2000, () -> call("GET", "/api/v1/flows/" + ids.get(rnd.nextInt(ids.size())), null));
      double[] list =
          time(500, () -> call("GET", "/api/v1/flows?size=50&page=" + rnd.nextInt(180), null));
      double[] filtered =
          time(500, () -> call("GET", "/api/v1/flows?q=flow%20" + rnd.nextInt(9000) + "&size=50", null));
      int[] version = new int[ids.size()];
      Arrays.fill(version, 1);
      double[] update =
          time(
              1000,
              () -> {
                int k = 1000 + rnd.nextInt(9000);
                String r =
                    call(
                        "PUT",
                        "/api/v1/flows/" + ids.get(k),
                        "{\"baseVersion\":" + version[k] + ",\"description\":\"d\"}");
                version[k]++;
                return r;
              });
      HttpResponse<byte[]> zip =
          HTTP.send(
              req("GET", "/api/v1/export?project=thousand", null).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      call("POST", "/api/v1/projects", "{\"name\":\"copy\"}");
      long i0 = System.nanoTime();
      HttpResponse<String> imp =
          HTTP.send(
              req("POST", "/api/v1/import?project=copy", null)
                  .header("Content-Type", "application/zip")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(zip.body()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double importSecs = (System.nanoTime() - i0) / 1e9;
      if (imp.statusCode() != 200 || imp.body().contains("\"invalid\"")) {
        throw new IllegalStateException("import failed: " + imp.body());
      }
      System.out.println("store: " + (db == null ? "H2 (embedded default)" : "PostgreSQL"));
      System.out.println("| operation (10,000 flows in the catalog) | p50 ms | p99 ms |");
      System.out.println("|---|---|---|");
      row("GET /api/v1/flows/{id}", get);
      row("GET /api/v1/flows?size=50&page=N", list);
      row("GET /api/v1/flows?q=TEXT&size=50 (text search)", filtered);
      row("PUT /api/v1/flows/{id} (a new version)", update);
      System.out.printf(
          Locale.ROOT,
          "import of a 1,000-flow zip (%d KiB, validated): %.1f s%n",
          zip.body().length / 1024,
          importSecs);
    }
  }

  interface Call {
    String run() throws Exception;
  }

  static double[] time(int n, Call c) throws Exception {
    for (int i = 0; i < 50; i++) {
      c.run();
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      c.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[n / 2], ms[(int) (n * 0.99)]};
  }

  static void row(String what, double[] p) {
    System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", what, p[0], p[1]);
  }

  static HttpRequest.Builder req(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
  }

  static String call(String method, String path, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(req(method, path, body).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String id(String flowJson) {
    int i = flowJson.indexOf("\"id\":\"") + 6;
    return flowJson.substring(i, flowJson.indexOf('"', i));
  }

  static String json(String yaml) {
    StringBuilder b = new StringBuilder("{\"yaml\":\"");
    for (char ch : yaml.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(ch);
      }
    }
    return b.append("\"}").toString();
  }
}
