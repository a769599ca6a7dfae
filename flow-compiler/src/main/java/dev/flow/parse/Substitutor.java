package dev.flow.parse;

import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Replaces {@code ${set__param}} and {@code ${env:NAME}} in scalar values (never in keys); {@code
 * $${} stands for a literal {@code ${}. A scalar whose text changed becomes {@link
 * Node.ScalarNode.Style#SYNTHETIC}, and secret when it used a secret parameter.
 */
final class Substitutor {

  private final ParameterSets sets;
  private final UnaryOperator<String> env;
  private final List<Problem> problems;

  Substitutor(ParameterSets sets, UnaryOperator<String> env, List<Problem> problems) {
    this.sets = sets;
    this.env = env;
    this.problems = problems;
  }

  Node apply(Node node) {
    if (node instanceof Node.MapNode m) {
      Map<String, Node> entries = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        Node v = apply(e.getValue());
        changed |= v != e.getValue();
        entries.put(e.getKey(), v);
      }
      return changed ? new Node.MapNode(entries, m.keyLocations(), m.location()) : m;
    }
    if (node instanceof Node.ListNode l) {
      List<Node> items = new ArrayList<>(l.items().size());
      boolean changed = false;
      for (Node i : l.items()) {
        Node v = apply(i);
        changed |= v != i;
        items.add(v);
      }
      return changed ? new Node.ListNode(items, l.location()) : l;
    }
    Node.ScalarNode s = (Node.ScalarNode) node;
    if (s.value() instanceof String text && text.contains("${")) {
      return substitute(s, text);
    }
    return s;
  }

  private Node.ScalarNode substitute(Node.ScalarNode s, String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean secret = s.secret();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          report(s, text, i, "'${' is not closed with '}'", null);
          return s;
        }
        String ref = text.substring(i + 2, end);
        ParameterSets.Parameter p = resolve(s, text, i, ref);
        if (p == null) {
          out.append(text, i, end + 1);
        } else {
          out.append(p.value());
          secret |= p.secret();
        }
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return new Node.ScalarNode(
        out.toString(), s.location(), Node.ScalarNode.Style.SYNTHETIC, secret);
  }

  private ParameterSets.Parameter resolve(Node.ScalarNode s, String text, int at, String ref) {
    String shown = "${" + ref + "}";
    if (ref.startsWith("env:")) {
      String name = ref.substring(4);
      String v = name.isEmpty() ? null : env.apply(name);
      if (v == null) {
        report(s, text, at, "environment variable '" + name + "' is not set", null);
        return null;
      }
      return new ParameterSets.Parameter(v, false);
    }
    int sep = ref.indexOf("__");
    if (sep <= 0 || sep + 2 >= ref.length()) {
      report(
          s,
          text,
          at,
          "'" + shown + "' is not a parameter reference",
          "write ${set__param} (set name, two underscores, parameter name) or ${env:NAME}");
      return null;
    }
    String set = ref.substring(0, sep);
    String name = ref.substring(sep + 2);
    if (!sets.hasSet(set)) {
      String d = Suggestions.didYouMean(set, sets.setNames());
      String hint =
          d != null
              ? d
              : sets.setNames().isEmpty()
                  ? "pass the parameter set file with --params FILE"
                  : "known sets: " + String.join(", ", sets.setNames());
      report(s, text, at, "unknown parameter set '" + set + "' in '" + shown + "'", hint);
      return null;
    }
    ParameterSets.Parameter p = sets.get(set, name);
    if (p == null) {
      String d = Suggestions.didYouMean(name, sets.names(set));
      String known = "Known parameters: " + String.join(", ", sets.names(set));
      report(
          s,
          text,
          at,
          "parameter set '" + set + "' has no parameter '" + name + "'",
          d == null ? known : d + " " + known);
      return null;
    }
    return p;
  }

  private void report(Node.ScalarNode s, String text, int offset, String message, String hint) {
    problems.add(Problem.error(locate(s, text, offset), null, message).withHint(hint));
  }

  /** The file location of character {@code offset} of a scalar's text. */
  static Location locate(Node.ScalarNode s, String text, int offset) {
    if (text.lastIndexOf('\n', offset - 1) >= 0 && offset > 0) {
      return s.location();
    }
    return s.locationOf(offset);
  }
}
