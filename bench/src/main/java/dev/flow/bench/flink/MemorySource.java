package dev.flow.bench.flink;

import dev.flow.bench.Events;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.util.function.SerializableFunction;

/**
 * A bounded source over the pre-generated {@link Events} held in this JVM: event {@code i} becomes
 * one record through a conversion the variant chooses. Every Flink variant reads through it, so
 * they all start from the same bytes in memory.
 */
public final class MemorySource {
  private MemorySource() {}

  /** A source of {@link Events#count()} records, each made from one event's index. */
  public static <T> DataGeneratorSource<T> of(
      SerializableFunction<Long, T> fromIndex, TypeInformation<T> type) {
    return of(fromIndex, type, Events.count());
  }

  /** A source of {@code count} records, each made from its index. */
  public static <T> DataGeneratorSource<T> of(
      SerializableFunction<Long, T> fromIndex, TypeInformation<T> type, long count) {
    return new DataGeneratorSource<>(
        new Generator<>(fromIndex), count, RateLimiterStrategy.noOp(), type);
  }

  /** Marks the start on the first record of each reader, then converts indexes. */
  private static final class Generator<T> implements GeneratorFunction<Long, T> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<Long, T> fromIndex;
    private transient boolean started;

    Generator(SerializableFunction<Long, T> fromIndex) {
      this.fromIndex = fromIndex;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
      started = false;
    }

    @Override
    public T map(Long index) throws Exception {
      if (!started) {
        started = true;
        Marks.started();
      }
      return fromIndex.apply(index);
    }
  }
}
