package dev.flow.server.deploy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A Flink session cluster reached through its REST API. The cluster jar is uploaded once per
 * version (named by its checksum, so a second server or a restart finds it again); each job runs
 * {@code dev.flow.job.FlowJob} with {@code --flow} and {@code --params} pointing at one-time links
 * of a {@link FlowFileServer}, so the job arguments hold neither YAML nor secrets.
 */
public final class FlinkSessionEngine extends FlinkJobsEngine {
  /** The entry class of the cluster jar. */
  public static final String ENTRY_CLASS = "dev.flow.job.FlowJob";

  private final FlinkRest rest;
  private final FlinkJobs jobs;
  private final Path jar;
  private final FlowFileServer files;
  private String jarId;

  /**
   * @param restUrl the cluster's REST API, e.g. {@code http://localhost:8081}
   * @param jar the cluster jar, {@code flow-job.jar}
   * @param savepointDir where savepoints go; null for the cluster's {@code
   *     execution.checkpointing.savepoint-dir}
   * @param files serves the flow files to the cluster
   */
  public FlinkSessionEngine(String restUrl, Path jar, String savepointDir, FlowFileServer files) {
    this.rest = new FlinkRest(restUrl, Duration.ofSeconds(30));
    this.jobs = new FlinkJobs(rest, rest.baseUrl(), savepointDir, Duration.ofMinutes(2));
    this.jar = jar;
    this.files = files;
  }

  @Override
  public String kind() {
    return "flink-session";
  }

  @Override
  public JobRef submit(JobRequest request) throws EngineException {
    FlowSources.validOrThrow(request);
    if (request.manual() != null) {
      throw new EngineException("manual runs run on the local environment only");
    }
    String id = jarId();
    FlowFileServer.Published published = files.publish(request);
    try {
      var body = rest.object().put("entryClass", ENTRY_CLASS);
      ArrayNode args = body.putArray("programArgsList");
      addArgs(args, published);
      if (request.savepoint() != null) {
        body.put("savepointPath", request.savepoint());
        body.put("allowNonRestoredState", request.allowNonRestoredState());
      }
      FlinkRest.Answer a = rest.run(id, body);
      if (a.status() == 404 || (a.status() == 400 && a.errors().contains("jar"))) {
        jarId = null; // the cluster restarted and lost its uploads: upload again, once
        published = files.publish(request);
        args.removeAll();
        addArgs(args, published);
        a = rest.run(jarId(), body);
      }
      if (!a.ok()) {
        throw new EngineException("Flink did not start the flow: " + flowMessage(a.errors()));
      }
      return new JobRef(a.body().path("jobid").asText(), request.name());
    } finally {
      files.revoke(published);
    }
  }

  /** The job's arguments: only one-time links, never a secret, a token or the flow's text. */
  private static void addArgs(ArrayNode args, FlowFileServer.Published published) {
    args.add("--flow").add(published.flowUrl());
    published.paramUrls().forEach(u -> args.add("--params").add(u));
    if (published.reportUrl() != null) {
      args.add("--report").add(published.reportUrl());
    }
  }

  @Override
  FlinkJobs flink() {
    return jobs;
  }

  /** The id of the cluster jar on the cluster, uploading it when the cluster has no copy. */
  synchronized String jarId() throws EngineException {
    if (jarId != null) {
      return jarId;
    }
    String name = "flow-job-" + checksum(jar).substring(0, 16) + ".jar";
    FlinkRest.Answer list = rest.get("/jars");
    if (list.ok()) {
      for (JsonNode f : list.body().path("files")) {
        if (name.equals(f.path("name").asText())) {
          jarId = f.path("id").asText();
          return jarId;
        }
      }
    }
    jarId = rest.upload(jar, name);
    return jarId;
  }

  /** The part of a failed submission's error that Flow wrote, without Flink's stack trace. */
  static String flowMessage(String errors) {
    int at = errors.indexOf("dev.flow.job.InvalidFlowException: ");
    if (at >= 0) {
      String rest = errors.substring(at + "dev.flow.job.InvalidFlowException: ".length());
      int end = rest.indexOf("\n\tat ");
      return (end >= 0 ? rest.substring(0, end) : rest).strip();
    }
    return errors.lines().limit(3).reduce((a, b) -> a + "\n" + b).orElse(errors);
  }

  static String checksum(Path file) throws EngineException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new EngineException("cannot read the job jar " + file + ": " + e.getMessage(), e);
    }
  }
}
