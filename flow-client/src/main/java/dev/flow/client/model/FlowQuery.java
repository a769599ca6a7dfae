package dev.flow.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters and page of a flow list; every filter is optional. Build it with {@link #all()} and
 * the {@code with} methods.
 *
 * @param project the project, null for {@code default}
 * @param name flows with this exact name
 * @param labels flows that carry all these labels
 * @param text flows whose name or description contain this text
 * @param page the page, from 0
 * @param size the page size (at most 500)
 */
public record FlowQuery(
    String project, String name, Map<String, String> labels, String text, int page, int size) {

  public FlowQuery {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Every flow of the default project, 50 to a page. */
  public static FlowQuery all() {
    return new FlowQuery(null, null, Map.of(), null, 0, 50);
  }

  public FlowQuery inProject(String p) {
    return new FlowQuery(p, name, labels, text, page, size);
  }

  public FlowQuery named(String n) {
    return new FlowQuery(project, n, labels, text, page, size);
  }

  public FlowQuery withLabel(String key, String value) {
    Map<String, String> l = new LinkedHashMap<>(labels);
    l.put(key, value);
    return new FlowQuery(project, name, l, text, page, size);
  }

  public FlowQuery containing(String t) {
    return new FlowQuery(project, name, labels, t, page, size);
  }

  public FlowQuery page(int p, int s) {
    return new FlowQuery(project, name, labels, text, p, s);
  }
}
