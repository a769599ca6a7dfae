package dev.flow.spi;

/** Which form of a failed record the error stage receives. */
public enum ErrorPolicy {
  /** The record as the trigger produced it. */
  ORIGINAL_RECORD,
  /** The record as the failing stage saw it. */
  STAGE_RECORD
}
