package dev.flow.server.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.server.ServerContext;
import dev.flow.server.api.ProblemJson;
import dev.flow.server.factory.FactoryStore;
import dev.flow.server.store.Database;
import dev.flow.server.store.FlowStore;
import dev.flow.server.store.ParameterSetStore;
import dev.flow.server.store.ParameterSetStore.Param;
import dev.flow.server.store.ParameterSetStore.SetRecord;
import dev.flow.server.store.StoredFlow;
import dev.flow.validate.ValidatedFlow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports an export zip into a project in one transaction: parameter sets first, then each flow,
 * validated with its sets; a name taken is skipped, replaced (a new version) or renamed ({@code
 * name (1)}, ...). A zip that cannot be read safely is refused before anything is written.
 */
public final class Importer {

  /** How to treat a flow whose name is taken. */
  public enum Conflict {
    SKIP,
    REPLACE,
    RENAME
  }

  /** What happened to one flow or set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Outcome(
      String name, String result, String newName, String reason, JsonNode problems) {}

  /** The import's report. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Report(List<Outcome> flows, List<Outcome> parameterSets, List<Outcome> factories) {}

  private static final FactoryStore FACTORIES = new FactoryStore();

  private final ServerContext s;

  public Importer(ServerContext s) {
    this.s = s;
  }

  public Report run(String project, byte[] zip, Conflict mode, String author) {
    ExportReader.Contents in = ExportReader.read(SafeZip.read(zip, SafeZip.Limits.defaults()));
    return s.db().tx(c -> apply(c, project, in, mode, author));
  }

  private Report apply(
      Connection c, String project, ExportReader.Contents in, Conflict mode, String author)
      throws SQLException {
    List<Outcome> sets = new ArrayList<>();
    for (ExportFormat.SetFile set : in.sets()) {
      sets.add(importSet(c, project, set, mode));
    }
    List<Outcome> flows = new ArrayList<>();
    for (ExportReader.FlowEntry f : in.flows()) {
      flows.add(importFlow(c, project, f, mode, author));
    }
    List<Outcome> factories = new ArrayList<>();
    for (ExportReader.FactoryEntry f : in.factories()) {
      factories.add(importFactory(c, project, f, flows, mode, author));
    }
    return new Report(flows, sets, in.factories().isEmpty() ? null : factories);
  }

  /**
   * Imports a factory with its history. A pin on a flow that was created (or renamed) by this
   * import keeps its version number; a pin on a flow that already existed (skipped or replaced)
   * pins that flow's current version after the import.
   */
  private Outcome importFactory(
      Connection c,
      String project,
      ExportReader.FactoryEntry f,
      List<Outcome> flows,
      Conflict mode,
      String author)
      throws SQLException {
    ExportFormat.FactoryMeta m = f.meta();
    List<FactoryStore.NewVersion> versions = new ArrayList<>();
    for (int i = 0; i < f.versions().size(); i++) {
      ExportFormat.FactoryVersionMeta v = f.versions().get(i);
      List<FactoryStore.Member> members = new ArrayList<>();
      for (ExportFormat.Pin pin : v.members() == null ? List.<ExportFormat.Pin>of() : v.members()) {
        Outcome o =
            flows.stream().filter(x -> x.name().equals(pin.flow())).findFirst().orElse(null);
        String name = o != null && o.newName() != null ? o.newName() : pin.flow();
        Optional<StoredFlow> flow = s.flows().byName(c, project, name);
        if (flow.isEmpty() || o != null && "invalid".equals(o.result())) {
          return new Outcome(
              m.name(),
              "invalid",
              null,
              "its flow '" + pin.flow() + "' is neither imported nor in the project",
              null);
        }
        boolean keepNumber =
            o != null && ("created".equals(o.result()) || "renamed".equals(o.result()));
        members.add(
            new FactoryStore.Member(
                pin.entry(),
                name,
                flow.get().id(),
                keepNumber && pin.version() != null ? pin.version() : flow.get().version()));
      }
      versions.add(
          new FactoryStore.NewVersion(
              f.texts().get(i),
              members,
              v.parameterSets() == null ? Map.of() : v.parameterSets(),
              v.author() == null ? "import" : v.author(),
              v.message() == null ? "" : v.message(),
              instant(v.createdAt(), "createdAt")));
    }
    String description = m.description() == null ? "" : m.description();
    Optional<FactoryStore.FactoryRecord> existing = FACTORIES.byName(c, project, m.name());
    if (existing.isEmpty()) {
      FACTORIES.create(c, project, m.name(), description, versions);
      return new Outcome(m.name(), "created", null, null, null);
    }
    switch (mode) {
      case SKIP:
        return new Outcome(
            m.name(), "skipped", null, "a factory named '" + m.name() + "' exists", null);
      case REPLACE:
        FactoryStore.FactoryRecord cur = existing.get();
        FactoryStore.NewVersion last = versions.get(versions.size() - 1);
        FACTORIES.update(
            c,
            cur.id(),
            cur.version(),
            new FactoryStore.NewVersion(
                last.yaml(),
                last.members(),
                last.parameterSets(),
                author,
                "imported",
                Database.now()),
            description);
        return new Outcome(
            m.name(),
            "replaced",
            null,
            "version " + (cur.version() + 1) + " is the imported one",
            null);
      default:
        String name = m.name();
        for (int i = 1; FACTORIES.byName(c, project, name).isPresent(); i++) {
          name = m.name() + " (" + i + ")";
        }
        FACTORIES.create(c, project, name, description, versions);
        return new Outcome(
            m.name(), "renamed", name, "a factory named '" + m.name() + "' exists", null);
    }
  }

  private Outcome importSet(Connection c, String project, ExportFormat.SetFile set, Conflict mode)
      throws SQLException {
    Map<String, Param> params = set.parameters() == null ? Map.of() : set.parameters();
    List<String> unset =
        params.entrySet().stream()
            .filter(
                e -> e.getValue().secret() && ParameterSetStore.MASK.equals(e.getValue().value()))
            .map(Map.Entry::getKey)
            .toList();
    Optional<SetRecord> existing = s.parameterSets().get(c, project, set.name());
    if (existing.isEmpty()) {
      s.parameterSets().create(c, project, set.name(), set.description(), params);
      return new Outcome(
          set.name(),
          "created",
          null,
          unset.isEmpty()
              ? null
              : "the export masked secrets " + String.join(", ", unset) + ": set their values",
          null);
    }
    if (mode != Conflict.REPLACE) {
      return new Outcome(
          set.name(),
          "skipped",
          null,
          "a parameter set named '" + set.name() + "' exists; it is kept as it is",
          null);
    }
    s.parameterSets().update(c, project, set.name(), set.description(), params);
    return new Outcome(
        set.name(),
        "replaced",
        null,
        unset.isEmpty() ? null : "masked secrets kept their values",
        null);
  }

  private Outcome importFlow(
      Connection c, String project, ExportReader.FlowEntry f, Conflict mode, String author)
      throws SQLException {
    ExportFormat.FlowMeta m = f.meta();
    List<String> setNames = m.parameterSets() == null ? List.of() : m.parameterSets();
    for (String n : setNames) {
      if (s.parameterSets().get(c, project, n).isEmpty()) {
        Problem p =
            Problem.error(
                new Location(f.folder() + "/flow.json", 0, 0),
                null,
                "the flow uses parameter set '"
                    + n
                    + "', which is neither in the zip nor in the project");
        return new Outcome(
            m.name(),
            "invalid",
            null,
            "a parameter set is missing",
            ProblemJson.problems(List.of(p)));
      }
    }
    ValidatedFlow v =
        s.engine().validate(f.yaml(), s.parameterSets().resolve(c, project, setNames));
    if (v.hasErrors()) {
      return new Outcome(
          m.name(),
          "invalid",
          null,
          "the flow has errors; it was not imported",
          ProblemJson.problems(
              v.problems().stream().map(p -> relocate(p, f.folder() + "/flow.yaml")).toList()));
    }
    Optional<StoredFlow> existing = s.flows().byName(c, project, m.name());
    FlowStore.NewFlow nf =
        new FlowStore.NewFlow(
            project,
            m.name(),
            m.description() == null ? "" : m.description(),
            m.labels() == null ? Map.of() : m.labels(),
            setNames);
    if (existing.isEmpty()) {
      s.flows().create(c, nf, f.versions());
      return new Outcome(m.name(), "created", null, null, null);
    }
    switch (mode) {
      case SKIP:
        return new Outcome(
            m.name(), "skipped", null, "a flow named '" + m.name() + "' exists", null);
      case REPLACE:
        StoredFlow cur = existing.get();
        s.flows()
            .update(
                c,
                cur.id(),
                cur.version(),
                new FlowStore.NewVersion(f.yaml(), author, "imported", Database.now()),
                nf.description(),
                nf.labels(),
                setNames);
        return new Outcome(
            m.name(),
            "replaced",
            null,
            "version " + (cur.version() + 1) + " is the imported one",
            null);
      default:
        String name = freeName(c, project, m.name());
        s.flows()
            .create(
                c,
                new FlowStore.NewFlow(project, name, nf.description(), nf.labels(), setNames),
                f.versions());
        return new Outcome(
            m.name(), "renamed", name, "a flow named '" + m.name() + "' exists", null);
    }
  }

  private String freeName(Connection c, String project, String name) throws SQLException {
    for (int i = 1; ; i++) {
      String n = name + " (" + i + ")";
      if (s.flows().byName(c, project, n).isEmpty()) {
        return n;
      }
    }
  }

  private static Problem relocate(Problem p, String file) {
    return new Problem(
        new Location(file, p.location().line(), p.location().column()),
        p.stage(),
        p.action(),
        p.severity(),
        p.message(),
        p.hint());
  }

  static Instant instant(String s, String what) {
    try {
      return Instant.parse(s);
    } catch (RuntimeException e) {
      throw SafeZip.refuse(what + " is not an ISO-8601 instant: '" + s + "'");
    }
  }
}
