package dev.flow.connectors.file;

import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.IoContext;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.Resource;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageState;
import dev.flow.spi.ValidationContext;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;

/**
 * The {@code Write to File} publisher: JSON lines in part files under a base directory, optionally
 * partitioned by field values and dates. Files become visible when a checkpoint completes, so
 * output is exactly-once; a bounded flow finalizes its files at the end of its input.
 */
public final class WriteFilePublisherFactory implements PublisherFactory<WriteFileOptions> {

  @Override
  public String name() {
    return "Write to File";
  }

  @Override
  public List<String> aliases() {
    return List.of("Write File", "File Sink", "Data Lake");
  }

  @Override
  public String description() {
    return "Writes records as JSON lines into rolling part files under a directory, partitioned"
        + " by field values and dates; exactly-once through checkpoints.";
  }

  @Override
  public Class<WriteFileOptions> optionsClass() {
    return WriteFileOptions.class;
  }

  @Override
  public Optional<StageState> state(WriteFileOptions o) {
    return Optional.of(
        StageState.of("the in-progress and pending files").setting("path", o.path()));
  }

  @Override
  public void validate(WriteFileOptions o, ValidationContext ctx) {
    if (o.path() == null || o.path().isBlank()) {
      ctx.error("path", "path must name a directory");
    }
    try {
      template(o);
    } catch (IllegalArgumentException e) {
      ctx.error(
          e.getMessage().startsWith("unknown time zone") ? "timeZone" : "partitionBy",
          e.getMessage());
    }
    if (o.prefix() != null && (o.prefix().contains("/") || o.prefix().startsWith("."))) {
      ctx.error("prefix", "prefix must not contain '/' or start with '.'");
    }
    if (o.suffix() != null && o.suffix().contains("/")) {
      ctx.error("suffix", "suffix must not contain '/'");
    }
  }

  /** How often part files are checked for age and inactivity: often enough for both, 1s to 1m. */
  static long checkInterval(WriteFileOptions o) {
    long every = 60_000;
    if (o.rollInterval() != null) {
      every = Math.min(every, o.rollInterval().toMillis());
    }
    if (o.inactivity() != null) {
      every = Math.min(every, o.inactivity().toMillis());
    }
    return Math.max(1000, every);
  }

  @Override
  public void publish(DataStream<FlowRecord> input, WriteFileOptions o, StageContext ctx) {
    java.time.Duration rollInterval =
        o.rollInterval() == null ? java.time.Duration.ofMinutes(15) : o.rollInterval();
    java.time.Duration inactivity =
        o.inactivity() == null ? java.time.Duration.ofMinutes(5) : o.inactivity();
    DefaultRollingPolicy<FlowRecord, String> rolling =
        DefaultRollingPolicy.builder()
            .withMaxPartSize(rollSize(o))
            .withRolloverInterval(rollInterval)
            .withInactivityInterval(inactivity)
            .build();
    FileSink<FlowRecord> sink =
        FileSink.forRowFormat(ReadFileTriggerFactory.path(o.path()), new JsonLinesEncoder())
            .withBucketAssigner(new PartitionAssigner(template(o)))
            .withRollingPolicy(rolling)
            .withBucketCheckInterval(checkInterval(o))
            .withOutputFileConfig(
                OutputFileConfig.builder()
                    .withPartPrefix(o.prefix() == null ? "part" : o.prefix())
                    .withPartSuffix(o.suffix() == null ? "" : o.suffix())
                    .build())
            .build();
    ctx.write(input, sink).name(ctx.stageName()).uid(ctx.uid()).setParallelism(ctx.parallelism());
  }

  private static PartitionTemplate template(WriteFileOptions o) {
    return PartitionTemplate.parse(
        o.partitionBy(), o.partitionTime(), o.timeZone(), o.defaultPartition());
  }

  private static MemorySize rollSize(WriteFileOptions o) {
    return new MemorySize(o.rollSize() == null ? 128L << 20 : o.rollSize().bytes());
  }

  /** Writes the files under its path. */
  @Override
  public List<Resource> io(WriteFileOptions o, IoContext ctx) {
    if (o.path() == null) {
      return List.of();
    }
    return List.of(
        Resource.writes("file-path", "", ReadFileTriggerFactory.normalizePath(o.path()))
            .withMatch(Resource.Match.PATH));
  }

  /** Writes each record's payload as it is, one JSON line each. */
  @Override
  public FieldEffects fields(WriteFileOptions o) {
    return FieldEffects.UNCHANGED;
  }
}
