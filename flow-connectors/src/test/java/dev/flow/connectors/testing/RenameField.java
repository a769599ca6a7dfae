package dev.flow.connectors.testing;

import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.spi.RecordProcessor;
import org.apache.flink.util.Collector;

/** A one-field rename processor, standing in for a remap stage in connector tests. */
public final class RenameField implements RecordProcessor {
  private static final long serialVersionUID = 1L;
  private final FieldPath from;
  private final FieldPath to;

  public RenameField(String from, String to) {
    this.from = FieldPath.parse(from);
    this.to = FieldPath.parse(to);
  }

  @Override
  public void process(FlowRecord record, Collector<FlowRecord> out) {
    record.rename(from, to);
    out.collect(record);
  }
}
