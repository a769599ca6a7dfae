package dev.flow.client.model;

import java.util.List;

/** The outcome of validating a flow: whether it is valid, and every located problem. */
public record Validation(boolean valid, List<ApiProblem> problems) {
  public Validation {
    problems = problems == null ? List.of() : problems;
  }
}
