package dev.flow.model;

/** How serious a validation problem is. Errors stop a flow from running; warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
