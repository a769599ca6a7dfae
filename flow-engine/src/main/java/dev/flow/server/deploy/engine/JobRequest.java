package dev.flow.server.deploy.engine;

import dev.flow.job.ServerReporting;
import dev.flow.parse.ParameterSets;
import java.util.List;
import java.util.Map;

/**
 * A flow to start: its YAML text as the user wrote it, the parameter sets it resolves {@code
 * ${set__param}} from (secrets included; they never leave the engine in job arguments), and where
 * to restore state from.
 *
 * @param name a name for the job on the engine: lower case letters, digits and dashes
 * @param fileName the file name the flow's problems are located in, e.g. {@code orders.yaml}
 * @param yaml the flow's text
 * @param parameterSets set name to parameter name to parameter
 * @param savepoint the savepoint to start from, or null for a fresh start
 * @param allowNonRestoredState whether savepoint state that no stage takes may be dropped
 * @param reporting where the job reports its runs and error records, or null for nowhere; its
 *     token, like the secrets, never leaves the engine in job arguments
 * @param manual the records of a manual run, which replace the triggers (local engine only), or
 *     null for the flow's own triggers
 */
public record JobRequest(
    String name,
    String fileName,
    String yaml,
    Map<String, Map<String, ParameterSets.Parameter>> parameterSets,
    String savepoint,
    boolean allowNonRestoredState,
    ServerReporting reporting,
    ManualInput manual) {

  public JobRequest {
    parameterSets = Map.copyOf(parameterSets);
  }

  /** A request that reports nowhere. */
  public JobRequest(
      String name,
      String fileName,
      String yaml,
      Map<String, Map<String, ParameterSets.Parameter>> parameterSets,
      String savepoint,
      boolean allowNonRestoredState) {
    this(name, fileName, yaml, parameterSets, savepoint, allowNonRestoredState, null, null);
  }

  /** The same request, reporting to {@code r}. */
  public JobRequest withReporting(ServerReporting r) {
    return new JobRequest(
        name, fileName, yaml, parameterSets, savepoint, allowNonRestoredState, r, manual);
  }

  /** The same request as a manual run of {@code input}. */
  public JobRequest withManualInput(ManualInput input) {
    return new JobRequest(
        name, fileName, yaml, parameterSets, savepoint, allowNonRestoredState, reporting, input);
  }

  /** A fresh start of a flow with no parameter sets. */
  public static JobRequest of(String name, String yaml) {
    return new JobRequest(name, name + ".yaml", yaml, Map.of(), null, false);
  }

  /** The same request, starting from {@code path}. */
  public JobRequest fromSavepoint(String path, boolean allowNonRestored) {
    return new JobRequest(
        name, fileName, yaml, parameterSets, path, allowNonRestored, reporting, manual);
  }

  /** Every secret value of the parameter sets, e.g. for checks that none leaked. */
  public List<String> secretValues() {
    return parameterSets.values().stream()
        .flatMap(m -> m.values().stream())
        .filter(ParameterSets.Parameter::secret)
        .map(ParameterSets.Parameter::value)
        .collect(
            java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(),
                l -> {
                  if (reporting != null) {
                    l.add(reporting.token());
                  }
                  return List.copyOf(l);
                }));
  }
}
