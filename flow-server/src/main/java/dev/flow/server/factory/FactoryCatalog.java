package dev.flow.server.factory;

import dev.flow.factory.FactoryReader;
import dev.flow.factory.ValidatedFactory;
import dev.flow.model.FactoryDef;
import dev.flow.model.Problem;
import dev.flow.parse.ParameterSets;
import dev.flow.server.ServerContext;
import dev.flow.server.api.ApiException;
import dev.flow.server.factory.FactoryStore.FactoryRecord;
import dev.flow.server.factory.FactoryStore.Member;
import dev.flow.server.factory.FactoryStore.NewVersion;
import dev.flow.server.store.Database;
import dev.flow.server.store.StoredFlow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns a factory file and its references to catalog flows and parameter sets into a version that
 * pins every member flow, and validates it with the command line's code before it is stored.
 *
 * <p>Pinning: a factory version records, for each entry of its file, the catalog flow and the
 * version that flow had when the factory version was written. Deploying a factory version deploys
 * exactly those flow versions; writing a new factory version (an update, or a push of the folder)
 * pins the flows' versions of that moment.
 */
final class FactoryCatalog {
  private final ServerContext s;
  private final FactoryStore store;

  FactoryCatalog(ServerContext s, FactoryStore store) {
    this.s = s;
    this.store = store;
  }

  /** A factory version about to be written: its pins, its set files, and the checked factory. */
  record Draft(
      FactoryDef def,
      String yaml,
      List<Member> members,
      Map<String, String> parameterSets,
      List<Problem> problems) {}

  /** Reads the file and resolves its entries in the catalog: 400 when any cannot be resolved. */
  Draft resolve(
      Connection c,
      String project,
      String yaml,
      Map<String, String> flows,
      Map<String, String> sets)
      throws SQLException {
    FactoryReader.Result r = FactoryReader.read(yaml, FactoryFolder.FILE);
    if (r.factory() == null || r.problems().stream().anyMatch(Problem::isError)) {
      throw invalid("the factory file has errors", r.problems());
    }
    FactoryDef def = r.factory();
    List<Problem> problems = new ArrayList<>();
    List<Member> members = new ArrayList<>();
    for (FactoryDef.FlowEntry e : def.flows()) {
      String name = e.catalog() != null ? e.catalog() : flows.get(e.path());
      if (name == null) {
        problems.add(
            Problem.error(
                    e.valueLocation(),
                    null,
                    "flow file '" + e.path() + "' is not mapped to a catalog flow")
                .withHint(
                    "name it in 'flows' ({\""
                        + e.path()
                        + "\": \"FLOW NAME\"}), write 'catalog: NAME', or push the folder"));
        continue;
      }
      var flow = s.flows().byName(c, project, name);
      if (flow.isEmpty()) {
        problems.add(
            Problem.error(
                e.valueLocation(),
                null,
                "the catalog has no flow named '" + name + "' in project '" + project + "'"));
        continue;
      }
      StoredFlow f = flow.get();
      members.add(new Member(e.written(), f.name(), f.id(), f.version()));
    }
    Map<String, String> setFiles = new LinkedHashMap<>();
    for (FactoryDef.Ref ref : def.parameterSets()) {
      String name = sets.get(ref.value());
      if (name == null) {
        problems.add(
            Problem.error(
                    ref.location(),
                    null,
                    "parameter set file '" + ref.value() + "' is not mapped to a catalog set")
                .withHint("name it in 'parameterSets' ({\"" + ref.value() + "\": \"SET NAME\"})"));
        continue;
      }
      if (s.parameterSets().get(c, project, name).isEmpty()) {
        problems.add(
            Problem.error(
                ref.location(),
                null,
                "the catalog has no parameter set named '"
                    + name
                    + "' in project '"
                    + project
                    + "'"));
        continue;
      }
      setFiles.put(ref.value(), name);
    }
    if (!problems.isEmpty()) {
      throw invalid("the factory names flows or parameter sets the catalog lacks", problems);
    }
    return new Draft(def, yaml, members, setFiles, List.of());
  }

  /** The factory laid out as a folder from catalog texts (the pinned versions of its members). */
  FactoryFolder folder(
      Connection c, String project, String yaml, List<Member> members, Map<String, String> sets)
      throws SQLException {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Member m : members) {
      texts.put(m.entry(), s.flows().version(c, m.flowId(), m.version()).yaml());
    }
    List<String> paths = paths(yaml);
    ParameterSets resolved =
        s.parameterSets().resolve(c, project, new ArrayList<>(new LinkedHashSet<>(sets.values())));
    return FactoryFolder.write(yaml, texts, paths, resolved, sets);
  }

  /** The entries of a factory file written as {@code path:}. */
  static List<String> paths(String yaml) {
    FactoryDef def = FactoryReader.read(yaml, FactoryFolder.FILE).factory();
    List<String> out = new ArrayList<>();
    if (def != null) {
      def.flows().stream().filter(e -> e.path() != null).forEach(e -> out.add(e.path()));
    }
    return out;
  }

  /** Validates a resolved draft; 400 with located problems when the factory has errors. */
  List<Problem> check(Connection c, String project, Draft d) throws SQLException {
    try (FactoryFolder f = folder(c, project, d.yaml(), d.members(), d.parameterSets())) {
      ValidatedFactory v = f.validate();
      List<Problem> problems = f.problems(v);
      if (v.hasErrors()) {
        throw invalid("the factory is not valid; nothing was changed", problems);
      }
      return problems;
    }
  }

  /** Creates a factory from a checked draft. */
  FactoryRecord create(
      Connection c, String project, Draft d, String description, String author, String message)
      throws SQLException {
    check(c, project, d);
    String name = dev.flow.server.store.Names.flow(d.def().name());
    String desc = description != null ? description : d.def().description();
    return store.create(
        c,
        project,
        name,
        desc,
        List.of(
            new NewVersion(
                d.yaml(), d.members(), d.parameterSets(), author, message, Database.now())));
  }

  /** Writes a new version of factory {@code id} on {@code base}. */
  FactoryRecord update(
      Connection c, String id, int base, Draft d, String description, String author, String message)
      throws SQLException {
    FactoryRecord current = store.require(c, id);
    check(c, current.project(), d);
    if (d.def().name() != null && !d.def().name().equals(current.name())) {
      throw ApiException.badRequest(
          "the factory file names '"
              + d.def().name()
              + "', but this factory is '"
              + current.name()
              + "'; a factory keeps its name");
    }
    return store.update(
        c,
        id,
        base,
        new NewVersion(d.yaml(), d.members(), d.parameterSets(), author, message, Database.now()),
        description);
  }

  static ApiException invalid(String detail, List<Problem> problems) {
    return new ApiException(400, "invalid-factory", "The factory is not valid", detail, problems);
  }
}
