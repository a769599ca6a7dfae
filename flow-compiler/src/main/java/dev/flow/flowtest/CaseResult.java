package dev.flow.flowtest;

import java.util.List;

/**
 * The outcome of one test case.
 *
 * @param name the case's name
 * @param failures what went wrong, one readable block per stage; empty when the case passed
 */
public record CaseResult(String name, List<String> failures) {

  public CaseResult {
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  /** The failures as one text, indented by {@code indent}. */
  public String report(String indent) {
    StringBuilder b = new StringBuilder();
    for (String f : failures) {
      for (String line : f.split("\n", -1)) {
        b.append(indent).append(line).append('\n');
      }
    }
    return b.toString();
  }
}
