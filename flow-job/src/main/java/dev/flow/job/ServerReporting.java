package dev.flow.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flow.connectors.flowserver.FlowServerOptions;
import dev.flow.connectors.flowserver.FlowServerPublisherFactory;
import dev.flow.model.Node;
import dev.flow.model.StageDef;
import dev.flow.spi.FlowSettings;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a flow the server deployed reports to: run outcomes go to the server unless the flow sets
 * {@code settings.runs} itself, and error records unless it names its own {@code
 * settings.errors.action}. The settings are bound here, before the job graph is built, so the
 * translator builds these stages like any other.
 *
 * @param ingestUrl the server's ingest base for this deployment, {@code .../api/v1/ingest/ID}
 * @param token the deployment-scoped token; it reaches the job like the parameter sets do, never in
 *     job arguments
 */
public record ServerReporting(String ingestUrl, String token) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FlowServerPublisherFactory FACTORY = new FlowServerPublisherFactory();

  /** Reads a reporting file: {@code {"ingestUrl":"...","token":"..."}}. */
  public static ServerReporting read(Path file) throws IOException {
    JsonNode n = JSON.readTree(Files.readAllBytes(file));
    return new ServerReporting(n.path("ingestUrl").asText(), n.path("token").asText());
  }

  /** This reporting as the JSON a reporting file holds. */
  public String toJson() {
    return JSON.createObjectNode().put("ingestUrl", ingestUrl).put("token", token).toString();
  }

  @Override
  public String toString() {
    return "ServerReporting[" + ingestUrl + "]";
  }

  /** {@code flow} with the server as its runs stage and error stage where the flow names none. */
  public ValidatedFlow apply(ValidatedFlow flow) {
    Node.MapNode settings = flow.def().settings();
    boolean ownRuns = flow.runStage() != null;
    boolean ownErrors =
        settings != null
            && settings.get("errors") instanceof Node.MapNode e
            && e.get("action") != null;
    ResolvedStage runs =
        ownRuns ? flow.runStage() : stage(flow, "Run Records - Flow Server", "/runs");
    ResolvedStage errors =
        ownErrors ? flow.errorStage() : stage(flow, "Error Records - Flow Server", "/errors");
    FlowSettings s = flow.settings();
    if (!ownRuns && s.runs() == null) {
      s =
          new FlowSettings(
              s.parallelism(),
              s.maxParallelism(),
              s.checkpointing(),
              s.restart(),
              s.stateBackend(),
              s.errors(),
              FlowSettings.Runs.defaults());
    }
    return new ValidatedFlow(flow.def(), s, flow.stages(), errors, flow.problems(), runs);
  }

  private ResolvedStage stage(ValidatedFlow flow, String name, String path) {
    var at = flow.def().location();
    StageDef def =
        new StageDef(
            name, FACTORY.name(), new Node.MapNode(Map.of(), Map.of(), at), List.of(), at, at, at);
    return new ResolvedStage(
        def, FACTORY, FlowServerOptions.of(ingestUrl + path, token), 0, List.of());
  }
}
