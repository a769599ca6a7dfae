package dev.flow.client.model;

import java.time.Instant;

/** One immutable version of a flow; {@code yaml} is null in version lists. */
public record FlowVersion(
    String flowId, int version, String yaml, String author, String message, Instant createdAt) {}
