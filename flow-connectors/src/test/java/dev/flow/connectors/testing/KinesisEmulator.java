package dev.flow.connectors.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.SdkBytes;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.http.apache.ApacheHttpClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.regions.Region;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.KinesisClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.Shard;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.StreamStatus;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Kinesis emulator {@code kinesis-local} (installed by the flow-connectors build with {@code
 * npm ci}) as a child process on free ports. Register it as a static JUnit 5 extension or call
 * {@link #start()} and {@link #close()} yourself.
 */
public final class KinesisEmulator implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "000000000000";
  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key";

  private Process process;
  private int port;
  private Path log;
  private Thread shutdownHook;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  /** Starts the emulator and returns once it accepts connections. */
  public synchronized void start() throws Exception {
    if (process != null) {
      return;
    }
    Path dir = installDir();
    Path main = dir.resolve("node_modules/kinesis-local/main.js");
    if (!Files.isRegularFile(main)) {
      throw new IllegalStateException(
          main + " is missing; the flow-connectors build installs it with 'npm ci'");
    }
    port = freePort();
    int tlsPort = freePort();
    Path target = Paths.get("target").toAbsolutePath();
    Files.createDirectories(target);
    log = Files.createTempFile(target, "kinesis-local-", ".log");
    ProcessBuilder pb = new ProcessBuilder("node", main.toString());
    Map<String, String> env = pb.environment();
    env.put(
        "KINESIS_MOCK_CERT_PATH", dir.resolve("node_modules/kinesis-local/server.json").toString());
    env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(port));
    env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort));
    env.put("CREATE_STREAM_DURATION", "10ms");
    env.put("DELETE_STREAM_DURATION", "10ms");
    env.put("AWS_REGION", REGION);
    env.put("AWS_ACCOUNT_ID", ACCOUNT_ID);
    env.put("LOG_LEVEL", "WARN");
    env.put("SHOULD_PERSIST_DATA", "false");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    process = pb.start();
    shutdownHook = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!accepts(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String out = Files.readString(log, StandardCharsets.UTF_8);
        close();
        throw new IllegalStateException("kinesis-local did not start:\n" + out);
      }
      Thread.sleep(100);
    }
  }

  /** Stops the emulator process. */
  @Override
  public synchronized void close() throws Exception {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    process = null;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The plain HTTP endpoint, e.g. {@code http://localhost:41234}. */
  public String endpoint() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  /** The ARN of a stream in the emulator's account and region. */
  public static String arn(String stream) {
    return "arn:aws:kinesis:" + REGION + ":" + ACCOUNT_ID + ":stream/" + stream;
  }

  /** A client of the emulator; the caller closes it. */
  public KinesisClient client() {
    return KinesisClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(ApacheHttpClient.builder().build())
        .build();
  }

  /** Creates a stream and waits until it is active. */
  public void createStream(String name, int shards) throws InterruptedException {
    try (KinesisClient c = client()) {
      c.createStream(b -> b.streamName(name).shardCount(shards));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (c.describeStreamSummary(b -> b.streamName(name))
              .streamDescriptionSummary()
              .streamStatus()
          != StreamStatus.ACTIVE) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("stream " + name + " did not become active");
        }
        Thread.sleep(50);
      }
    }
  }

  /** Puts UTF-8 records, partition key = the record's index, in batches of up to 500. */
  public void put(String stream, List<String> values) {
    try (KinesisClient c = client()) {
      for (int from = 0; from < values.size(); from += 500) {
        List<PutRecordsRequestEntry> batch = new ArrayList<>();
        for (int i = from; i < Math.min(values.size(), from + 500); i++) {
          batch.add(
              PutRecordsRequestEntry.builder()
                  .partitionKey(Integer.toString(i))
                  .data(SdkBytes.fromUtf8String(values.get(i)))
                  .build());
        }
        PutRecordsResponse r = c.putRecords(b -> b.streamName(stream).records(batch));
        if (r.failedRecordCount() != null && r.failedRecordCount() > 0) {
          throw new IllegalStateException(r.failedRecordCount() + " records failed");
        }
      }
    }
  }

  /** Every record in the stream from the start, as (partition key, UTF-8 data) pairs. */
  public List<Map.Entry<String, String>> readAll(String stream) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    try (KinesisClient c = client()) {
      List<Shard> shards = c.listShards(b -> b.streamName(stream)).shards();
      for (Shard shard : shards) {
        String it =
            c.getShardIterator(
                    b ->
                        b.streamName(stream)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        while (it != null) {
          String current = it;
          GetRecordsResponse r = c.getRecords(b -> b.shardIterator(current).limit(1000));
          r.records()
              .forEach(rec -> out.add(Map.entry(rec.partitionKey(), rec.data().asUtf8String())));
          if (r.records().isEmpty() || r.millisBehindLatest() == 0L) {
            break;
          }
          it = r.nextShardIterator();
        }
      }
    }
    return out;
  }

  /** Reads until at least {@code expected} records are in the stream or the timeout passes. */
  public List<Map.Entry<String, String>> readAll(String stream, int expected, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Map.Entry<String, String>> got = readAll(stream);
    while (got.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(200);
      got = readAll(stream);
    }
    return got;
  }

  private static Path installDir() {
    String prop = System.getProperty("kinesis.local.dir");
    if (prop != null && !prop.isBlank()) {
      return Paths.get(prop);
    }
    // Found from any module of the project: the committed package.json lives here.
    File dir = new File("").getAbsoluteFile();
    while (dir != null) {
      Path candidate = dir.toPath().resolve("flow-connectors/src/test/kinesis");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      if (dir.toPath().endsWith("flow-connectors")) {
        return dir.toPath().resolve("src/test/kinesis");
      }
      dir = dir.getParentFile();
    }
    throw new IllegalStateException("cannot find flow-connectors/src/test/kinesis");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("localhost", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
