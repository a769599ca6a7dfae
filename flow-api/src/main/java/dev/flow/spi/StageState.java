package dev.flow.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state a stateful stage keeps in checkpoints and savepoints, as its action describes it from
 * the stage's options: what the state is, which of the stage's operators hold it, the options that
 * shape it (a change makes a savepoint's state for the stage unusable) and the options it depends
 * on without its layout changing.
 *
 * @param what the state in a few words, e.g. {@code window contents per key}
 * @param uidSuffixes the operator uid suffixes that hold state; {@code ""} is the stage's main uid
 * @param shape option label to value; a change breaks restoring the state
 * @param settings option label to value; a change keeps the state but changes how it is used
 */
public record StageState(
    String what,
    List<String> uidSuffixes,
    Map<String, String> shape,
    Map<String, String> settings) {

  public StageState {
    Objects.requireNonNull(what, "what");
    uidSuffixes = List.copyOf(uidSuffixes);
    shape = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shape));
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** State held by the stage's main operator. */
  public static StageState of(String what) {
    return new StageState(what, List.of(""), Map.of(), Map.of());
  }

  /** State held by the operator whose uid ends in {@code suffix} ({@code ""} for the main one). */
  public static StageState of(String what, String suffix) {
    return new StageState(what, List.of(suffix), Map.of(), Map.of());
  }

  /** This state, also held by the operator with uid suffix {@code suffix}. */
  public StageState alsoIn(String suffix) {
    List<String> s = new ArrayList<>(uidSuffixes);
    s.add(suffix);
    return new StageState(what, s, shape, settings);
  }

  /** This state with {@code option} shaping it; {@code value} may be null (shown as "unset"). */
  public StageState shape(String option, Object value) {
    Map<String, String> m = new LinkedHashMap<>(shape);
    m.put(option, text(value));
    return new StageState(what, uidSuffixes, m, settings);
  }

  /** This state with {@code option} affecting how it is used but not its layout. */
  public StageState setting(String option, Object value) {
    Map<String, String> m = new LinkedHashMap<>(settings);
    m.put(option, text(value));
    return new StageState(what, uidSuffixes, shape, m);
  }

  private static String text(Object value) {
    if (value == null) {
      return "unset";
    }
    if (value instanceof java.time.Duration d) {
      return Durations.text(d);
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
    return String.valueOf(value);
  }

  /** Short duration text: 90s, 5m, 1h, 250ms. */
  static final class Durations {
    private Durations() {}

    static String text(java.time.Duration d) {
      long ms = d.toMillis();
      if (ms % 3_600_000 == 0 && ms != 0) {
        return ms / 3_600_000 + "h";
      }
      if (ms % 60_000 == 0 && ms != 0) {
        return ms / 60_000 + "m";
      }
      if (ms % 1000 == 0) {
        return ms / 1000 + "s";
      }
      return ms + "ms";
    }
  }
}
