package dev.flow.actions.support;

import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimitedSourceReader;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.datagen.source.GeneratingIteratorSourceReader;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A FLIP-27 source that maps the indexes {@code 0, 1, 2, ...} to records with a {@link
 * GeneratorFunction}, checkpointing the next index. It reuses the reader of Flink's {@code
 * DataGeneratorSource} and adds what that source lacks: a single ordered split (so inline records
 * and schedule ticks keep their order and timing at any parallelism) and a truly unbounded mode
 * that reports {@link Boundedness#CONTINUOUS_UNBOUNDED}.
 *
 * <p>Build it with {@link #builder(GeneratorFunction)}.
 */
public final class IndexedSource
    implements Source<FlowRecord, NumberSequenceSplit, Collection<NumberSequenceSplit>>,
        ResultTypeQueryable<FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final GeneratorFunction<Long, FlowRecord> function;
  private final long count;
  private final boolean ordered;
  private final RateLimiterStrategy rateLimiter;

  private IndexedSource(
      GeneratorFunction<Long, FlowRecord> function,
      long count,
      boolean ordered,
      RateLimiterStrategy rateLimiter) {
    this.function = function;
    this.count = count;
    this.ordered = ordered;
    this.rateLimiter = rateLimiter;
  }

  /** A builder for a source that applies {@code function} to each index. */
  public static Builder builder(GeneratorFunction<Long, FlowRecord> function) {
    return new Builder(function);
  }

  /** The number of records, or {@link Long#MAX_VALUE} when the source never ends. */
  public long count() {
    return count;
  }

  @Override
  public Boundedness getBoundedness() {
    return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<FlowRecord> getProducedType() {
    return FlowRecordTypeInfo.INSTANCE;
  }

  @Override
  public SourceReader<FlowRecord, NumberSequenceSplit> createReader(SourceReaderContext ctx) {
    // An ordered source has one split, so a single reader works and gets the whole rate.
    int readers = ordered ? 1 : ctx.currentParallelism();
    return new RateLimitedSourceReader<>(
        new GeneratingIteratorSourceReader<>(ctx, function),
        rateLimiter.createRateLimiter(readers));
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> ctx) {
    int n = ordered ? 1 : Math.max(1, ctx.currentParallelism());
    return new IteratorSourceEnumerator<>(ctx, split(n));
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> ctx, Collection<NumberSequenceSplit> remaining) {
    return new IteratorSourceEnumerator<>(ctx, remaining);
  }

  @Override
  public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
    return new NumberSequenceSource(0, 0).getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<NumberSequenceSplit>>
      getEnumeratorCheckpointSerializer() {
    return new NumberSequenceSource(0, 0).getEnumeratorCheckpointSerializer();
  }

  /** Splits {@code [0, count)} into at most {@code n} contiguous ranges. */
  List<NumberSequenceSplit> split(int n) {
    List<NumberSequenceSplit> splits = new ArrayList<>();
    if (count == 0) {
      return splits;
    }
    long last = count - 1;
    long size = count / n;
    long from = 0;
    for (int i = 0; i < n && from <= last; i++) {
      long to = i == n - 1 ? last : Math.min(last, from + Math.max(size, 1) - 1);
      splits.add(new NumberSequenceSplit(String.valueOf(i), from, to));
      from = to + 1;
    }
    return splits;
  }

  /** Builds an {@link IndexedSource}; validates eagerly. */
  public static final class Builder {
    private final GeneratorFunction<Long, FlowRecord> function;
    private long count = Long.MAX_VALUE;
    private boolean ordered;
    private RateLimiterStrategy rateLimiter = RateLimiterStrategy.noOp();

    private Builder(GeneratorFunction<Long, FlowRecord> function) {
      if (function == null) {
        throw new IllegalArgumentException("a generator function is required");
      }
      this.function = function;
    }

    /** Emits exactly {@code count} records, then ends; the default never ends. */
    public Builder count(long count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative, got " + count);
      }
      this.count = count;
      return this;
    }

    /** Never ends. */
    public Builder unbounded() {
      this.count = Long.MAX_VALUE;
      return this;
    }

    /** Emits all records from one reader, in index order, whatever the parallelism. */
    public Builder ordered(boolean ordered) {
      this.ordered = ordered;
      return this;
    }

    /** At most {@code perSecond} records per second over all readers; 0 means no limit. */
    public Builder ratePerSecond(double perSecond) {
      if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException("rate must be 0 or positive, got " + perSecond);
      }
      this.rateLimiter =
          perSecond == 0 ? RateLimiterStrategy.noOp() : RateLimiterStrategy.perSecond(perSecond);
      return this;
    }

    /** Paces the records with a custom strategy. */
    public Builder rateLimiter(RateLimiterStrategy strategy) {
      this.rateLimiter = strategy;
      return this;
    }

    public IndexedSource build() {
      return new IndexedSource(function, count, ordered, rateLimiter);
    }
  }
}
