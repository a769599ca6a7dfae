package dev.flow.server.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.job.ServerReporting;
import dev.flow.job.deploy.DeploySpec;
import dev.flow.parse.ParameterSets;
import dev.flow.server.ServerContext;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import dev.flow.server.api.Role;
import dev.flow.server.api.Routes;
import dev.flow.server.deploy.engine.EngineException;
import dev.flow.server.deploy.engine.JobRequest;
import dev.flow.server.deploy.engine.ManualInput;
import dev.flow.server.store.StoredFlow;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Manual runs: records posted to a flow run it on the local environment as a bounded job whose
 * triggers are replaced by those records, with the real publishers; a replay re-submits error
 * records that way. The run ids are given up front and answered at once. A deployed flow runs with
 * its deployment's parameter sets (a replay: those of the deployment the records failed in), unless
 * the trigger names its own; a flow with no deployment runs with its own.
 */
final class ManualRuns {
  static final int MAX_RECORDS = 1000;

  /** The body of {@code POST /flows/{id}/trigger}. */
  record TriggerBody(List<JsonNode> records, Integer version, List<String> parameterSets) {}

  /** The body of {@code POST /error-records/replay}. */
  record ReplayBody(List<Long> ids, Integer version) {}

  private final ServerContext s;
  private final RunServices services;

  ManualRuns(ServerContext s, RunServices services) {
    this.s = s;
    this.services = services;
  }

  void register(Routes r) {
    r.post("/api/v1/flows/{id}/trigger", Role.EDIT, this::trigger);
    r.post("/api/v1/error-records/replay", Role.EDIT, this::replay);
  }

  private void trigger(Context c) {
    TriggerBody b = ApiJson.body(c, TriggerBody.class);
    if (b.records() == null || b.records().isEmpty()) {
      throw ApiException.badRequest("'records' must hold at least one record");
    }
    if (b.records().size() > MAX_RECORDS) {
      throw ApiException.badRequest(
          "a manual run takes at most " + MAX_RECORDS + " records, not " + b.records().size());
    }
    for (int i = 0; i < b.records().size(); i++) {
      if (b.records().get(i) == null || !b.records().get(i).isObject()) {
        throw ApiException.badRequest("records[" + i + "] must be a JSON object");
      }
    }
    StoredFlow flow = s.db().tx(x -> s.flows().require(x, c.pathParam("id")));
    List<String> texts = b.records().stream().map(JsonNode::toString).toList();
    List<String> sets =
        b.parameterSets() != null
            ? b.parameterSets()
            : services.deployedSets().ofFlow(flow.id()).orElse(flow.parameterSets());
    List<String> ids = start(flow, b.version(), sets, texts);
    ApiJson.send(c, 202, runIds(ids));
  }

  private void replay(Context c) {
    ReplayBody b = ApiJson.body(c, ReplayBody.class);
    if (b.ids() == null || b.ids().isEmpty()) {
      throw ApiException.badRequest("'ids' must name at least one error record");
    }
    if (b.ids().size() > MAX_RECORDS) {
      throw ApiException.badRequest("a replay takes at most " + MAX_RECORDS + " error records");
    }
    List<ObjectNode> errors = new ArrayList<>();
    for (Long id : b.ids()) {
      if (id == null) {
        throw ApiException.badRequest("'ids' holds a null");
      }
      errors.add(
          s.db()
              .tx(x -> services.store().error(x, id))
              .orElseThrow(() -> ApiException.notFound("no error record " + id)));
    }
    String flowId = errors.get(0).path("flowId").asText();
    for (ObjectNode e : errors) {
      if (!flowId.equals(e.path("flowId").asText())) {
        throw ApiException.badRequest(
            "the error records belong to several flows ("
                + errors.get(0).path("flow").asText()
                + ", "
                + e.path("flow").asText()
                + "); replay one flow at a time");
      }
    }
    List<String> texts = new ArrayList<>();
    for (ObjectNode e : errors) {
      JsonNode record = e.get("record");
      if (record != null && !record.isNull()) {
        texts.add(record.toString());
      } else if (e.hasNonNull("bytes")) {
        texts.add(
            new String(
                Base64.getDecoder().decode(e.path("bytes").asText()), StandardCharsets.UTF_8));
      } else {
        throw ApiException.badRequest(
            "error record " + e.path("id").asLong() + " holds no record to replay");
      }
    }
    StoredFlow flow =
        s.db()
            .tx(x -> s.flows().get(x, flowId))
            .orElseThrow(() -> ApiException.notFound("the flow of these error records is gone"));
    // The sets of the deployment the records failed in; for records of a manual run, those of the
    // flow's deployment, else the flow's own.
    String deploymentId = errors.get(0).path("deploymentId").asText(null);
    List<String> sets =
        (deploymentId != null
                ? services.deployedSets().ofDeployment(deploymentId)
                : java.util.Optional.<List<String>>empty())
            .or(() -> services.deployedSets().ofFlow(flowId))
            .orElse(flow.parameterSets());
    List<String> ids = start(flow, b.version(), sets, texts);
    s.db()
        .tx(
            x -> {
              for (int i = 0; i < errors.size(); i++) {
                services.store().markReplayed(x, errors.get(i).path("id").asLong(), ids.get(i));
              }
              return null;
            });
    ApiJson.send(c, 202, runIds(ids));
  }

  /**
   * Submits a manual run of {@code records} with parameter sets {@code sets} to the local engine;
   * one run id per record.
   */
  private List<String> start(
      StoredFlow flow, Integer version, List<String> sets, List<String> records) {
    int v = version == null ? flow.version() : version;
    if (v < 1 || v > flow.version()) {
      throw ApiException.notFound("flow " + flow.name() + " has no version " + v);
    }
    String yaml = s.db().tx(x -> s.flows().version(x, flow.id(), v)).yaml();
    ParameterSets resolved = s.db().tx(x -> s.parameterSets().resolve(x, flow.project(), sets));
    Map<String, Map<String, ParameterSets.Parameter>> map = new LinkedHashMap<>();
    for (String set : resolved.setNames()) {
      Map<String, ParameterSets.Parameter> m = new LinkedHashMap<>();
      resolved.names(set).forEach(n -> m.put(n, resolved.get(set, n)));
      map.put(set, m);
    }
    String target = "manual-" + UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      ids.add(UUID.randomUUID().toString());
    }
    ServerReporting reporting =
        services.issue(target, flow.id(), flow.name(), v, "local", null, true, null);
    JobRequest request =
        new JobRequest(
                DeploySpec.resourceName(flow.name()) + "-manual",
                flow.name() + ".yaml",
                yaml,
                map,
                null,
                false)
            .withReporting(reporting)
            .withManualInput(new ManualInput(records, ids));
    try {
      services.localEngine().submit(request);
    } catch (EngineException ex) {
      if (!ex.problems().isEmpty()) {
        throw new ApiException(
            422, "flow-refused", "The engine refused the flow", ex.getMessage(), ex.problems());
      }
      throw new ApiException(502, "engine", "The engine failed", ex.getMessage(), null);
    }
    return ids;
  }

  private static ObjectNode runIds(List<String> ids) {
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    ids.forEach(o.putArray("runIds")::add);
    return o;
  }
}
