package dev.flow.client.model;

import java.util.List;
import java.util.Map;

/**
 * A change to a flow, based on the version the caller read; the server refuses it with 409 when the
 * flow has moved on. Fields left null keep their value.
 */
public record FlowUpdate(
    int baseVersion,
    String yaml,
    String description,
    Map<String, String> labels,
    List<String> parameterSets,
    String message) {

  /** A new version with this YAML, based on {@code baseVersion}. */
  public static FlowUpdate yaml(int baseVersion, String yaml) {
    return new FlowUpdate(baseVersion, yaml, null, null, null, null);
  }

  /** A change based on {@code baseVersion} that leaves everything as it is, until set below. */
  public static FlowUpdate basedOn(int baseVersion) {
    return new FlowUpdate(baseVersion, null, null, null, null, null);
  }

  public FlowUpdate withYaml(String y) {
    return new FlowUpdate(baseVersion, y, description, labels, parameterSets, message);
  }

  public FlowUpdate withDescription(String d) {
    return new FlowUpdate(baseVersion, yaml, d, labels, parameterSets, message);
  }

  public FlowUpdate withLabels(Map<String, String> l) {
    return new FlowUpdate(baseVersion, yaml, description, l, parameterSets, message);
  }

  public FlowUpdate withParameterSets(List<String> sets) {
    return new FlowUpdate(baseVersion, yaml, description, labels, sets, message);
  }

  public FlowUpdate withMessage(String m) {
    return new FlowUpdate(baseVersion, yaml, description, labels, parameterSets, m);
  }
}
