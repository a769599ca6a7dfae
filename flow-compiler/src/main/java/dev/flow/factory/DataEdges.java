package dev.flow.factory;

import dev.flow.spi.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Infers the data edges of a factory: a stage of one flow that writes a resource and a stage of
 * another flow that reads the same resource join the two flows, writer first. What each stage reads
 * and writes comes from its action, through the SPI; no action is known by name here.
 */
final class DataEdges {
  private DataEdges() {}

  static List<FactoryEdge> infer(List<FactoryFlow> flows) {
    List<Endpoint> all = new ArrayList<>();
    for (FactoryFlow f : flows) {
      if (f.valid()) {
        all.addAll(Io.endpoints(f.index(), f.flow()));
      }
    }
    List<FactoryEdge> edges = new ArrayList<>();
    Set<List<Object>> seen = new LinkedHashSet<>();
    for (Endpoint w : all) {
      if (w.resource().access() != Resource.Access.WRITES) {
        continue;
      }
      for (Endpoint r : all) {
        if (r.resource().access() != Resource.Access.READS
            || r.flow() == w.flow()
            || !w.resource().matches(r.resource())) {
          continue;
        }
        Resource shared =
            w.resource().match() == Resource.Match.PATTERN ? r.resource() : w.resource();
        if (seen.add(
            List.of(w.flow(), r.flow(), shared.label(), w.stage().name(), r.stage().name()))) {
          edges.add(
              new FactoryEdge(
                  w.flow(),
                  r.flow(),
                  FactoryEdge.Kind.DATA,
                  shared,
                  w.stage().name(),
                  r.stage().name(),
                  null));
        }
      }
    }
    return edges;
  }
}
