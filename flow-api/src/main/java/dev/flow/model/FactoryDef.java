package dev.flow.model;

import java.util.List;

/**
 * A parsed factory: several flows that run together as one DAG, with the parameter sets they share
 * and the order some of them must keep.
 *
 * @param name the factory's name
 * @param description optional free text, or {@code null}
 * @param parameterSets parameter set files every flow of the factory is parsed with, as written
 * @param flows the flows, in source order
 * @param source the file the factory came from
 * @param location where the document starts
 */
public record FactoryDef(
    String name,
    String description,
    List<Ref> parameterSets,
    List<FlowEntry> flows,
    String source,
    Location location) {

  public FactoryDef {
    parameterSets = List.copyOf(parameterSets);
    flows = List.copyOf(flows);
  }

  /** A text written in the factory file, with where it was written. */
  public record Ref(String value, Location location) {}

  /**
   * One flow of the factory.
   *
   * @param path the flow file, relative to the factory file; null when {@code catalog} is set
   * @param catalog the flow's name in the server's catalog; null when {@code path} is set
   * @param after the flows (by flow name or by path as written) that must have run before this one
   * @param location where the entry starts
   * @param valueLocation where the path or catalog name is written
   */
  public record FlowEntry(
      String path, String catalog, List<Ref> after, Location location, Location valueLocation) {
    public FlowEntry {
      after = List.copyOf(after);
    }

    /** The path or the catalog name, as written. */
    public String written() {
      return path != null ? path : catalog;
    }
  }
}
