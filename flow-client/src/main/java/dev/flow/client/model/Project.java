package dev.flow.client.model;

/** A namespace of flows and parameter sets. */
public record Project(String name, String description) {}
