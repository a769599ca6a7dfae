package dev.flow.client.model;

import java.util.List;
import java.util.Map;

/**
 * A flow to create. Only {@code yaml} is required: the name defaults to the YAML's {@code name}.
 */
public record NewFlow(
    String yaml,
    String name,
    String description,
    Map<String, String> labels,
    List<String> parameterSets,
    String message) {

  /** A flow from its YAML alone. */
  public static NewFlow of(String yaml) {
    return new NewFlow(yaml, null, null, null, null, null);
  }

  public NewFlow withName(String n) {
    return new NewFlow(yaml, n, description, labels, parameterSets, message);
  }

  public NewFlow withDescription(String d) {
    return new NewFlow(yaml, name, d, labels, parameterSets, message);
  }

  public NewFlow withLabels(Map<String, String> l) {
    return new NewFlow(yaml, name, description, l, parameterSets, message);
  }

  public NewFlow withParameterSets(List<String> sets) {
    return new NewFlow(yaml, name, description, labels, sets, message);
  }

  public NewFlow withMessage(String m) {
    return new NewFlow(yaml, name, description, labels, parameterSets, m);
  }
}
