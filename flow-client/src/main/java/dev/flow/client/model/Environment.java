package dev.flow.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Where deployments run: {@code local}, {@code flink-session} or {@code kubernetes}. */
public record Environment(String name, String kind, JsonNode config, Instant createdAt) {
  /** A new environment of {@code kind} with its settings (null: none). */
  public static Environment of(String name, String kind, JsonNode config) {
    return new Environment(name, kind, config, null);
  }
}
