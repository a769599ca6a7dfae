package dev.flow.client.model;

/** A named token and its role; {@code token} is the secret, given only once, when created. */
public record ApiToken(String name, TokenRole role, String token) {}
