package dev.flow.client.model;

import java.util.List;

/** What an import did, flow by flow and parameter set by parameter set. */
public record ImportReport(List<Entry> flows, List<Entry> parameterSets) {
  public ImportReport {
    flows = flows == null ? List.of() : flows;
    parameterSets = parameterSets == null ? List.of() : parameterSets;
  }

  /**
   * One item's outcome.
   *
   * @param name its name in the zip
   * @param result created, replaced, renamed, skipped or invalid
   * @param newName the name it was given when renamed, else null
   * @param reason why, when it was skipped or invalid
   * @param problems the located problems of an invalid flow
   */
  public record Entry(
      String name, String result, String newName, String reason, List<ApiProblem> problems) {
    public Entry {
      problems = problems == null ? List.of() : problems;
    }
  }
}
