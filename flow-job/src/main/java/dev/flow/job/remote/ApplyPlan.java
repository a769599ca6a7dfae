package dev.flow.job.remote;

import dev.flow.client.model.Flow;
import dev.flow.client.model.ParameterSet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code flow apply} will do to make a project match a folder: each flow and parameter set
 * created, updated, left unchanged or (with {@code --prune}) deleted, and what is on the server but
 * not in the folder.
 *
 * @param changes every item, in the order they are made: sets before the flows that use them,
 *     deletions last
 * @param extra names on the server that are not in the folder and are kept (no {@code --prune})
 */
record ApplyPlan(List<Change> changes, List<String> extra) {

  /** What happens to one item. */
  enum Action {
    create,
    update,
    unchanged,
    delete
  }

  /** One flow or parameter set and what happens to it. */
  record Change(
      Action action,
      String kind,
      String name,
      Path file,
      String note,
      LocalFlow flow,
      ParameterSet set,
      Flow remote) {
    boolean isFlow() {
      return kind.equals("flow");
    }
  }

  /** The plan from the folder and the project's flows (with their YAML) and sets on the server. */
  static ApplyPlan of(
      ApplyFolder folder,
      Map<String, Flow> serverFlows,
      Map<String, ParameterSet> serverSets,
      boolean prune) {
    List<Change> changes = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    folder
        .sets()
        .sets()
        .forEach(
            (name, set) -> {
              Path file = folder.sets().origins().get(name);
              ParameterSet remote = serverSets.get(name);
              if (remote == null) {
                changes.add(
                    new Change(Action.create, "parameter set", name, file, null, null, set, null));
              } else {
                String note = compare(set, remote);
                Action a = note == null ? Action.unchanged : Action.update;
                changes.add(new Change(a, "parameter set", name, file, note, null, set, null));
              }
            });
    folder
        .flows()
        .forEach(
            (name, local) -> {
              Flow remote = serverFlows.get(name);
              if (remote == null) {
                changes.add(
                    new Change(Action.create, "flow", name, local.file(), null, local, null, null));
              } else if (local.text().equals(remote.yaml())
                  && sorted(local.parameterSets()).equals(sorted(remote.parameterSets()))) {
                changes.add(
                    new Change(
                        Action.unchanged,
                        "flow",
                        name,
                        local.file(),
                        "version " + remote.version(),
                        local,
                        null,
                        remote));
              } else {
                String note =
                    local.text().equals(remote.yaml())
                        ? "parameter sets "
                            + sorted(remote.parameterSets())
                            + " -> "
                            + sorted(local.parameterSets())
                        : "version " + remote.version() + " -> " + (remote.version() + 1);
                changes.add(
                    new Change(
                        Action.update, "flow", name, local.file(), note, local, null, remote));
              }
            });
    serverFlows.keySet().stream()
        .filter(n -> !folder.flows().containsKey(n))
        .sorted()
        .forEach(
            n -> {
              if (prune) {
                changes.add(
                    new Change(
                        Action.delete, "flow", n, null, null, null, null, serverFlows.get(n)));
              } else {
                extra.add("flow " + n);
              }
            });
    serverSets.keySet().stream()
        .filter(n -> !folder.sets().sets().containsKey(n))
        .sorted()
        .forEach(
            n -> {
              if (prune) {
                changes.add(
                    new Change(Action.delete, "parameter set", n, null, null, null, null, null));
              } else {
                extra.add("parameter set " + n);
              }
            });
    return new ApplyPlan(List.copyOf(changes), List.copyOf(extra));
  }

  /** Why the local set differs from the server's, or null when it does not. */
  private static String compare(ParameterSet local, ParameterSet remote) {
    if (!local.parameters().keySet().equals(remote.parameters().keySet())) {
      return "parameters "
          + sorted(remote.parameters().keySet())
          + " -> "
          + sorted(local.parameters().keySet());
    }
    boolean secrets = false;
    for (var e : local.parameters().entrySet()) {
      ParameterSet.Parameter l = e.getValue();
      ParameterSet.Parameter r = remote.parameters().get(e.getKey());
      if (l.secret() != r.secret()) {
        return "'" + e.getKey() + "' " + (l.secret() ? "becomes secret" : "is no longer secret");
      }
      if (l.secret()) {
        secrets = true;
      } else if (!Objects.equals(l.value(), r.value())) {
        return "'" + e.getKey() + "' changes";
      }
    }
    return secrets ? "secret values cannot be read back, so they are sent again" : null;
  }

  private static List<String> sorted(java.util.Collection<String> names) {
    return names.stream().sorted(Comparator.naturalOrder()).toList();
  }

  /** The changes that do something. */
  List<Change> actions() {
    return changes.stream().filter(c -> c.action() != Action.unchanged).toList();
  }

  long count(Action a) {
    return changes.stream().filter(c -> c.action() == a).count();
  }

  /** The plan, one line per item, then the counts. */
  void print(PrintStream out) {
    for (Change c : changes) {
      StringBuilder b = new StringBuilder("  ");
      b.append(String.format("%-10s%-14s%s", c.action(), c.kind(), c.name()));
      List<String> details = new ArrayList<>();
      if (c.file() != null) {
        details.add(c.file().toString());
      }
      if (c.note() != null) {
        details.add(c.note());
      }
      if (!details.isEmpty()) {
        b.append("  (").append(String.join("; ", details)).append(')');
      }
      out.println(b);
    }
    if (!extra.isEmpty()) {
      out.println("  not in the folder, kept (--prune deletes them): " + String.join(", ", extra));
    }
    out.println(
        count(Action.create)
            + " to create, "
            + count(Action.update)
            + " to update, "
            + count(Action.delete)
            + " to delete, "
            + count(Action.unchanged)
            + " unchanged.");
  }
}
