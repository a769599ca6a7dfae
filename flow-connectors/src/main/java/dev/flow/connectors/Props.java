package dev.flow.connectors;

import dev.flow.record.FieldPath;
import dev.flow.spi.ValidationContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Checks and conversions of prop values that several connectors share. */
public final class Props {
  private Props() {}

  /** Epoch milliseconds from digits or an ISO-8601 instant, or null when it is neither. */
  public static Long epochMillis(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException notDigits) {
      try {
        return Instant.parse(s.trim()).toEpochMilli();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  /** Reports {@code prop} when {@code path} is set and is not a valid field path. */
  public static void checkPath(ValidationContext ctx, String prop, String path) {
    if (path != null) {
      try {
        FieldPath.parse(path);
      } catch (IllegalArgumentException e) {
        ctx.error(prop, e.getMessage());
      }
    }
  }
}
