package dev.flow.connectors.testing;

import dev.flow.spi.FlowSettings;
import dev.flow.spi.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/** A validation context that records problems as {@code error prop: message} lines. */
public final class RecordingValidationContext implements ValidationContext {
  private final FlowSettings settings;
  private final List<String> problems = new ArrayList<>();

  public RecordingValidationContext() {
    this(FlowSettings.defaults());
  }

  public RecordingValidationContext(FlowSettings settings) {
    this.settings = settings;
  }

  @Override
  public void error(String prop, String message) {
    problems.add("error " + prop + ": " + message);
  }

  @Override
  public void warning(String prop, String message) {
    problems.add("warning " + prop + ": " + message);
  }

  @Override
  public boolean isSet(String prop) {
    return true;
  }

  @Override
  public FlowSettings settings() {
    return settings;
  }

  public List<String> problems() {
    return problems;
  }
}
