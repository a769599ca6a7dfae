package dev.flow.record;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The top-level fields whose object values the stages after a trigger are known to edit, so that
 * {@link FlowRecord#validate(NestedHint)} indexes those objects while it checks them, instead of
 * their being scanned a second time on first access. Made once per stage, not per record.
 */
public final class NestedHint implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[][] names;
  private final int[] hashes;

  private NestedHint(Set<String> names) {
    this.names = new byte[names.size()][];
    this.hashes = new int[names.size()];
    int k = 0;
    for (String n : names) {
      byte[] u = n.getBytes(StandardCharsets.UTF_8);
      this.names[k] = u;
      this.hashes[k++] = ObjectIndex.hash(u, 0, u.length);
    }
  }

  /**
   * The hint for these dotted field paths: the first segment of each path of two or more segments
   * (a top-level field holding an object); null when there is none.
   */
  public static NestedHint of(Collection<String> paths) {
    Set<String> first = new LinkedHashSet<>();
    for (String p : paths) {
      FieldPath f;
      try {
        f = FieldPath.parse(p);
      } catch (IllegalArgumentException e) {
        continue; // not a path this hint can use; the stage reports it itself
      }
      if (!f.isTopLevel()) {
        first.add(f.head());
      }
    }
    return first.isEmpty() ? null : new NestedHint(first);
  }

  /** The top-level names of the hint, in order. */
  public java.util.List<String> names() {
    java.util.List<String> all = new java.util.ArrayList<>();
    for (byte[] n : names) {
      all.add(new String(n, StandardCharsets.UTF_8));
    }
    return all;
  }

  /** Whether the unescaped name {@code b[from, to)} with this {@code hash} is one of the hint's. */
  boolean wants(byte[] b, int from, int to, int hash) {
    for (int k = 0; k < names.length; k++) {
      if (hashes[k] == hash && java.util.Arrays.equals(names[k], 0, names[k].length, b, from, to)) {
        return true;
      }
    }
    return false;
  }
}
