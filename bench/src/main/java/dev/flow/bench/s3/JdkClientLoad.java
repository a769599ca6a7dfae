package dev.flow.bench.s3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load from the JDK's {@code HttpClient} when {@code wrk} is not installed: a fixed number of
 * threads, each POSTing synchronously on its own keep-alive connection until the time is up or the
 * request budget is spent. Slower than wrk, so it understates a fast server.
 */
public final class JdkClientLoad {
  /** Latencies kept per thread; more requests than this are still counted. */
  private static final int MAX_SAMPLES = 1_000_000;

  private JdkClientLoad() {}

  public static Load run(URI url, byte[] body, int seconds, int connections, long maxRequests)
      throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    long perThread = Math.max(1, maxRequests / connections);
    List<Future<long[]>> results = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      results.add(
          pool.submit(
              () -> {
                long[] lat = new long[(int) Math.min(perThread, MAX_SAMPLES)];
                int n = 0;
                long errors = 0;
                long done = 0;
                while (done < perThread && System.nanoTime() < deadline) {
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<Void> r =
                        client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() / 100 != 2) {
                      errors++;
                    }
                  } catch (java.io.IOException e) {
                    errors++;
                  }
                  if (n < lat.length) {
                    lat[n++] = System.nanoTime() - t0;
                  }
                  done++;
                }
                long[] out = Arrays.copyOf(lat, n + 2);
                out[n] = errors;
                out[n + 1] = done;
                return out;
              }));
    }
    long requests = 0;
    long errors = 0;
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : results) {
      long[] r = f.get();
      errors += r[r.length - 2];
      requests += r[r.length - 1];
      all.add(Arrays.copyOf(r, r.length - 2));
    }
    double secs = (System.nanoTime() - start) / 1e9;
    pool.shutdownNow();
    long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Load("jdk-client", requests, secs, at(lat, 0.50) / 1e6, at(lat, 0.99) / 1e6, errors);
  }

  private static double at(long[] sorted, double q) {
    return sorted.length == 0
        ? Double.NaN
        : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)];
  }
}
