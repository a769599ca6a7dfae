package dev.flow.parse;

import com.fasterxml.jackson.core.JsonToken;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one YAML document into a {@link Node} tree that remembers the line and column of every key
 * and value. Malformed or hostile input becomes located {@link Problem}s, never an exception: size,
 * nesting depth and alias expansion are limited, and duplicate keys are reported.
 */
public final class YamlReader {

  /**
   * Limits that protect against huge or hostile documents.
   *
   * @param maxBytes largest accepted document, in UTF-8 bytes
   * @param maxDepth deepest accepted nesting of mappings and lists
   * @param maxAliases most alias references ({@code *name}) accepted in one document
   * @param maxExpandedNodes most values the document may hold once aliases are expanded
   */
  public record Limits(int maxBytes, int maxDepth, int maxAliases, int maxExpandedNodes) {
    /** 1 MiB, 64 levels, 100 aliases, 200,000 values. */
    public static Limits defaults() {
      return new Limits(1 << 20, 64, 100, 200_000);
    }
  }

  /** What was read: the root node (null when the text could not be read) and the problems found. */
  public record Result(Node root, List<Problem> problems) {}

  private final Limits limits;

  public YamlReader(Limits limits) {
    this.limits = limits;
  }

  /** Reads {@code text}, naming {@code source} in locations. */
  public Result read(String text, String source) {
    List<Problem> problems = new ArrayList<>();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    long bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxBytes()) {
      problems.add(tooLarge(source, bytes, limits.maxBytes()));
      return new Result(null, problems);
    }
    NodeBuilder builder = new NodeBuilder(limits, text, source, problems);
    try (EventYamlFactory.EventParser p = builder.open()) {
      builder.parser = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(Problem.error(new Location(source, 1, 1), null, "the file is empty"));
        return new Result(null, problems);
      }
      Node root = builder.value(first, 1);
      JsonToken next = p.nextToken();
      if (next != null) {
        problems.add(
            Problem.error(
                builder.here(),
                null,
                "the file holds more than one YAML document; a flow file holds exactly one"));
      }
      return new Result(root, problems);
    } catch (NodeBuilder.Fatal f) {
      problems.add(f.problem);
      return new Result(null, problems);
    } catch (IOException | RuntimeException e) {
      problems.add(YamlMessages.translate(e, text, source));
      return new Result(null, problems);
    }
  }

  /** The error for a file over the size limit. */
  static Problem tooLarge(String source, long bytes, int max) {
    return Problem.error(
        new Location(source, 0, 0),
        null,
        "the file is " + bytes + " bytes; the limit is " + max + " bytes");
  }
}
