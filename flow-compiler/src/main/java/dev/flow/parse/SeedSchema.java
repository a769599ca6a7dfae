package dev.flow.parse;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's flow JSON Schema, shipped unchanged as {@code schemas/flow-seed.schema.json}, which
 * {@code --strict} checks a document against. Each schema error becomes a located problem.
 */
public final class SeedSchema {

  /** The resource holding the seed schema. */
  public static final String RESOURCE = "/schemas/flow-seed.schema.json";

  private static volatile JsonSchema schema;

  private SeedSchema() {}

  private static JsonSchema schema() {
    JsonSchema s = schema;
    if (s == null) {
      try (InputStream in = SeedSchema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        schema = s;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return s;
  }

  /** The problems of {@code root} under the seed schema, in document order of their paths. */
  public static List<Problem> check(Node root) {
    List<Problem> out = new ArrayList<>();
    for (ValidationMessage m : schema().validate(NodeJson.toJson(root))) {
      out.add(problem(root, m));
    }
    out.sort(ProblemOrder.BY_POSITION);
    return out;
  }

  private static Problem problem(Node root, ValidationMessage m) {
    JsonNodePath path = m.getInstanceLocation();
    Node node = root;
    Node.MapNode parent = null;
    String stage = null;
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      Node next = null;
      if (e instanceof Integer idx && node instanceof Node.ListNode l && idx < l.items().size()) {
        next = l.items().get(idx);
        if (i == 1
            && next instanceof Node.MapNode sm
            && sm.get("name") instanceof Node.ScalarNode n) {
          stage = n.text();
        }
      } else if (node instanceof Node.MapNode mm) {
        parent = mm;
        next = mm.get(String.valueOf(e));
      }
      if (next == null) {
        break;
      }
      node = next;
    }
    String where = describe(path);
    String property = m.getProperty();
    Location at = node.location();
    String message;
    switch (m.getType()) {
      case "required" -> message = where + " is missing '" + property + "'";
      case "additionalProperties" -> {
        message = "'" + property + "' is not allowed in " + where;
        if (node instanceof Node.MapNode mm) {
          at = mm.keyLocation(property);
        }
      }
      case "type" -> {
        message = where + " must be " + expected(m) + ", found " + node.typeName();
        if (parent != null && path.getNameCount() > 0) {
          at = node.location();
        }
      }
      default -> message = where + ": " + stripPath(m.getMessage());
    }
    return Problem.error(at, stage, message).withHint("--strict checks the seed flow schema");
  }

  private static String expected(ValidationMessage m) {
    Object[] args = m.getArguments();
    String t = args != null && args.length > 1 ? String.valueOf(args[1]) : "another type";
    return switch (t) {
      case "array" -> "a list";
      case "object" -> "a mapping";
      case "string" -> "a string";
      default -> t;
    };
  }

  /** A path in words: "the flow", "stage 2", "'out' of stage 2". */
  private static String describe(JsonNodePath path) {
    int n = path.getNameCount();
    if (n == 0) {
      return "the flow";
    }
    if (n >= 2 && "stages".equals(path.getElement(0)) && path.getElement(1) instanceof Integer i) {
      String stage = "stage " + (i + 1);
      if (n == 2) {
        return stage;
      }
      return "'" + path.getElement(2) + "' of " + stage;
    }
    return "'" + path.getElement(0) + "'";
  }

  private static String stripPath(String msg) {
    int colon = msg.indexOf(": ");
    return colon >= 0 && msg.startsWith("$") ? msg.substring(colon + 2) : msg;
  }
}
