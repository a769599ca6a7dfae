package dev.flow.client.model;

/** One run of a flow: a batch, a window, or a manual trigger, with its outcome. */
public record Run(
    String runId,
    String flow,
    String flowId,
    String deploymentId,
    Integer version,
    String environment,
    boolean manual,
    String status,
    String trigger,
    String start,
    String end,
    Long durationMs,
    Long published,
    Long errors,
    String failedStage,
    String error) {}
