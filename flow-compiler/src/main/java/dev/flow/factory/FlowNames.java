package dev.flow.factory;

import dev.flow.model.FactoryDef;
import dev.flow.model.Problem;
import dev.flow.parse.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Names flows within a factory: unique names, and the {@code after} lists that refer to them. */
final class FlowNames {
  private FlowNames() {}

  static void checkUnique(List<FactoryFlow> flows, List<Problem> problems) {
    Map<String, FactoryFlow> byName = new HashMap<>();
    for (FactoryFlow f : flows) {
      if (f.flow() == null || f.flow().def() == null) {
        continue;
      }
      FactoryFlow other = byName.putIfAbsent(f.name(), f);
      if (other != null && !other.entry().written().equals(f.entry().written())) {
        problems.add(
            Problem.error(
                f.entry().valueLocation(),
                null,
                "flow '"
                    + f.name()
                    + "' has the same name as the flow at "
                    + other.entry().valueLocation()
                    + "; the flows of a factory need names of their own"));
      }
    }
  }

  /** The after edges, with an error for each name that is no flow of the factory. */
  static List<FactoryEdge> afterEdges(List<FactoryFlow> flows, List<Problem> problems) {
    List<FactoryEdge> edges = new ArrayList<>();
    for (FactoryFlow f : flows) {
      for (FactoryDef.Ref r : f.entry().after()) {
        FactoryFlow up = find(flows, r.value());
        if (up == null) {
          List<String> names = flows.stream().map(FactoryFlow::name).distinct().toList();
          String d = Suggestions.didYouMean(r.value(), names);
          String known = "Flows: " + String.join(", ", names);
          problems.add(
              Problem.error(
                      r.location(),
                      null,
                      "'after' names no flow of the factory: '" + r.value() + "'")
                  .withHint(d == null ? known : d + " " + known));
        } else if (up.index() == f.index()) {
          problems.add(
              Problem.error(r.location(), null, "flow '" + f.name() + "' cannot run after itself"));
        } else {
          edges.add(
              new FactoryEdge(
                  up.index(), f.index(), FactoryEdge.Kind.AFTER, null, null, null, r.location()));
        }
      }
    }
    return edges;
  }

  /** The flow named so, or whose path (as written, or its file name) is so. */
  static FactoryFlow find(List<FactoryFlow> flows, String name) {
    for (FactoryFlow f : flows) {
      if (f.name().equals(name) || name.equals(f.entry().written())) {
        return f;
      }
    }
    for (FactoryFlow f : flows) {
      if (f.entry().path() != null
          && Path.of(f.entry().path()).getFileName().toString().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
