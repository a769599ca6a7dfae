package dev.flow.actions.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
        long utc = utcMillis(s);
        if (utc != NOT_UTC) {
          return utc;
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

  private static final long NOT_UTC = Long.MIN_VALUE;

  /**
   * The epoch milliseconds of {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the form most records carry,
   * read without a formatter (sub-milliseconds dropped, as {@code Instant.toEpochMilli} does);
   * {@link #NOT_UTC} for any other form, which {@code Instant.parse} then reads.
   */
  static long utcMillis(String s) {
    int n = s.length();
    if (n < 20
        || n > 30
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(n - 1) != 'Z') {
      return NOT_UTC;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return NOT_UTC;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NOT_UTC;
    }
    int millis = 0;
    if (n > 20) {
      int fraction = n - 21;
      if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return NOT_UTC;
      }
      int f = digits(s, 20, fraction);
      if (f < 0) {
        return NOT_UTC;
      }
      for (int i = fraction; i < 3; i++) {
        f *= 10;
      }
      for (int i = fraction; i > 3; i--) {
        f /= 10;
      }
      millis = f;
    }
    if (day > YearMonth.of(year, month).lengthOfMonth()) {
      return NOT_UTC;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return epochDay * 86_400_000L + hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
  }

  /** The decimal number of {@code length} digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String s, int from, int length) {
    int v = 0;
    for (int i = from; i < from + length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
