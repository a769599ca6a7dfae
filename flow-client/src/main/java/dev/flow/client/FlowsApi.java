package dev.flow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.ConfigurationChange;
import dev.flow.client.model.Flow;
import dev.flow.client.model.FlowConfiguration;
import dev.flow.client.model.FlowDiff;
import dev.flow.client.model.FlowGraph;
import dev.flow.client.model.FlowPage;
import dev.flow.client.model.FlowQuery;
import dev.flow.client.model.FlowUpdate;
import dev.flow.client.model.FlowVersion;
import dev.flow.client.model.NewFlow;
import dev.flow.client.model.PreviewRequest;
import dev.flow.client.model.PreviewResponse;
import dev.flow.client.model.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The flows of the catalog: create, list, get, update, duplicate, delete and their versions. */
public final class FlowsApi {
  private static final String FLOWS = "/api/v1/flows";

  private final ApiTransport http;

  FlowsApi(ApiTransport http) {
    this.http = http;
  }

  /** One page of the flows that match the query, without their YAML. */
  public FlowPage list(FlowQuery q) {
    Query query =
        Query.of()
            .add("project", q.project())
            .add("name", q.name())
            .addEntries("label", q.labels())
            .add("q", q.text())
            .add("page", q.page())
            .add("size", q.size());
    return http.get(FLOWS, query, FlowPage.class);
  }

  /** Every flow that matches the query, reading page after page from the query's page on. */
  public List<Flow> listAll(FlowQuery q) {
    List<Flow> all = new ArrayList<>();
    FlowQuery next = q.size() <= 0 ? q.page(q.page(), 500) : q;
    while (true) {
      FlowPage p = list(next);
      all.addAll(p.items());
      if (p.items().isEmpty() || !p.hasMore()) {
        return all;
      }
      next = next.page(next.page() + 1, next.size());
    }
  }

  /** Creates a flow in {@code project} (null: {@code default}); 409 when its name is taken. */
  public Flow create(String project, NewFlow flow) {
    return http.send("POST", FLOWS, Query.of().add("project", project), flow, Flow.class);
  }

  /** The flow with its current YAML. */
  public Flow get(String id) {
    return http.get(path(id), null, Flow.class);
  }

  /** The flow called {@code name} in {@code project}, with its YAML; 404 when there is none. */
  public Flow byName(String project, String name) {
    return http.get(
        FLOWS + "/by-name/" + Query.encode(name), Query.of().add("project", project), Flow.class);
  }

  /** The flow called {@code name}, or empty when there is none. */
  public Optional<Flow> find(String project, String name) {
    try {
      return Optional.of(byName(project, name));
    } catch (FlowApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** A new version; 409 when {@code baseVersion} is no longer the current version. */
  public Flow update(String id, FlowUpdate update) {
    return http.send("PUT", path(id), null, update, Flow.class);
  }

  /** A copy of the flow under a new name, in the same project. */
  public Flow duplicate(String id, String newName, String description) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("name", newName);
    if (description != null) {
      body.put("description", description);
    }
    return http.send("POST", path(id) + "/duplicate", null, body, Flow.class);
  }

  public void delete(String id) {
    http.sendNoContent("DELETE", path(id), null, null);
  }

  /** The flow's versions, oldest first, without their YAML. */
  public List<FlowVersion> versions(String id) {
    return ApiTransport.items(
        http.get(path(id) + "/versions", null, JsonNode.class), FlowVersion.class);
  }

  /** One version, with its YAML. */
  public FlowVersion version(String id, int version) {
    return http.get(path(id) + "/versions/" + version, null, FlowVersion.class);
  }

  /** The text diff and the savepoint findings from version {@code from} to {@code to}. */
  public FlowDiff diff(String id, int from, int to) {
    return http.get(path(id) + "/diff", Query.of().add("from", from).add("to", to), FlowDiff.class);
  }

  /** Validates the stored flow, or {@code yaml} in its place (null: the stored one). */
  public Validation validate(String id, String yaml) {
    return http.send("POST", path(id) + "/validate", null, yamlBody(yaml), Validation.class);
  }

  /** Validates YAML that is not in the catalog, with these parameter sets of {@code project}. */
  public Validation validateYaml(String project, String yaml, List<String> parameterSets) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("yaml", yaml);
    if (parameterSets != null && !parameterSets.isEmpty()) {
      body.put("parameterSets", parameterSets);
    }
    return http.send(
        "POST", "/api/v1/validate", Query.of().add("project", project), body, Validation.class);
  }

  /** Runs the real preview engine on the flow, bounded in records and time. */
  public PreviewResponse preview(String id, PreviewRequest request) {
    return http.send("POST", path(id) + "/preview", null, request, PreviewResponse.class);
  }

  /** The current version drawn, with its layout. */
  public FlowGraph graph(String id) {
    return graph(id, null);
  }

  /** That version drawn (null: the current one), with its layout. */
  public FlowGraph graph(String id, Integer version) {
    return http.get(path(id) + "/graph", Query.of().add("version", version), FlowGraph.class);
  }

  /** The flow's settings as a dictionary, with the version they come from. */
  public FlowConfiguration configuration(String id) {
    return http.get(path(id) + "/configuration", null, FlowConfiguration.class);
  }

  /** Changes settings, writing a new version; 409 when the base version is stale. */
  public Flow configure(String id, ConfigurationChange change) {
    return http.send("PATCH", path(id) + "/configuration", null, change, Flow.class);
  }

  private static Map<String, String> yamlBody(String yaml) {
    return yaml == null ? Map.of() : Map.of("yaml", yaml);
  }

  /**
   * Runs the flow once on the local environment over {@code records} (version null: the latest;
   * parameter sets null: the flow's own), as a manual run; the ids of the runs it started.
   */
  public List<String> trigger(
      String id, List<?> records, Integer version, List<String> parameterSets) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("records", records);
    if (version != null) {
      body.put("version", version);
    }
    if (parameterSets != null) {
      body.put("parameterSets", parameterSets);
    }
    return ErrorRecordsApi.runIds(
        http.send(
            "POST",
            path(id) + "/trigger",
            null,
            body,
            com.fasterxml.jackson.databind.JsonNode.class));
  }

  private static String path(String id) {
    return FLOWS + "/" + Query.encode(id);
  }
}
