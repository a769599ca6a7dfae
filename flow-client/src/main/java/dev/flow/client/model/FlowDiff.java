package dev.flow.client.model;

import java.util.List;

/**
 * Two versions of a flow compared: the unified text diff and {@code flow diff}'s savepoint
 * findings.
 */
public record FlowDiff(int from, int to, String textDiff, List<ApiProblem> findings) {
  public FlowDiff {
    findings = findings == null ? List.of() : findings;
  }
}
