package dev.flow.validate;

import dev.flow.model.Location;
import dev.flow.model.Node;
import java.time.Duration;

/** Checks a bound number, duration or size against its prop's {@code min} and {@code max}. */
final class Limits {

  private Limits() {}

  /** {@code v}, or {@link OptionsBinder#FAILED} after reporting it out of its limits. */
  static Object check(OptionsBinder binder, PropSpec spec, Object v, Node at, String path) {
    Object min = bound(spec, spec.min(), v);
    Object max = bound(spec, spec.max(), v);
    // NaN and the infinities (.nan, .inf in YAML) are within no declared limits.
    boolean finite = !(v instanceof Double d) || Double.isFinite(d);
    boolean low = min != null && (!finite || compare(v, min) < 0);
    boolean high = max != null && (!finite || compare(v, max) > 0);
    if (!low && !high) {
      return v;
    }
    String want;
    if (min != null && max != null) {
      want = "from " + spec.min().trim() + " to " + spec.max().trim();
    } else if (min != null) {
      want = spec.min().trim() + " or more";
    } else {
      want = spec.max().trim() + " or less";
    }
    binder.error(
        at.location(),
        binder.noun() + " '" + path + "' must be " + want + ", found " + text(v),
        null);
    return OptionsBinder.FAILED;
  }

  /** A limit as a value of the prop's type; a limit the type cannot take is a declaration bug. */
  private static Object bound(PropSpec spec, String text, Object like) {
    if (text == null) {
      return null;
    }
    Location src = new Location("limit of " + spec.name(), 0, 0);
    Node.ScalarNode n = new Node.ScalarNode(text, src, Node.ScalarNode.Style.SYNTHETIC, false);
    try {
      return Scalars.convert(like.getClass(), n);
    } catch (Scalars.Mismatch | Scalars.Invalid | RuntimeException e) {
      throw new IllegalStateException(
          "prop '" + spec.name() + "' declares a limit its type cannot take: " + text, e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object v, Object limit) {
    if ((v instanceof Long || v instanceof Integer) && limit instanceof Number b) {
      return Long.compare(((Number) v).longValue(), b.longValue());
    }
    if (v instanceof Number a && limit instanceof Number b) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return ((Comparable) v).compareTo(limit);
  }

  private static String text(Object v) {
    return v instanceof Duration d ? Scalars.format(d) : String.valueOf(v);
  }

  /** The limits in words for the docs ("1 or more", "from 1ms to 1h"), or null. */
  static String describe(PropSpec spec) {
    if (spec.min() != null && spec.max() != null) {
      return "from " + spec.min() + " to " + spec.max();
    }
    if (spec.min() != null) {
      return spec.min() + " or more";
    }
    return spec.max() == null ? null : spec.max() + " or less";
  }
}
