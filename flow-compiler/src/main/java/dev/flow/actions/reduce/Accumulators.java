package dev.flow.actions.reduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.flow.actions.reduce.AggregateSpec.Fn;

/**
 * The per-function accumulator arithmetic on JSON values: each aggregate keeps one small JSON value
 * (a count, a running sum, {@code [sum, n]} for avg, the distinct values for sets) that can be
 * added to, merged and turned into the output value.
 */
final class Accumulators {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Accumulators() {}

  /** The empty accumulator of {@code fn}. */
  static JsonNode empty(Fn fn) {
    return switch (fn) {
      case COUNT -> NODES.numberNode(0L);
      case AVG -> NODES.arrayNode().add(0L).add(0L);
      case FIRST, COLLECT_LIST, COLLECT_SET, DISTINCT_COUNT -> NODES.arrayNode();
      default -> NullNode.instance;
    };
  }

  /** Adds one value ({@code null} for a plain count). */
  static JsonNode add(Fn fn, JsonNode acc, JsonNode v) {
    boolean absent = v == null || v.isNull() || v.isMissingNode();
    return switch (fn) {
      case COUNT -> absent && v != null ? acc : NODES.numberNode(acc.asLong() + 1);
      case SUM -> absent ? acc : acc.isNull() ? v : plus(acc, v);
      case AVG ->
          absent ? acc : NODES.arrayNode().add(plus(acc.get(0), v)).add(acc.get(1).asLong() + 1);
      case MIN -> absent ? acc : acc.isNull() || compare(v, acc) < 0 ? v : acc;
      case MAX -> absent ? acc : acc.isNull() || compare(v, acc) > 0 ? v : acc;
      case FIRST -> acc.isEmpty() ? NODES.arrayNode().add(v == null ? NullNode.instance : v) : acc;
      case LAST -> v == null ? NullNode.instance : v;
      case COLLECT_LIST -> ((ArrayNode) acc).add(v == null ? NullNode.instance : v);
      case COLLECT_SET, DISTINCT_COUNT ->
          absent || contains(acc, v) ? acc : ((ArrayNode) acc).add(v);
      case MAX_BY, MIN_BY -> best(fn, acc, v);
    };
  }

  /**
   * maxBy / minBy: the accumulator is {@code [best compared value, [kept values]]}, holding every
   * kept value whose compared value ties for best.
   */
  private static JsonNode best(Fn fn, JsonNode acc, JsonNode pair) {
    JsonNode by = pair == null ? null : pair.get(0);
    if (by == null || by.isNull() || by.isMissingNode()) {
      return acc;
    }
    JsonNode kept = pair.get(1) == null ? NullNode.instance : pair.get(1);
    if (acc.isNull()) {
      return NODES.arrayNode().add(by).add(NODES.arrayNode().add(kept));
    }
    int c = compare(by, acc.get(0));
    if (fn == Fn.MIN_BY) {
      c = -c;
    }
    if (c > 0) {
      return NODES.arrayNode().add(by).add(NODES.arrayNode().add(kept));
    }
    if (c == 0) {
      ((ArrayNode) acc.get(1)).add(kept);
    }
    return acc;
  }

  /** Merges two accumulators of merging session windows; {@code a} is the earlier one. */
  static JsonNode merge(Fn fn, JsonNode a, JsonNode b) {
    return switch (fn) {
      case COUNT -> NODES.numberNode(a.asLong() + b.asLong());
      case SUM -> a.isNull() ? b : b.isNull() ? a : plus(a, b);
      case AVG ->
          NODES
              .arrayNode()
              .add(plus(a.get(0), b.get(0)))
              .add(a.get(1).asLong() + b.get(1).asLong());
      case MIN -> a.isNull() ? b : b.isNull() || compare(a, b) <= 0 ? a : b;
      case MAX -> a.isNull() ? b : b.isNull() || compare(a, b) >= 0 ? a : b;
      case FIRST -> a.isEmpty() ? b : a;
      case LAST -> b;
      case MAX_BY, MIN_BY -> {
        if (a.isNull() || b.isNull()) {
          yield a.isNull() ? b : a;
        }
        int c = compare(b.get(0), a.get(0));
        if (fn == Fn.MIN_BY) {
          c = -c;
        }
        if (c != 0) {
          yield c > 0 ? b : a;
        }
        ArrayNode kept = ((ArrayNode) a.get(1).deepCopy()).addAll((ArrayNode) b.get(1));
        yield NODES.arrayNode().add(a.get(0)).add(kept);
      }
      case COLLECT_LIST -> ((ArrayNode) a.deepCopy()).addAll((ArrayNode) b);
      case COLLECT_SET, DISTINCT_COUNT -> {
        ArrayNode out = (ArrayNode) a.deepCopy();
        b.forEach(
            v -> {
              if (!contains(out, v)) {
                out.add(v);
              }
            });
        yield out;
      }
    };
  }

  /** The output value of an accumulator. */
  static JsonNode result(Fn fn, JsonNode acc) {
    return switch (fn) {
      case SUM -> acc.isNull() ? NODES.numberNode(0L) : acc;
      case AVG ->
          acc.get(1).asLong() == 0
              ? NullNode.instance
              : NODES.numberNode(acc.get(0).asDouble() / acc.get(1).asLong());
      case FIRST -> acc.isEmpty() ? NullNode.instance : acc.get(0);
      case DISTINCT_COUNT -> NODES.numberNode((long) acc.size());
      case MAX_BY, MIN_BY -> acc.isNull() ? NODES.arrayNode() : acc.get(1);
      default -> acc;
    };
  }

  /** Checks a value before it is added, so a bad value fails its record rather than the job. */
  static void check(AggregateSpec spec, JsonNode v) {
    boolean absent = v == null || v.isNull() || v.isMissingNode();
    if (absent) {
      return;
    }
    if ((spec.fn() == Fn.SUM || spec.fn() == Fn.AVG) && !v.isNumber()) {
      throw new IllegalArgumentException(
          "aggregate '"
              + spec.field()
              + "': "
              + spec.fn().written
              + " needs numbers, but '"
              + spec.arg()
              + "' gave "
              + v);
    }
    if (spec.fn() == Fn.MAX_BY || spec.fn() == Fn.MIN_BY) {
      JsonNode by = v.get(0);
      if (by != null && !by.isNull() && !by.isNumber() && !by.isTextual()) {
        throw new IllegalArgumentException(
            "aggregate '"
                + spec.field()
                + "': "
                + spec.fn().written
                + " compares numbers or strings, but '"
                + spec.arg()
                + "' gave "
                + by);
      }
      return;
    }
    if ((spec.fn() == Fn.MIN || spec.fn() == Fn.MAX) && !v.isNumber() && !v.isTextual()) {
      throw new IllegalArgumentException(
          "aggregate '"
              + spec.field()
              + "': "
              + spec.fn().written
              + " needs numbers or strings, but '"
              + spec.arg()
              + "' gave "
              + v);
    }
  }

  private static JsonNode plus(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return NODES.numberNode(a.asLong() + b.asLong());
    }
    return NODES.numberNode(a.asDouble() + b.asDouble());
  }

  /** Numbers before strings; numbers by value, strings lexicographically. */
  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    if (a.isNumber() != b.isNumber()) {
      return a.isNumber() ? -1 : 1;
    }
    return a.asText().compareTo(b.asText());
  }

  private static boolean contains(JsonNode set, JsonNode v) {
    for (JsonNode e : set) {
      if (e.equals(v) || (e.isNumber() && v.isNumber() && e.asDouble() == v.asDouble())) {
        return true;
      }
    }
    return false;
  }
}
