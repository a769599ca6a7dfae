package dev.flow.factory;

import dev.flow.validate.ResolvedStage;

/**
 * Whether a field is on every record a stage emits, as far as the flow's declarations prove.
 *
 * @param state present, absent or unknown
 * @param type the field's JSON type when known, else null
 * @param stage the stage that decided it (set, dropped, or made it unknowable), or null
 * @param reason why, in words, e.g. {@code drops it} or {@code may change any field}
 */
public record Presence(State state, String type, ResolvedStage stage, String reason) {

  /** What is known of the field. */
  public enum State {
    PRESENT,
    ABSENT,
    UNKNOWN
  }

  static Presence present(String type, ResolvedStage by) {
    return new Presence(State.PRESENT, type, by, "sets it");
  }

  static Presence absent(ResolvedStage by, String reason) {
    return new Presence(State.ABSENT, null, by, reason);
  }

  static Presence unknown(ResolvedStage by, String reason) {
    return new Presence(State.UNKNOWN, null, by, reason);
  }
}
