package dev.flow.client.model;

import java.util.List;

/** One page of a flow list: the flows (without their YAML), the page, its size and the total. */
public record FlowPage(List<Flow> items, int page, int size, long total) {
  public FlowPage {
    items = items == null ? List.of() : items;
  }

  /** Whether pages follow this one. */
  public boolean hasMore() {
    return (long) (page + 1) * size < total;
  }
}
