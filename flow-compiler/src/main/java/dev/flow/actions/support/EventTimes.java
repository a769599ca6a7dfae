package dev.flow.actions.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads event times from record fields: epoch milliseconds or ISO-8601 text. */
public final class EventTimes {
  private EventTimes() {}

  /** The epoch milliseconds of {@code v}; throws with a readable message when it is not a time. */
  public static long parse(String field, JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      throw new IllegalArgumentException("no time field '" + field + "' in the record");
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      String s = v.asText().trim();
      try {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
          return Long.parseLong(s);
        }
        return Instant.parse(s).toEpochMilli();
      } catch (DateTimeParseException | NumberFormatException e) {
        try {
          return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e2) {
          // fall through to the message below
        }
      }
    }
    throw new IllegalArgumentException(
        "time field '"
            + field
            + "' must be epoch milliseconds or an ISO-8601 time, found "
            + v.toString());
  }
}
