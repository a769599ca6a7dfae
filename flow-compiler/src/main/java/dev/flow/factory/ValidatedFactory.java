package dev.flow.factory;

import dev.flow.model.FactoryDef;
import dev.flow.model.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * A factory read and validated as a whole: its flows, the edges between them, an order that keeps
 * every edge, and every problem found in the factory file and in the flow files.
 *
 * @param def the parsed factory, or null when the file could not be read
 * @param file the factory file
 * @param flows the flows, in the factory file's order
 * @param edges data edges (inferred) and after edges (written)
 * @param order flow indexes, upstream first; empty when the flows form a cycle
 * @param written per flow, per publisher stage, the fields proven on what it writes
 * @param parameterFiles the parameter set files the flows were parsed with, the factory's first
 * @param problems every error and warning, the flows' own included
 */
public record ValidatedFactory(
    FactoryDef def,
    Path file,
    List<FactoryFlow> flows,
    List<FactoryEdge> edges,
    List<Integer> order,
    List<java.util.Map<String, List<String>>> written,
    List<Path> parameterFiles,
    List<Problem> problems) {

  public ValidatedFactory {
    flows = List.copyOf(flows);
    edges = List.copyOf(edges);
    order = List.copyOf(order);
    written = List.copyOf(written);
    parameterFiles = List.copyOf(parameterFiles);
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** The edges into flow {@code index}. */
  public List<FactoryEdge> into(int index) {
    return edges.stream().filter(e -> e.to() == index).toList();
  }

  /** The flow named {@code name}, or null. */
  public FactoryFlow flow(String name) {
    return flows.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }
}
