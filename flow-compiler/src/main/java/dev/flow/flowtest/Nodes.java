package dev.flow.flowtest;

import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.Suggestions;
import java.util.List;

/** Reads typed values out of a test file's located nodes, reporting each mistake where it is. */
final class Nodes {
  private final List<Problem> problems;

  Nodes(List<Problem> problems) {
    this.problems = problems;
  }

  void error(Location at, String message) {
    problems.add(Problem.error(at, null, message));
  }

  void error(Location at, String stage, String action, String message) {
    problems.add(Problem.error(at, stage, message).withAction(action));
  }

  /** The node as a mapping whose keys are all in {@code known}, or null (reported). */
  Node.MapNode map(Node node, String what, List<String> known) {
    if (!(node instanceof Node.MapNode m)) {
      error(node.location(), what + " must be a mapping, not " + node.typeName());
      return null;
    }
    if (known != null) {
      for (String key : m.entries().keySet()) {
        if (!known.contains(key)) {
          String hint = Suggestions.didYouMean(key, known);
          error(
              m.keyLocation(key),
              "unknown key '"
                  + key
                  + "' in "
                  + what
                  + "; "
                  + (hint == null ? "" : hint + " ")
                  + "known keys: "
                  + String.join(", ", known));
        }
      }
    }
    return m;
  }

  /** The node as a list, or null (reported). */
  Node.ListNode list(Node node, String what) {
    if (node instanceof Node.ListNode l) {
      return l;
    }
    error(node.location(), what + " must be a list, not " + node.typeName());
    return null;
  }

  /** The node as a string, or null (reported). */
  String string(Node node, String what) {
    if (node instanceof Node.ScalarNode s && s.value() instanceof String text) {
      return text;
    }
    error(node.location(), what + " must be a string, not " + node.typeName());
    return null;
  }

  /** The node as a boolean; false (reported) when it is not one. */
  boolean bool(Node node, String what) {
    if (node instanceof Node.ScalarNode s && s.value() instanceof Boolean b) {
      return b;
    }
    error(node.location(), what + " must be true or false, not " + node.typeName());
    return false;
  }
}
