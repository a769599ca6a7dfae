package dev.flow.server.factory;

import dev.flow.factory.ValidatedFactory;
import dev.flow.server.ServerContext;
import dev.flow.server.api.ApiException;
import dev.flow.server.deploy.Deployments;
import dev.flow.server.factory.FactoryDeploymentStore.FactoryDeployment;
import dev.flow.server.factory.FactoryDeploymentStore.MemberDeployment;
import dev.flow.server.factory.FactoryStore.FactoryRecord;
import dev.flow.server.factory.FactoryStore.Member;
import dev.flow.server.factory.FactoryStore.Version;
import dev.flow.server.store.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys and stops a factory as a unit, through the deployments of its member flows: producers
 * before consumers on deploy, consumers before producers on stop.
 *
 * <p>A deploy that fails part-way is rolled back: the members already started are cancelled, in
 * reverse order, and the factory deployment is recorded {@code FAILED} with which member failed,
 * why, and which members were rolled back (or could not be). The answer carries the same.
 */
final class FactoryDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(FactoryDeployer.class);

  private final ServerContext s;
  private final FactoryStore store;
  private final FactoryCatalog catalog;
  private final FactoryDeploymentStore deployments = new FactoryDeploymentStore();

  FactoryDeployer(ServerContext s, FactoryStore store, FactoryCatalog catalog) {
    this.s = s;
    this.store = store;
    this.catalog = catalog;
  }

  FactoryDeployment deploy(
      String factoryId, String env, Integer version, List<String> extraSets, String actor) {
    if (env == null || env.isBlank()) {
      throw ApiException.badRequest("'environment' is required");
    }
    FactoryRecord f = s.db().tx(c -> store.require(c, factoryId));
    boolean known =
        s.db()
            .tx(
                c -> {
                  try (var st = c.prepareStatement("select 1 from environments where name = ?")) {
                    st.setString(1, env);
                    try (var rs = st.executeQuery()) {
                      return rs.next();
                    }
                  }
                });
    if (!known) {
      throw ApiException.notFound("no environment " + env + "; nothing was started");
    }
    int n = version == null ? f.version() : version;
    Version v = s.db().tx(c -> store.version(c, factoryId, n));
    List<Integer> order = order(f, v);
    s.db()
        .tx(
            c -> {
              for (FactoryDeployment d : deployments.of(c, factoryId)) {
                if (d.environment().equals(env) && "RUNNING".equals(d.state())) {
                  throw ApiException.conflict(
                      "factory "
                          + f.name()
                          + " is already deployed to "
                          + env
                          + " (factory deployment "
                          + d.id()
                          + "); stop it first");
                }
              }
              return null;
            });
    LinkedHashSet<String> sets = new LinkedHashSet<>(v.parameterSets().values());
    if (extraSets != null) {
      sets.addAll(extraSets);
    }
    Deployments flows = Deployments.of(s);
    List<MemberDeployment> started = new ArrayList<>();
    for (int i : order) {
      Member m = v.members().get(i);
      try {
        Deployments.Summary d =
            flows.deployFlow(m.flowId(), env, m.version(), new ArrayList<>(sets), actor);
        started.add(new MemberDeployment(m.flow(), m.flowId(), m.version(), d.id(), d.state()));
      } catch (RuntimeException e) {
        String why = e.getMessage();
        List<String> rolledBack = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (int k = started.size() - 1; k >= 0; k--) {
          MemberDeployment md = started.get(k);
          try {
            flows.stopDeployment(md.deploymentId(), false, actor);
            rolledBack.add(md.flow());
          } catch (RuntimeException stopFailed) {
            LOG.error("factory {}: could not roll back {}", f.name(), md.flow(), stopFailed);
            left.add(md.flow() + " (deployment " + md.deploymentId() + ")");
          }
        }
        String detail =
            "member '"
                + m.flow()
                + "' failed to deploy: "
                + why
                + "; rolled back: "
                + (rolledBack.isEmpty() ? "none" : String.join(", ", rolledBack))
                + (left.isEmpty()
                    ? ""
                    : "; STILL RUNNING, stop by hand: " + String.join(", ", left));
        FactoryDeployment failed =
            insert(
                factoryId,
                f,
                env,
                n,
                sets,
                started.stream()
                    .map(
                        md -> md.withState(rolledBack.contains(md.flow()) ? "STOPPED" : md.state()))
                    .toList(),
                left.isEmpty() ? "FAILED" : "PARTIAL",
                detail);
        int status = e instanceof ApiException a ? a.status() : 502;
        throw new ApiException(
                status,
                "factory-deploy-failed",
                "The factory did not deploy",
                detail,
                e instanceof ApiException a ? a.problems() : null)
            .with("factoryDeployment", failed.id())
            .with("failedFlow", m.flow());
      }
    }
    return insert(factoryId, f, env, n, sets, started, "RUNNING", null);
  }

  /** Records a new deployment of version {@code n} of factory {@code f} to {@code env}. */
  private FactoryDeployment insert(
      String factoryId,
      FactoryRecord f,
      String env,
      int n,
      Collection<String> sets,
      List<MemberDeployment> members,
      String state,
      String detail) {
    return s.db()
        .tx(
            c ->
                deployments.insert(
                    c,
                    new FactoryDeployment(
                        null,
                        factoryId,
                        f.name(),
                        env,
                        n,
                        List.copyOf(sets),
                        members,
                        state,
                        detail,
                        Database.now(),
                        Database.now())));
  }

  /** A factory deployment with its members' states as their engines report them now. */
  FactoryDeployment status(String id) {
    FactoryDeployment d = require(id);
    if (!"RUNNING".equals(d.state())) {
      return d;
    }
    Deployments flows = Deployments.of(s);
    List<MemberDeployment> live = new ArrayList<>();
    for (MemberDeployment m : d.members()) {
      String state;
      try {
        state = flows.statusOf(m.deploymentId()).state();
      } catch (RuntimeException e) {
        state = "UNKNOWN";
      }
      live.add(m.withState(state));
    }
    return d.with(live, aggregate(live), d.detail());
  }

  /** Stops every member, consumers first; the factory deployment is then {@code STOPPED}. */
  FactoryDeployment stop(String id, boolean savepoint, String actor) {
    FactoryDeployment d = require(id);
    if (!"RUNNING".equals(d.state())) {
      throw ApiException.conflict(
          "factory deployment " + id + " is not running (" + d.state() + ")");
    }
    Deployments flows = Deployments.of(s);
    List<MemberDeployment> members = new ArrayList<>(d.members());
    List<String> failed = new ArrayList<>();
    for (int k = members.size() - 1; k >= 0; k--) {
      MemberDeployment m = members.get(k);
      try {
        Deployments.Summary st = flows.stopDeployment(m.deploymentId(), savepoint, actor);
        members.set(k, m.withState(st.state()));
      } catch (ApiException e) {
        if (e.status() == 409) {
          // Already not running: nothing to stop.
          members.set(k, m.withState(flows.statusOf(m.deploymentId()).state()));
        } else {
          failed.add(m.flow() + ": " + e.getMessage());
        }
      }
    }
    FactoryDeployment after =
        d.with(
            members,
            failed.isEmpty() ? "STOPPED" : "RUNNING",
            failed.isEmpty() ? null : "could not stop " + String.join("; ", failed));
    s.db().tx(c -> deployments.update(c, after));
    if (!failed.isEmpty()) {
      throw new ApiException(
              502, "factory-stop-failed", "The factory did not stop", after.detail(), null)
          .with("factoryDeployment", id);
    }
    return after;
  }

  /**
   * Moves a running factory deployment to version {@code toVersion} of its factory, member by
   * member: a member whose pinned flow version changed is upgraded through its savepoint, a new
   * member is deployed, a member the new version no longer has is stopped with a savepoint, and an
   * unchanged member is left running untouched.
   *
   * <p>Every changed member's savepoint check runs first: one breaking change refuses the whole
   * upgrade, with each finding prefixed by its member, and nothing is touched, unless {@code
   * allowStateLoss}. The steps then run producers first. When one fails, the steps already done are
   * undone in reverse (upgraded members go back to their old version, new members are stopped), the
   * factory deployment stays at its old version, and the answer says what failed.
   */
  FactoryDeployment upgrade(String id, int toVersion, boolean allowStateLoss, String actor) {
    FactoryDeployment d = require(id);
    if (!"RUNNING".equals(d.state())) {
      throw ApiException.conflict(
          "factory deployment " + id + " is not running (" + d.state() + "); deploy it instead");
    }
    FactoryRecord f = s.db().tx(c -> store.require(c, d.factoryId()));
    Version v = s.db().tx(c -> store.version(c, d.factoryId(), toVersion));
    List<Integer> order = order(f, v);
    Deployments flows = Deployments.of(s);
    java.util.Map<String, MemberDeployment> current = new java.util.LinkedHashMap<>();
    d.members().forEach(m -> current.put(m.flowId(), m));

    // The check of every changed member, before anything moves.
    List<dev.flow.model.Problem> findings = new ArrayList<>();
    for (int i : order) {
      Member m = v.members().get(i);
      MemberDeployment was = current.get(m.flowId());
      if (was != null && was.version() != m.version()) {
        for (var p : flows.upgradeFindings(was.deploymentId(), m.version())) {
          findings.add(
              new dev.flow.model.Problem(
                  p.location(),
                  p.stage(),
                  p.action(),
                  p.severity(),
                  "member '" + m.flow() + "': " + p.message(),
                  p.hint()));
        }
      }
    }
    if (!findings.isEmpty() && !allowStateLoss) {
      throw new ApiException(
              409,
              "incompatible-upgrade",
              "The upgrade would lose state",
              "version "
                  + toVersion
                  + " of factory "
                  + f.name()
                  + " cannot restore the savepoints of version "
                  + d.version()
                  + "; nothing was changed. Pass allowStateLoss: true to drop that state.",
              findings)
          .with("fromVersion", d.version())
          .with("toVersion", toVersion);
    }

    List<MemberDeployment> after = new ArrayList<>();
    List<Runnable> undo = new ArrayList<>();
    java.util.Set<String> kept = new java.util.HashSet<>();
    LinkedHashSet<String> sets = new LinkedHashSet<>(d.parameterSets());
    String step = null;
    try {
      for (int i : order) {
        Member m = v.members().get(i);
        kept.add(m.flowId());
        MemberDeployment was = current.get(m.flowId());
        if (was == null) {
          step = "deploy of new member '" + m.flow() + "'";
          Deployments.Summary n =
              flows.deployFlow(m.flowId(), d.environment(), m.version(), List.copyOf(sets), actor);
          undo.add(() -> flows.stopDeployment(n.id(), false, actor));
          after.add(new MemberDeployment(m.flow(), m.flowId(), m.version(), n.id(), n.state()));
        } else if (was.version() != m.version()) {
          step = "upgrade of member '" + m.flow() + "' to version " + m.version();
          Deployments.Summary u =
              flows.upgradeDeployment(was.deploymentId(), m.version(), allowStateLoss, actor);
          undo.add(() -> flows.upgradeDeployment(was.deploymentId(), was.version(), true, actor));
          after.add(new MemberDeployment(m.flow(), m.flowId(), m.version(), u.id(), u.state()));
        } else {
          after.add(was);
        }
      }
      List<MemberDeployment> gone =
          d.members().stream().filter(m -> !kept.contains(m.flowId())).toList();
      for (int k = gone.size() - 1; k >= 0; k--) {
        MemberDeployment m = gone.get(k);
        step = "stop of removed member '" + m.flow() + "'";
        flows.stopDeployment(m.deploymentId(), true, actor);
      }
    } catch (RuntimeException e) {
      List<String> notUndone = new ArrayList<>();
      for (int k = undo.size() - 1; k >= 0; k--) {
        try {
          undo.get(k).run();
        } catch (RuntimeException undoFailed) {
          LOG.error("factory {}: could not undo a step of its upgrade", f.name(), undoFailed);
          notUndone.add(undoFailed.getMessage());
        }
      }
      String detail =
          "upgrade to version "
              + toVersion
              + " failed at the "
              + step
              + ": "
              + e.getMessage()
              + (notUndone.isEmpty()
                  ? "; every step was undone, version " + d.version() + " runs"
                  : "; COULD NOT UNDO: " + String.join("; ", notUndone));
      s.db().tx(c -> deployments.update(c, d.atVersion(d.version(), d.members(), detail)));
      int status = e instanceof ApiException a ? a.status() : 502;
      throw new ApiException(
              status,
              "factory-upgrade-failed",
              "The factory did not upgrade",
              detail,
              e instanceof ApiException a ? a.problems() : null)
          .with("factoryDeployment", id);
    }
    FactoryDeployment up = d.atVersion(toVersion, after, null);
    s.db().tx(c -> deployments.update(c, up));
    return up;
  }

  List<FactoryDeployment> list(String factoryId) {
    s.db().tx(c -> store.require(c, factoryId));
    return s.db().tx(c -> deployments.of(c, factoryId));
  }

  FactoryDeployment require(String id) {
    return s.db()
        .tx(c -> deployments.get(c, id))
        .orElseThrow(() -> ApiException.notFound("no factory deployment " + id));
  }

  /** The member indexes, producers first, by the command line's ordering of the factory. */
  private List<Integer> order(FactoryRecord f, Version v) {
    return s.db()
        .tx(
            c -> {
              try (FactoryFolder folder =
                  catalog.folder(c, f.project(), v.yaml(), v.members(), v.parameterSets())) {
                ValidatedFactory vf = folder.validate();
                if (vf.hasErrors()) {
                  throw FactoryCatalog.invalid(
                      "version "
                          + v.version()
                          + " of the factory is not valid; nothing was started",
                      folder.problems(vf));
                }
                return vf.order();
              }
            });
  }

  static String aggregate(List<MemberDeployment> members) {
    if (members.stream().allMatch(m -> "RUNNING".equals(m.state()))) {
      return "RUNNING";
    }
    if (members.stream().anyMatch(m -> "FAILED".equals(m.state()))) {
      return "FAILED";
    }
    if (members.stream().allMatch(m -> "FINISHED".equals(m.state()))) {
      return "FINISHED";
    }
    return "DEGRADED";
  }
}
