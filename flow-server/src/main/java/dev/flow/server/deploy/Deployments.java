package dev.flow.server.deploy;

import dev.flow.job.deploy.DeploySpec;
import dev.flow.model.Problem;
import dev.flow.model.Severity;
import dev.flow.parse.ParameterSets;
import dev.flow.server.ServerContext;
import dev.flow.server.api.ApiException;
import dev.flow.server.deploy.DeploymentStore.Action;
import dev.flow.server.deploy.DeploymentStore.Deployment;
import dev.flow.server.deploy.DeploymentStore.Environment;
import dev.flow.server.deploy.engine.Engine;
import dev.flow.server.deploy.engine.EngineException;
import dev.flow.server.deploy.engine.FlowSources;
import dev.flow.server.deploy.engine.JobRef;
import dev.flow.server.deploy.engine.JobRequest;
import dev.flow.server.deploy.engine.JobState;
import dev.flow.server.deploy.engine.JobStatus;
import dev.flow.server.runs.RunServices;
import dev.flow.server.store.Database;
import dev.flow.server.store.StoredFlow;
import dev.flow.upgrade.StateChange;
import dev.flow.upgrade.StateDiff;
import dev.flow.validate.ValidatedFlow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys flow versions to environments and operates them: status from the engine, stop with or
 * without a savepoint, upgrade after {@code flow diff}'s savepoint check, roll back, and reconcile
 * the records with the engines on start. Every action goes to the deployment's history.
 */
public final class Deployments {
  private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);
  private static final Map<ServerContext, Deployments> BY_SERVER =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private final ServerContext s;
  private final DeploymentStore store;
  private final Engines engines;

  Deployments(ServerContext s, DeploymentStore store, Engines engines) {
    this.s = s;
    this.store = store;
    this.engines = engines;
    BY_SERVER.put(s, this);
  }

  /** The deployments of the server {@code s}, for other modules (factories deploy through it). */
  public static Deployments of(ServerContext s) {
    Deployments d = BY_SERVER.get(s);
    if (d == null) {
      throw new IllegalStateException("the deployments module is not loaded");
    }
    return d;
  }

  /** A deployment as other modules see it. */
  public record Summary(
      String id, String flowId, String environment, int version, String state, String rootCause) {
    static Summary of(Deployment d) {
      return new Summary(
          d.id(), d.flowId(), d.environment(), d.version(), d.state(), d.rootCause());
    }
  }

  /** Deploys version {@code version} of a flow with the named parameter sets. */
  public Summary deployFlow(
      String flowId, String env, int version, List<String> sets, String actor) {
    return Summary.of(deploy(flowId, env, version, sets, actor));
  }

  /** Stops a deployment, with a savepoint or not. */
  public Summary stopDeployment(String id, boolean savepoint, String actor) {
    return Summary.of(stop(id, savepoint, actor));
  }

  /** A deployment with the state its engine reports now. */
  public Summary statusOf(String id) {
    return Summary.of(status(id).deployment());
  }

  /** A deployment with what its engine reports now. */
  record View(Deployment deployment, JobStatus live) {}

  Deployment deploy(
      String flowId, String envName, Integer version, List<String> sets, String actor) {
    StoredFlow flow = s.db().tx(c -> s.flows().require(c, flowId));
    Environment env = environment(envName);
    int v = version == null ? flow.version() : version;
    List<String> useSets = sets == null ? flow.parameterSets() : sets;
    String deploymentId =
        s.db()
            .tx(
                c -> {
                  var existing = store.byFlowAndEnvironment(c, flowId, env.name());
                  if (existing.isPresent() && !terminal(existing.get().state())) {
                    throw ApiException.conflict(
                        "flow "
                            + flow.name()
                            + " is already deployed to "
                            + env.name()
                            + " (deployment "
                            + existing.get().id()
                            + "); upgrade or stop it");
                  }
                  return existing
                      .map(Deployment::id)
                      .orElse(java.util.UUID.randomUUID().toString());
                });
    JobRequest request =
        reporting(request(flow, v, useSets, null, false), deploymentId, flow, v, env);
    JobRef job = submit(env, request);
    return s.db()
        .tx(
            c -> {
              var existing = store.byFlowAndEnvironment(c, flowId, env.name());
              Deployment d;
              if (existing.isPresent()) {
                Deployment e = existing.get();
                d =
                    new Deployment(
                        e.id(),
                        flowId,
                        env.name(),
                        request.name(),
                        v,
                        e.version(),
                        useSets,
                        job.jobId(),
                        "RUNNING",
                        null,
                        null,
                        e.createdAt(),
                        Database.now());
                store.update(c, d);
              } else {
                d =
                    new Deployment(
                        deploymentId,
                        flowId,
                        env.name(),
                        request.name(),
                        v,
                        null,
                        useSets,
                        job.jobId(),
                        "RUNNING",
                        null,
                        null,
                        Database.now(),
                        Database.now());
                d = withId(d, store.insert(c, d));
              }
              store.record(
                  c,
                  d.id(),
                  new Action("deploy", actor, Database.now(), v, null, job.jobId(), null));
              return d;
            });
  }

  View status(String id) {
    Deployment d = require(id);
    if (d.jobId() == null && !"kubernetes".equals(environment(d.environment()).kind())) {
      return new View(d, null);
    }
    JobStatus live = live(d);
    return new View(refresh(d, live, "status"), live);
  }

  /** What the deployment's engine reports about its job now. */
  JobStatus live(Deployment d) {
    try {
      return engines.of(environment(d.environment())).status(new JobRef(d.jobId(), d.jobName()));
    } catch (EngineException ex) {
      throw engineError(ex);
    }
  }

  Deployment stop(String id, boolean savepoint, String actor) {
    Deployment d = require(id);
    if (terminal(d.state())) {
      throw ApiException.conflict("deployment " + id + " is not running (" + d.state() + ")");
    }
    String path;
    try {
      path =
          engines
              .of(environment(d.environment()))
              .stop(new JobRef(d.jobId(), d.jobName()), savepoint);
    } catch (EngineException ex) {
      throw engineError(ex);
    }
    Deployment stopped =
        with(
            d,
            d.version(),
            d.previousVersion(),
            d.jobId(),
            "STOPPED",
            path == null ? d.savepoint() : path);
    s.db()
        .tx(
            c -> {
              store.update(c, stopped);
              store.record(
                  c,
                  id,
                  new Action(
                      savepoint ? "stop-with-savepoint" : "cancel",
                      actor,
                      Database.now(),
                      d.version(),
                      path,
                      d.jobId(),
                      null));
              return null;
            });
    return stopped;
  }

  /**
   * Moves a running deployment to {@code toVersion}: the savepoint check of {@code flow diff} first
   * (a breaking change is refused with its located findings unless {@code allowStateLoss}), then
   * stop with a savepoint and start the new version from it.
   */
  Deployment upgrade(
      String id, int toVersion, boolean allowStateLoss, String actor, String action) {
    Deployment d = require(id);
    if (!"RUNNING".equals(d.state())
        && !"RESTARTING".equals(d.state())
        && !"STARTING".equals(d.state())) {
      throw ApiException.conflict(
          "deployment " + id + " is not running (" + d.state() + "); deploy it instead");
    }
    UpgradeCheck check = check(d, toVersion);
    JobRequest before = check.before();
    JobRequest after = check.after();
    List<StateChange> breaking = check.breaking();
    if (!breaking.isEmpty() && !allowStateLoss) {
      throw new ApiException(
              409,
              "incompatible-upgrade",
              "The upgrade would lose state",
              "version "
                  + toVersion
                  + " cannot restore a savepoint of version "
                  + d.version()
                  + "; nothing was changed. Pass allowStateLoss: true to drop that state.",
              breaking.stream().map(b -> b.toProblem(Severity.ERROR)).toList())
          .with("fromVersion", d.version())
          .with("toVersion", toVersion);
    }
    Engine engine = engines.of(environment(d.environment()));
    String savepoint;
    try {
      savepoint = engine.stop(new JobRef(d.jobId(), d.jobName()), true);
    } catch (EngineException ex) {
      throw engineError(ex);
    }
    JobRef job;
    try {
      job = engine.submit(after.fromSavepoint(savepoint, allowStateLoss));
    } catch (EngineException ex) {
      // The new version did not start: the old one resumes from the same savepoint.
      LOG.warn(
          "upgrade of deployment {} to version {} failed; resuming version {}",
          id,
          toVersion,
          d.version());
      try {
        JobRef back = engine.submit(before.fromSavepoint(savepoint, false));
        Deployment resumed =
            with(d, d.version(), d.previousVersion(), back.jobId(), "RUNNING", savepoint);
        s.db()
            .tx(
                c -> {
                  store.update(c, resumed);
                  store.record(
                      c,
                      id,
                      new Action(
                          action + "-failed",
                          actor,
                          Database.now(),
                          toVersion,
                          savepoint,
                          back.jobId(),
                          ex.getMessage()));
                  return null;
                });
      } catch (EngineException again) {
        LOG.error("deployment {}: version {} did not resume either", id, d.version());
      }
      throw engineError(ex);
    }
    Deployment up = with(d, toVersion, d.version(), job.jobId(), "RUNNING", savepoint);
    s.db()
        .tx(
            c -> {
              store.update(c, up);
              store.record(
                  c,
                  id,
                  new Action(
                      action,
                      actor,
                      Database.now(),
                      toVersion,
                      savepoint,
                      job.jobId(),
                      breaking.isEmpty()
                          ? null
                          : "state dropped: " + breaking.size() + " stage(s)"));
              return null;
            });
    return up;
  }

  /** The two job requests of an upgrade and the changes that would lose state. */
  private record UpgradeCheck(JobRequest before, JobRequest after, List<StateChange> breaking) {}

  /**
   * The savepoint check of {@code flow diff} from the deployed version to {@code toVersion}; 400
   * with the located problems when {@code toVersion} is not valid.
   */
  private UpgradeCheck check(Deployment d, int toVersion) {
    StoredFlow flow = s.db().tx(c -> s.flows().require(c, d.flowId()));
    Environment env = environment(d.environment());
    JobRequest before =
        reporting(
            request(flow, d.version(), d.parameterSets(), null, false),
            d.id(),
            flow,
            d.version(),
            env);
    JobRequest after =
        reporting(
            request(flow, toVersion, d.parameterSets(), null, false), d.id(), flow, toVersion, env);
    ValidatedFlow old = FlowSources.validate(before);
    ValidatedFlow now = FlowSources.validate(after);
    if (now.hasErrors()) {
      throw ApiException.invalid(
          "version " + toVersion + " has errors",
          now.problems().stream().filter(Problem::isError).toList());
    }
    List<StateChange> breaking =
        StateDiff.between(old, now).stream().filter(StateChange::breaking).toList();
    return new UpgradeCheck(before, after, breaking);
  }

  /**
   * What an upgrade of deployment {@code id} to {@code toVersion} would drop from its savepoint, as
   * located problems; empty when the upgrade keeps all state. Changes nothing.
   */
  public List<Problem> upgradeFindings(String id, int toVersion) {
    return check(require(id), toVersion).breaking().stream()
        .map(b -> b.toProblem(Severity.ERROR))
        .toList();
  }

  /** Upgrades a running deployment (see {@link #upgrade}), for other modules. */
  public Summary upgradeDeployment(String id, int toVersion, boolean allowStateLoss, String actor) {
    return Summary.of(upgrade(id, toVersion, allowStateLoss, actor, "upgrade"));
  }

  Deployment rollback(String id, boolean allowStateLoss, String actor) {
    Deployment d = require(id);
    if (d.previousVersion() == null) {
      throw ApiException.conflict("deployment " + id + " has no previous version to roll back to");
    }
    return upgrade(id, d.previousVersion(), allowStateLoss, actor, "rollback");
  }

  /** Compares every deployment the server thinks is active with what its engine reports. */
  void reconcile() {
    for (Deployment d : s.db().tx(c -> store.deployments(c, null))) {
      if (terminal(d.state()) || d.jobId() == null) {
        continue;
      }
      try {
        JobStatus live =
            engines.of(environment(d.environment())).status(new JobRef(d.jobId(), d.jobName()));
        refresh(d, live, "reconcile");
      } catch (EngineException | RuntimeException e) {
        LOG.warn(
            "could not reconcile deployment {} with environment {}: {}",
            d.id(),
            d.environment(),
            e.getMessage());
      }
    }
  }

  List<Action> history(String id) {
    require(id);
    return s.db().tx(c -> store.history(c, id));
  }

  Deployment require(String id) {
    return s.db()
        .tx(c -> store.deployment(c, id))
        .orElseThrow(() -> ApiException.notFound("no deployment " + id));
  }

  Environment environment(String name) {
    return s.db()
        .tx(c -> store.environment(c, name))
        .orElseThrow(() -> ApiException.notFound("no environment " + name));
  }

  /**
   * Records a state the engine reports that differs from the record, with a history entry. {@code
   * d} is the record as it was read before the engine was asked; when an action (a stop, an
   * upgrade, a rollback) has changed the record since, the engine's answer is about a job the
   * record has left, and the record as it is now is returned unchanged.
   */
  Deployment refresh(Deployment d, JobStatus live, String action) {
    String state =
        live.state() == JobState.FINISHED && "STOPPED".equals(d.state())
            ? "STOPPED"
            : live.state().name();
    if (state.equals(d.state()) && java.util.Objects.equals(live.ref().jobId(), d.jobId())) {
      return d;
    }
    Deployment n =
        new Deployment(
            d.id(),
            d.flowId(),
            d.environment(),
            d.jobName(),
            d.version(),
            d.previousVersion(),
            d.parameterSets(),
            live.ref().jobId() != null ? live.ref().jobId() : d.jobId(),
            state,
            live.rootCause(),
            d.savepoint(),
            d.createdAt(),
            Database.now());
    return s.db()
        .tx(
            c -> {
              if (!store.updateIfUnchanged(c, n, d)) {
                return store.deployment(c, d.id()).orElse(d);
              }
              store.record(
                  c,
                  d.id(),
                  new Action(
                      action,
                      "server",
                      Database.now(),
                      d.version(),
                      null,
                      n.jobId(),
                      d.state()
                          + " -> "
                          + state
                          + (live.rootCause() == null ? "" : ": " + live.rootCause())));
              return n;
            });
  }

  private JobRef submit(Environment env, JobRequest request) {
    try {
      return engines.of(env).submit(request);
    } catch (EngineException ex) {
      throw engineError(ex);
    }
  }

  private JobRequest request(
      StoredFlow flow, int version, List<String> sets, String savepoint, boolean allow) {
    String yaml = s.db().tx(c -> s.flows().version(c, flow.id(), version)).yaml();
    ParameterSets resolved = s.db().tx(c -> s.parameterSets().resolve(c, flow.project(), sets));
    Map<String, Map<String, ParameterSets.Parameter>> map = new LinkedHashMap<>();
    for (String set : resolved.setNames()) {
      Map<String, ParameterSets.Parameter> m = new LinkedHashMap<>();
      resolved.names(set).forEach(n -> m.put(n, resolved.get(set, n)));
      map.put(set, m);
    }
    String name = DeploySpec.resourceName(flow.name());
    return new JobRequest(name, flow.name() + ".yaml", yaml, map, savepoint, allow);
  }

  /**
   * The request reporting its runs and error records to this server, with a token scoped to the
   * deployment and version. A flink-session or kubernetes environment reaches the server at its
   * {@code config.serverUrl} when set.
   */
  private JobRequest reporting(
      JobRequest r, String deploymentId, StoredFlow flow, int version, Environment env) {
    String advertised = null;
    try {
      var cfg = dev.flow.server.api.ApiJson.MAPPER.readTree(env.config());
      advertised = cfg.path("serverUrl").asText(null);
    } catch (java.io.IOException e) {
      // The environment's settings were checked when it was stored.
    }
    return r.withReporting(
        RunServices.of(s)
            .issue(
                deploymentId,
                flow.id(),
                flow.name(),
                version,
                env.name(),
                deploymentId,
                false,
                advertised));
  }

  static ApiException engineError(EngineException ex) {
    if (!ex.problems().isEmpty()) {
      return new ApiException(
          422, "flow-refused", "The engine refused the flow", ex.getMessage(), ex.problems());
    }
    return new ApiException(502, "engine", "The engine failed", ex.getMessage(), null);
  }

  static boolean terminal(String state) {
    return switch (state) {
      case "STOPPED", "FAILED", "FINISHED", "NOT_FOUND" -> true;
      default -> false;
    };
  }

  private static Deployment with(
      Deployment d, int version, Integer previous, String jobId, String state, String savepoint) {
    return new Deployment(
        d.id(),
        d.flowId(),
        d.environment(),
        d.jobName(),
        version,
        previous,
        d.parameterSets(),
        jobId,
        state,
        null,
        savepoint,
        d.createdAt(),
        Database.now());
  }

  private static Deployment withId(Deployment d, String id) {
    return new Deployment(
        id,
        d.flowId(),
        d.environment(),
        d.jobName(),
        d.version(),
        d.previousVersion(),
        d.parameterSets(),
        d.jobId(),
        d.state(),
        d.rootCause(),
        d.savepoint(),
        d.createdAt(),
        d.updatedAt());
  }
}
