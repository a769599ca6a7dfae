package dev.flow.client.model;

import java.util.List;

/**
 * What to deploy: a flow by id, or by name (with its project), a version (null: the latest), its
 * parameter sets (null: the flow's own) and the environment (null: {@code local}).
 */
public record NewDeployment(
    String flowId,
    String flow,
    String project,
    String environment,
    Integer version,
    List<String> parameterSets) {
  /** The latest version of the flow called {@code name} in {@code project} on {@code env}. */
  public static NewDeployment byName(String project, String name, String env) {
    return new NewDeployment(null, name, project, env, null, null);
  }

  public NewDeployment withVersion(Integer v) {
    return new NewDeployment(flowId, flow, project, environment, v, parameterSets);
  }

  public NewDeployment withParameterSets(List<String> sets) {
    return new NewDeployment(flowId, flow, project, environment, version, sets);
  }
}
