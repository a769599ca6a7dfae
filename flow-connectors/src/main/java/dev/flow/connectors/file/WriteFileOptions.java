package dev.flow.connectors.file;

import dev.flow.spi.DataSize;
import dev.flow.spi.Prop;
import java.time.Duration;

/**
 * Props of the {@code Write to File} publisher.
 *
 * @param path the base directory
 * @param partitionBy the subdirectory of each record, from its fields and time
 * @param partitionTime which time {@code {time:...}} formats
 * @param timeZone the time zone of {@code {time:...}}
 * @param defaultPartition the text used for a missing or empty field value
 * @param rollSize size at which a part file is closed
 * @param rollInterval age at which a part file is closed
 * @param inactivity idle time after which a part file is closed
 * @param prefix start of part file names
 * @param suffix end of part file names
 */
public record WriteFileOptions(
    @Prop(
            description = "Base directory; a local path or a URI such as s3://bucket/out/.",
            required = true,
            example = "out/orders")
        String path,
    @Prop(
            description =
                "Subdirectory of each record: {field.path} is the field's value, {time:PATTERN}"
                    + " a java.time pattern of the record's time; '/' separates levels.",
            example = "dt={time:yyyy-MM-dd}/country={country}")
        String partitionBy,
    @Prop(
            description =
                "The time {time:...} formats: event (the record's event time, else its trigger"
                    + " time), trigger, or processing (when written).",
            defaultValue = "event")
        PartitionTime partitionTime,
    @Prop(description = "Time zone of {time:...}, e.g. UTC or Europe/Berlin.", defaultValue = "UTC")
        String timeZone,
    @Prop(
            description = "Used in partitionBy for a field that is missing, null or empty.",
            defaultValue = "__null__")
        String defaultPartition,
    @Prop(
            description = "A part file is closed at this size, e.g. 128mb.",
            defaultValue = "128mb",
            min = "1b")
        DataSize rollSize,
    @Prop(description = "A part file is closed at this age.", defaultValue = "15m", min = "1ms")
        Duration rollInterval,
    @Prop(
            description = "A part file that received nothing for this long is closed.",
            defaultValue = "5m",
            min = "1ms")
        Duration inactivity,
    @Prop(description = "Start of part file names.", defaultValue = "part") String prefix,
    @Prop(description = "End of part file names.", defaultValue = ".jsonl") String suffix) {

  /** The time a partition's date comes from. */
  public enum PartitionTime {
    EVENT,
    TRIGGER,
    PROCESSING
  }
}
