package dev.flow.retry;

import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A custom transform (named by its class in flows) that fails each record with an I/O error (or,
 * with {@code error: record}, an error of the record's own) the first {@code failures} times it
 * sees it, then marks and emits it. Tries are counted per test name and record id, in static maps,
 * for a MiniCluster in the same JVM.
 */
public final class FlakyTransformFactory
    extends RecordTransformFactory<FlakyTransformFactory.Options> {

  static final ConcurrentHashMap<String, AtomicInteger> TRIES = new ConcurrentHashMap<>();

  /** Options of the flaky transform. */
  public record Options(
      @Prop(description = "The test's name.", required = true) String name,
      @Prop(description = "Failures before a record passes.", defaultValue = "1") int failures,
      @Prop(
              description =
                  "io: an IOException (transient); record: an IllegalArgumentException, the"
                      + " record's own fault.",
              defaultValue = "io")
          String error)
      implements java.io.Serializable {}

  @Override
  public String name() {
    return "Flaky Test Transform";
  }

  @Override
  public String description() {
    return "Fails each record a few times before it passes.";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public RecordProcessor createProcessor(Options o, StageContext ctx) {
    return (record, out) -> {
      String key = o.name() + "/" + record.get("id").asText();
      int tries = TRIES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      // Changes the record before it fails, as a processor may: a retry must not see the change.
      record.set(
          FieldPath.parse("touched"), com.fasterxml.jackson.databind.node.IntNode.valueOf(tries));
      if (tries <= o.failures()) {
        if ("record".equals(o.error())) {
          throw new IllegalArgumentException("field 'id' is not valid (try " + tries + ")");
        }
        throw new IOException("service busy (try " + tries + ")");
      }
      out.collect(record);
    };
  }

  static int tries(String name, int id) {
    AtomicInteger n = TRIES.get(name + "/" + id);
    return n == null ? 0 : n.get();
  }
}
