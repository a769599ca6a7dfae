package dev.flow.spi;

import java.util.List;
import java.util.Map;

/**
 * How a stage changes the fields of the records that pass through it, as far as its options tell:
 * the fields it sets, removes, keeps or renames. A factory uses it to prove which fields a flow's
 * publisher writes, and so to check the data contract with the flow that reads them.
 *
 * <p>The steps apply in order. {@link #UNKNOWN} (the default for an action that declares nothing)
 * means that any field may change; {@link #UNCHANGED} means that records keep their fields.
 *
 * @param steps what happens to the fields, in order
 */
public record FieldEffects(List<Step> steps) {

  /** The stage may change any field: nothing can be proven after it. */
  public static final FieldEffects UNKNOWN = new FieldEffects(List.of(new Unknown()));

  /** The stage passes records on with their fields as they are (a filter, a deduplication). */
  public static final FieldEffects UNCHANGED = new FieldEffects(List.of());

  public FieldEffects {
    steps = List.copyOf(steps);
  }

  /** Effects made of these steps. */
  public static FieldEffects of(Step... steps) {
    return new FieldEffects(List.of(steps));
  }

  /**
   * A stage that emits new records holding exactly these fields (a trigger of known records, an
   * aggregate), each path mapped to its JSON type or null when the type is not known.
   */
  public static FieldEffects replaced(Map<String, String> fields) {
    List<Step> s = new java.util.ArrayList<>();
    s.add(new Keep(List.of()));
    fields.forEach((p, t) -> s.add(new Set(p, t)));
    return new FieldEffects(s);
  }

  /** One change to the record's fields. Paths are dotted field paths, e.g. {@code customer.id}. */
  public sealed interface Step permits Set, Changed, Remove, Keep, Rename, Unknown {}

  /**
   * The field at {@code path} is set on every record.
   *
   * @param path the field set
   * @param type its JSON type ({@code string}, {@code number}, {@code integer}, {@code boolean},
   *     {@code object}, {@code array}, {@code null}) or null when not known
   */
  public record Set(String path, String type) implements Step {}

  /** The field at {@code path} may be set, changed or left out (an enrichment that can miss). */
  public record Changed(String path) implements Step {}

  /** The field at {@code path} is removed from every record (it may not have been there). */
  public record Remove(String path) implements Step {}

  /** Only these fields (and what lies under them) are kept; every other field is removed. */
  public record Keep(List<String> paths) implements Step {
    public Keep {
      paths = List.copyOf(paths);
    }
  }

  /** Each field moves from its key to its value, all at once (so a swap works). */
  public record Rename(Map<String, String> moves) implements Step {
    public Rename {
      moves = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(moves));
    }
  }

  /** Any field may change. */
  public record Unknown() implements Step {}
}
