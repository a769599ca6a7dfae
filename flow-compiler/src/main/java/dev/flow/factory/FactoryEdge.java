package dev.flow.factory;

import dev.flow.model.Location;
import dev.flow.spi.Resource;

/**
 * An edge between two flows of a factory: data written by one and read by the other, or an explicit
 * {@code after}.
 *
 * @param from the index of the upstream flow
 * @param to the index of the downstream flow
 * @param kind data or after
 * @param resource what the flows share, for a data edge; null for an after edge
 * @param writer the upstream stage that writes it; null for an after edge
 * @param reader the downstream stage that reads it; null for an after edge
 * @param location where an after edge is written; null for a data edge
 */
public record FactoryEdge(
    int from,
    int to,
    Kind kind,
    Resource resource,
    String writer,
    String reader,
    Location location) {

  /** Why the edge exists. */
  public enum Kind {
    DATA,
    AFTER
  }

  /** The edge's label: the shared resource, or {@code after}. */
  public String label() {
    return kind == Kind.AFTER ? "after" : resource.label();
  }
}
