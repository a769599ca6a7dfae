package dev.flow.client.model;

/** The server's health: {@code ok} when it serves. */
public record Health(String status) {}
