package dev.flow.expr;

import dev.flow.record.FlowRecord;
import java.nio.charset.StandardCharsets;

/** Test records written as JSON. */
final class Records {
  private Records() {}

  /** A record whose payload is {@code json}, with single quotes standing for double quotes. */
  static FlowRecord of(String json) {
    return FlowRecord.ofJsonBytes(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }
}
