package dev.flow.client.model;

import java.util.Map;

/**
 * A flow's settings as a dictionary ({@code errors.action}, {@code checkpointing.interval}, ...)
 * and the version they were read from, to base a change on.
 */
public record FlowConfiguration(int baseVersion, Map<String, Object> settings) {
  public FlowConfiguration {
    settings = settings == null ? Map.of() : settings;
  }

  /** One setting, or null. */
  public Object get(String key) {
    return settings.get(key);
  }
}
