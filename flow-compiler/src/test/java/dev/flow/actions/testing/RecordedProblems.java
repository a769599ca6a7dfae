package dev.flow.actions.testing;

import dev.flow.spi.FlowSettings;
import dev.flow.spi.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A {@link ValidationContext} that records problems as {@code "error prop: message"} lines. */
public final class RecordedProblems implements ValidationContext {
  private final List<String> lines = new ArrayList<>();
  private final Set<String> set;

  public RecordedProblems() {
    this(Set.of());
  }

  /** A context in which only the props named in {@code set} were written in the flow. */
  public RecordedProblems(Set<String> set) {
    this.set = set;
  }

  @Override
  public void error(String prop, String message) {
    lines.add("error " + prop + ": " + message);
  }

  @Override
  public void warning(String prop, String message) {
    lines.add("warning " + prop + ": " + message);
  }

  @Override
  public boolean isSet(String prop) {
    return set.contains(prop);
  }

  @Override
  public FlowSettings settings() {
    return FlowSettings.defaults();
  }

  public List<String> lines() {
    return lines;
  }
}
