package dev.flow.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.model.Problem;
import dev.flow.record.Json;
import java.io.PrintStream;
import java.util.List;

/** Prints validation problems as text lines or as JSON. */
public final class ProblemPrinter {
  private ProblemPrinter() {}

  /** One line per problem, then a summary line when there are problems. */
  public static void printText(List<Problem> problems, PrintStream out) {
    for (Problem p : problems) {
      out.println(p.format());
    }
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    if (!problems.isEmpty()) {
      out.println(count(errors, "error") + ", " + count(warnings, "warning"));
    }
  }

  /** The problems as a JSON array of objects. */
  public static ArrayNode toJson(List<Problem> problems) {
    ArrayNode arr = Json.NODES.arrayNode();
    for (Problem p : problems) {
      ObjectNode o = arr.addObject();
      o.put("file", p.location().file());
      o.put("line", p.location().line());
      o.put("column", p.location().column());
      o.put("severity", p.severity().label());
      if (p.stage() != null) {
        o.put("stage", p.stage());
      }
      if (p.action() != null) {
        o.put("action", p.action());
      }
      o.put("message", p.message());
      if (p.hint() != null) {
        o.put("hint", p.hint());
      }
    }
    return arr;
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
