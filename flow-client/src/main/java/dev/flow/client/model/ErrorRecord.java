package dev.flow.client.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record a stage could not process, kept for inspection and replay: the record as JSON, or its
 * raw bytes as base64 when it was not JSON.
 */
public record ErrorRecord(
    long id,
    String flow,
    String deploymentId,
    Integer version,
    String stage,
    String action,
    String error,
    String timestamp,
    String runId,
    String policy,
    JsonNode record,
    String bytes,
    String replayedBy) {}
