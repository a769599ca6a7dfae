package dev.flow.parse;

import dev.flow.model.FlowDef;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import java.util.List;

/**
 * What parsing a flow file gave: the flow (null when the file is unusable), the document's node
 * tree after parameter substitution (null when the YAML could not be read), and the problems found.
 */
public record ParseResult(FlowDef flow, Node root, List<Problem> problems) {

  public ParseResult {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
