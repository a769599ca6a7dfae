package dev.flow.actions.nexmark;

import dev.flow.record.FlowRecord;
import java.util.List;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Turns the indexes 0, 1, 2, ... into the records of the chosen Nexmark streams: JSON objects with
 * the benchmark's field names, whose event time is the event's {@code dateTime}.
 */
public final class NexmarkRecords implements GeneratorFunction<Long, FlowRecord> {
  private static final long serialVersionUID = 1L;
  private final NexmarkGenerator generator;
  private final NexmarkStreams streams;
  private transient NexmarkJson json;

  /** The records the {@code Nexmark} trigger emits with these props. */
  public NexmarkRecords(NexmarkOptions o) {
    this.generator =
        new NexmarkGenerator(o.seed(), o.baseTime().toEpochMilli(), o.eventsPerSecond());
    this.streams = new NexmarkStreams(kinds(o.streams()));
  }

  /** The generator behind the records. */
  public NexmarkGenerator generator() {
    return generator;
  }

  /** How the indexes map to event numbers. */
  public NexmarkStreams streams() {
    return streams;
  }

  @Override
  public FlowRecord map(Long index) {
    return record(index);
  }

  /** The record with this index. */
  public FlowRecord record(long index) {
    if (json == null) {
      json = new NexmarkJson();
    }
    long n = streams.eventNumber(index);
    FlowRecord r = FlowRecord.ofJsonBytes(json.write(generator.event(n), streams.typed()));
    return r.eventTime(generator.timeOf(n)).triggerTime(System.currentTimeMillis());
  }

  private static List<NexmarkModel.Kind> kinds(List<NexmarkOptions.Stream> streams) {
    return streams.stream().map(s -> NexmarkModel.Kind.valueOf(s.name())).toList();
  }
}
