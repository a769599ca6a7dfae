package dev.flow.upgrade;

import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.model.Severity;

/**
 * One difference between two versions of a flow that matters to a savepoint, located in the new
 * flow (or the old one for a removed stage).
 *
 * @param level whether the change breaks restoring, keeps the state with a caveat, or is harmless
 * @param location where the stage is
 * @param stage the stage's name, or null for the flow as a whole
 * @param action the stage's action, or null
 * @param message what changed and what it does to the state
 * @param hint how to keep the state, or null
 */
public record StateChange(
    Level level, Location location, String stage, String action, String message, String hint) {

  /** How much a change matters to a savepoint. */
  public enum Level {
    /** The savepoint's state for the stage cannot be reused. */
    ERROR,
    /** The state is kept, but used differently. */
    WARNING,
    /** No state is involved. */
    INFO;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean breaking() {
    return level == Level.ERROR;
  }

  /** This change as a validation problem of the given severity. */
  public Problem toProblem(Severity severity) {
    return new Problem(location, stage, action, severity, message, hint);
  }

  /** The one-line form: {@code new.yaml:12:5: error: stage "Totals" (Reduce): key changed ...}. */
  public String format() {
    return Problem.format(location, level.label(), stage, action, message, hint);
  }

  @Override
  public String toString() {
    return format();
  }
}
