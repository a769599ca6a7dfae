package dev.flow.validate;

import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.model.Severity;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.ValidationContext;
import java.util.List;

/** A {@link ValidationContext} that locates an action's problems at the prop they concern. */
final class StageValidationContext implements ValidationContext {

  private final Node.MapNode props;
  private final Location stageLocation;
  private final String stage;
  private final String action;
  private final FlowSettings settings;
  private final List<Problem> problems;
  private List<String> outputs = List.of();

  StageValidationContext(
      Node.MapNode props,
      Location stageLocation,
      String stage,
      String action,
      FlowSettings settings,
      List<Problem> problems) {
    this.props = props;
    this.stageLocation = stageLocation;
    this.stage = stage;
    this.action = action;
    this.settings = settings;
    this.problems = problems;
  }

  @Override
  public void error(String prop, String message) {
    problems.add(new Problem(locate(prop), stage, action, Severity.ERROR, message, null));
  }

  @Override
  public void warning(String prop, String message) {
    problems.add(new Problem(locate(prop), stage, action, Severity.WARNING, message, null));
  }

  @Override
  public boolean isSet(String prop) {
    return find(prop) != null;
  }

  /** Sets the stage's out targets. */
  StageValidationContext outputs(List<String> names) {
    this.outputs = List.copyOf(names);
    return this;
  }

  @Override
  public List<String> outputs() {
    return outputs;
  }

  @Override
  public FlowSettings settings() {
    return settings;
  }

  /** The value of a dotted prop path, or null. */
  private Node find(String prop) {
    if (prop == null) {
      return null;
    }
    Node n = props;
    for (String part : prop.split("\\.")) {
      if (!(n instanceof Node.MapNode m) || m.get(part) == null) {
        return null;
      }
      n = m.get(part);
    }
    return n instanceof Node.ScalarNode s && s.isNull() ? null : n;
  }

  /** The key of the prop when written, else the props mapping, else the stage. */
  private Location locate(String prop) {
    if (prop != null) {
      Node.MapNode m = props;
      Location at = null;
      for (String part : prop.split("\\.")) {
        if (m == null || m.get(part) == null) {
          break;
        }
        at = m.keyLocation(part);
        m = m.get(part) instanceof Node.MapNode inner ? inner : null;
      }
      if (at != null) {
        return at;
      }
    }
    return props.entries().isEmpty() ? stageLocation : props.location();
  }
}
