package dev.flow.spi;

/** What a stage does in the flow, which follows from its action. */
public enum StageKind {
  /** Starts runs: a Flink source. */
  TRIGGER,
  /** Changes, filters, enriches or combines records: one or more Flink operators. */
  TRANSFORM,
  /** Writes records out of the flow: a Flink sink. */
  PUBLISHER;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
