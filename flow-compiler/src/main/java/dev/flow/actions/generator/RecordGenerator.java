package dev.flow.actions.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Builds the record with a given index from a template of field generators. The random values of a
 * record depend only on the seed and the index.
 */
final class RecordGenerator implements GeneratorFunction<Long, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final List<FieldPath> paths = new ArrayList<>();
  private final List<FieldGenerator> generators = new ArrayList<>();
  private final long seed;

  /** Compiles the template; throws {@link IllegalArgumentException} naming the bad field. */
  RecordGenerator(Map<FieldPath, JsonNode> fields, long seed) {
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException("at least one field is needed");
    }
    for (Map.Entry<FieldPath, JsonNode> e : fields.entrySet()) {
      try {
        paths.add(e.getKey());
        generators.add(GeneratorSpecs.parse(e.getValue()));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("field '" + e.getKey() + "': " + bad.getMessage());
      }
    }
    this.seed = seed;
  }

  @Override
  public FlowRecord map(Long index) {
    return generate(index, System.currentTimeMillis());
  }

  /** The record with this index, with {@code nowMillis} as the current time. */
  FlowRecord generate(long index, long nowMillis) {
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    ObjectNode payload = Json.NODES.objectNode();
    FlowRecord record = FlowRecord.of(payload);
    for (int i = 0; i < paths.size(); i++) {
      record.set(paths.get(i), generators.get(i).generate(index, random, nowMillis));
    }
    return record.triggerTime(nowMillis);
  }

  /** A well-spread 64-bit seed for one record (the SplitMix64 finalizer). */
  private static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
