package dev.flow.client.model;

import java.util.Map;

/**
 * A named set of parameters that flows reference as {@code ${set__param}}. The server never returns
 * a secret's value: it reads back as {@link Parameter#MASK}.
 */
public record ParameterSet(String name, Map<String, Parameter> parameters) {
  public ParameterSet {
    parameters = parameters == null ? Map.of() : parameters;
  }

  /** One parameter: its value as text, and whether it is secret. */
  public record Parameter(String value, boolean secret) {
    /** What the server returns, and accepts back unchanged, in place of a secret's value. */
    public static final String MASK = "***";

    public static Parameter plain(String value) {
      return new Parameter(value, false);
    }

    public static Parameter secret(String value) {
      return new Parameter(value, true);
    }

    @Override
    public String toString() {
      return secret ? MASK : value;
    }
  }
}
